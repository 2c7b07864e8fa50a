// Unsaved check-in and win drafts, kept in sessionStorage so a session that expires loses nothing.
import type { CheckInForm } from './checkin-form';
import type { WinForm } from './win-form';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Drafts {
  checkin?: CheckInForm;
  win?: WinForm;
}

interface Stored extends Drafts {
  account: number;
  date: string;
}

export const DRAFT_KEY = 'headway.drafts.v1';

// sessionStorage, or null where the browser refuses it (storage disabled, sandboxed frames).
export function browserSessionStorage(): StorageLike | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export class DraftStore {
  constructor(private readonly storage: StorageLike | null) {}

  private read(): Stored | null {
    try {
      const text = this.storage?.getItem(DRAFT_KEY);
      if (!text) return null;
      const value = JSON.parse(text) as Stored;
      return typeof value?.account === 'number' && typeof value.date === 'string' ? value : null;
    } catch {
      return null;
    }
  }

  private write(value: Stored | null): void {
    try {
      if (value === null || (!value.checkin && !value.win)) this.storage?.removeItem(DRAFT_KEY);
      else this.storage?.setItem(DRAFT_KEY, JSON.stringify(value));
    } catch {
      // A full or disabled storage only means the draft is not kept; the form still works.
    }
  }

  // Keeps (or with `undefined`, forgets) one part of the drafts of an account's day.
  save<K extends keyof Drafts>(account: number, date: string, part: K, value: Drafts[K] | undefined): void {
    const current = this.read();
    const next: Stored = current && current.account === account && current.date === date
      ? { ...current }
      : { account, date };
    if (value === undefined) delete next[part];
    else Object.assign(next, { [part]: value });
    this.write(next);
  }

  // The drafts of this account's day. Drafts of another account or day are dropped, never shown.
  load(account: number, date: string): Drafts {
    const current = this.read();
    if (!current) return {};
    if (current.account !== account || current.date !== date) {
      this.write(null);
      return {};
    }
    const drafts: Drafts = {};
    if (current.checkin) drafts.checkin = current.checkin;
    if (current.win) drafts.win = current.win;
    return drafts;
  }

  clear(): void {
    this.write(null);
  }
}
