// The values card sort: pick cards, add your own, and order them so the first five are your top five.
import { byteLength } from '../../checkin-form';

export const TOP_VALUES = 5;
export const VALUE_NAME_MAX_BYTES = 100;

interface StoredValue {
  id: number;
  name: string;
  rank: number | null;
}

// Value names match without regard to case or surrounding spaces, as the server matches them.
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function isPicked(picked: readonly string[], name: string): boolean {
  return picked.some((p) => sameName(p, name));
}

// Picking adds a card at the end of the order; picking it again takes it out.
export function togglePick(picked: readonly string[], name: string): string[] {
  return isPicked(picked, name) ? picked.filter((p) => !sameName(p, name)) : [...picked, name];
}

// Moves the value at `index` one place up (-1) or down (+1); out of range changes nothing.
export function moveValue(picked: readonly string[], index: number, delta: -1 | 1): string[] {
  const to = index + delta;
  if (index < 0 || index >= picked.length || to < 0 || to >= picked.length) return [...picked];
  const next = [...picked];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item as string);
  return next;
}

export function topFive(picked: readonly string[]): string[] {
  return picked.slice(0, TOP_VALUES);
}

// Why a name typed for a custom value cannot be used, or undefined when it can.
export function customNameError(name: string): string | undefined {
  const t = name.trim();
  if (t === '') return 'Write the name of the value first.';
  if (/[\u0000-\u001f\u007f]/.test(t)) return 'Keep the name on one line, without control characters.';
  const bytes = byteLength(t);
  if (bytes > VALUE_NAME_MAX_BYTES) {
    return `Keep the name to at most ${VALUE_NAME_MAX_BYTES} bytes; this one has ${bytes}.`;
  }
  return undefined;
}

export interface CardState {
  custom: string[];
  picked: string[];
}

export type AddResult =
  | { ok: true; state: CardState; message: string }
  | { ok: false; error: string };

// Adds a value of the person's own. A name that is already a card just picks that card.
export function addCustom(state: CardState, catalogue: readonly string[], name: string): AddResult {
  const error = customNameError(name);
  if (error) return { ok: false, error };
  const t = name.trim();
  const existing = [...catalogue, ...state.custom].find((c) => sameName(c, t));
  if (existing) {
    const picked = isPicked(state.picked, existing) ? [...state.picked] : [...state.picked, existing];
    return { ok: true, state: { custom: [...state.custom], picked }, message: `“${existing}” is already a card; it is picked.` };
  }
  return { ok: true, state: { custom: [...state.custom, t], picked: [...state.picked, t] }, message: `Added “${t}”.` };
}

export function validateValues(picked: readonly string[]): { values?: string } {
  return picked.length === 0 ? { values: 'Pick at least one value that matters to you.' } : {};
}

// The order to start from: ranked values by rank, then the others as they were added.
export function initialPicked(stored: readonly StoredValue[]): string[] {
  const ranked = stored.filter((v) => v.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const rest = stored.filter((v) => v.rank === null).sort((a, b) => a.id - b.id);
  return [...ranked, ...rest].map((v) => v.name);
}

// Stored values not in the catalogue, for showing them as cards of their own.
export function customNames(stored: readonly { name: string }[], catalogue: readonly string[]): string[] {
  return stored.filter((v) => !catalogue.some((c) => sameName(c, v.name))).map((v) => v.name);
}

export interface ValueSyncPlan {
  remove: StoredValue[];
  create: string[];
  rank: string[];
}

// What to send so that the stored values become the picked ones, the first five ranked in order.
export function planValueSync(stored: readonly StoredValue[], picked: readonly string[]): ValueSyncPlan {
  const unique: string[] = [];
  for (const p of picked) if (p.trim() !== '' && !isPicked(unique, p)) unique.push(p.trim());
  return {
    remove: stored.filter((v) => !isPicked(unique, v.name)),
    create: unique.filter((p) => !stored.some((v) => sameName(v.name, p))),
    rank: topFive(unique),
  };
}

// "1st", "2nd"... for announcing a move.
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
