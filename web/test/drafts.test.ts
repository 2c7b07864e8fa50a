import { describe, expect, it } from 'vitest';
import { emptyCheckIn } from '../src/checkin-form';
import { DRAFT_KEY, DraftStore, type StorageLike } from '../src/drafts';

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string) { return this.items.get(key) ?? null; }
  setItem(key: string, value: string) { this.items.set(key, value); }
  removeItem(key: string) { this.items.delete(key); }
}

const typed = { ...emptyCheckIn(), start: '08:30', stress: 4, note: 'Long day <b>really</b>' };

describe('DraftStore', () => {
  it('keeps a check-in and a win draft and restores them for the same account and day', () => {
    const storage = new MemoryStorage();
    new DraftStore(storage).save(1, '2026-11-25', 'checkin', typed);
    new DraftStore(storage).save(1, '2026-11-25', 'win', { text: 'Left on time', size: 'medium' });
    // A new store on the same storage: what a reload after signing in again sees.
    expect(new DraftStore(storage).load(1, '2026-11-25')).toEqual({
      checkin: typed,
      win: { text: 'Left on time', size: 'medium' },
    });
  });

  it('forgets a part once it is saved, and removes the key when nothing is left', () => {
    const storage = new MemoryStorage();
    const drafts = new DraftStore(storage);
    drafts.save(1, '2026-11-25', 'checkin', typed);
    drafts.save(1, '2026-11-25', 'win', { text: 'x', size: 'small' });
    drafts.save(1, '2026-11-25', 'checkin', undefined);
    expect(drafts.load(1, '2026-11-25')).toEqual({ win: { text: 'x', size: 'small' } });
    drafts.save(1, '2026-11-25', 'win', undefined);
    expect(storage.items.has(DRAFT_KEY)).toBe(false);
  });

  it('never shows one account the drafts of another, and drops them', () => {
    const storage = new MemoryStorage();
    new DraftStore(storage).save(1, '2026-11-25', 'checkin', typed);
    expect(new DraftStore(storage).load(2, '2026-11-25')).toEqual({});
    expect(storage.items.has(DRAFT_KEY)).toBe(false);
  });

  it('drops the drafts of another day', () => {
    const storage = new MemoryStorage();
    new DraftStore(storage).save(1, '2026-11-25', 'checkin', typed);
    expect(new DraftStore(storage).load(1, '2026-11-26')).toEqual({});
  });

  it('starts a new draft when the account changes', () => {
    const storage = new MemoryStorage();
    const drafts = new DraftStore(storage);
    drafts.save(1, '2026-11-25', 'checkin', typed);
    drafts.save(2, '2026-11-25', 'win', { text: 'mine', size: 'big' });
    expect(drafts.load(2, '2026-11-25')).toEqual({ win: { text: 'mine', size: 'big' } });
  });

  it('survives storage that is missing, broken or full', () => {
    expect(new DraftStore(null).load(1, '2026-11-25')).toEqual({});
    const broken = new MemoryStorage();
    broken.setItem(DRAFT_KEY, '{not json');
    expect(new DraftStore(broken).load(1, '2026-11-25')).toEqual({});
    const full: StorageLike = {
      getItem: () => null,
      setItem: () => { throw new Error('QuotaExceededError'); },
      removeItem: () => {},
    };
    expect(() => new DraftStore(full).save(1, '2026-11-25', 'checkin', typed)).not.toThrow();
  });

  it('clear() removes everything (signing out on purpose)', () => {
    const storage = new MemoryStorage();
    const drafts = new DraftStore(storage);
    drafts.save(1, '2026-11-25', 'checkin', typed);
    drafts.clear();
    expect(storage.items.size).toBe(0);
  });
});
