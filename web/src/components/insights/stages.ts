// A goal's stage history as spans along a timeline, from each entry to the next (the last to today).
import type { Stage } from '../../types';
import type { StageEntry } from './data';

// The same plain words as the goals pages use.
export const STAGE_NAMES: Record<Stage, string> = {
  precontemplation: 'Not yet intending',
  contemplation: 'Thinking about it',
  preparation: 'Getting ready',
  action: 'Doing it',
  maintenance: 'Keeping it up',
};

export interface StageSpan {
  entry: StageEntry;
  from: string;
  // The next entry's date, or today for the latest.
  to: string;
  days: number;
  // The span's share of the whole timeline, 0 to 1 (the spans add up to 1).
  share: number;
  recycled: boolean;
}

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

// Entries in date order (ties by id); each span lasts until the next entry. Zero-length spans keep a sliver.
export function stageSpans(history: readonly StageEntry[], today: string): StageSpan[] {
  const sorted = [...history].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
  const spans = sorted.map((entry, i) => {
    const to = sorted[i + 1]?.date ?? (today > entry.date ? today : entry.date);
    return { entry, from: entry.date, to, days: Math.max(0, dayNumber(to) - dayNumber(entry.date)), share: 0,
      recycled: entry.reason === 'recycled' };
  });
  const total = spans.reduce((sum, s) => sum + Math.max(s.days, 1), 0);
  for (const s of spans) s.share = total ? Math.max(s.days, 1) / total : 0;
  return spans;
}
