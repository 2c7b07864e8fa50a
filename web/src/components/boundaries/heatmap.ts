// The adherence heatmap: one cell per day per boundary, weeks as columns and Monday to Sunday as
// rows, built from the API's evaluations. Pure, so it is tested without a browser.
import type { BoundaryStatus, Evaluation } from '../../types';
import { addDays, daysBetween, mondayOf, monthName, shortDay } from './days';

// No evaluation on a day means the boundary does not cover it (a weekday rule at the weekend).
export type CellStatus = BoundaryStatus | 'not-applicable';

export interface HeatCell {
  date: string;
  status: CellStatus;
  evidence: string;
  label: string;
}

export interface HeatWeek {
  monday: string;
  // Monday to Sunday; null for a day outside the range (after today, or before its start).
  days: (HeatCell | null)[];
  // The month shown above the column when a new month starts, else ''.
  month: string;
}

export interface Heatmap {
  weeks: HeatWeek[];
  counts: Record<CellStatus, number>;
}

export const STATUS_WORDS: Record<CellStatus, string> = {
  kept: 'kept',
  broken: 'broken',
  unknown: 'no evidence',
  'not-applicable': 'does not apply',
};

// A sign per status, so that colour is never the only difference.
export const STATUS_SYMBOLS: Record<CellStatus, string> = {
  kept: '✓',
  broken: '✕',
  unknown: '?',
  'not-applicable': '–',
};

// The last `weeks` weeks, whole weeks from a Monday, up to today.
export function heatmapRange(today: string, weeks = 12): { from: string; to: string } {
  return { from: addDays(mondayOf(today), -7 * (weeks - 1)), to: today };
}

// boundary id → day → evaluation.
export function indexEvaluations(evaluations: readonly Evaluation[]): Map<number, Map<string, Evaluation>> {
  const index = new Map<number, Map<string, Evaluation>>();
  for (const ev of evaluations) {
    let days = index.get(ev.boundary_id);
    if (!days) index.set(ev.boundary_id, (days = new Map()));
    days.set(ev.date, ev);
  }
  return index;
}

// "Tue 3 Nov: broken, worked until 20:10"
export function cellLabel(date: string, status: CellStatus, evidence: string): string {
  const head = `${shortDay(date)}: ${STATUS_WORDS[status]}`;
  return evidence ? `${head}, ${evidence}` : head;
}

export function cellFor(date: string, ev: Evaluation | undefined): HeatCell {
  const status: CellStatus = ev ? ev.status : 'not-applicable';
  const evidence = ev ? ev.evidence : '';
  return { date, status, evidence, label: cellLabel(date, status, evidence) };
}

export function buildHeatmap(from: string, to: string, days: ReadonlyMap<string, Evaluation> | undefined): Heatmap {
  const counts: Record<CellStatus, number> = { kept: 0, broken: 0, unknown: 0, 'not-applicable': 0 };
  const weeks: HeatWeek[] = [];
  if (daysBetween(from, to) < 0) return { weeks, counts };
  let previousMonth = '';
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    const week: HeatWeek = { monday, days: [], month: '' };
    for (let i = 0; i < 7; i++) {
      const date = addDays(monday, i);
      if (date < from || date > to) {
        week.days.push(null);
        continue;
      }
      const cell = cellFor(date, days?.get(date));
      counts[cell.status] += 1;
      week.days.push(cell);
    }
    const month = monthName(monday < from ? from : monday);
    week.month = month === previousMonth ? '' : month;
    previousMonth = month;
    weeks.push(week);
  }
  return { weeks, counts };
}

export interface KeptRate {
  kept: number;
  broken: number;
  unknown: number;
  // kept / (kept + broken); null when there is no day with evidence. Unknown never counts as kept.
  rate: number | null;
}

export function keptRate(counts: Record<CellStatus, number>): KeptRate {
  const { kept, broken, unknown } = counts;
  return { kept, broken, unknown, rate: kept + broken === 0 ? null : kept / (kept + broken) };
}

export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

// The kept rate in words, honest about how much it rests on.
export function keptRateSentence(r: KeptRate): string {
  const noEvidence = r.unknown === 0 ? '' : ` ${r.unknown} ${r.unknown === 1 ? 'day had' : 'days had'} no evidence.`;
  if (r.rate === null) return `No day with evidence yet, so there is no kept rate.${noEvidence}`;
  const days = r.kept + r.broken;
  return `Kept on ${r.kept} of ${days} ${days === 1 ? 'day' : 'days'} with evidence.${noEvidence}`;
}

// Where a key moves the selected day in the grid (rows are weekdays, columns weeks, as in the ARIA
// grid pattern: Home and End go along the row, with Ctrl to the first and last day), kept inside
// [from, to]; null for a key the grid does not use.
export function moveDay(date: string, key: string, from: string, to: string, ctrl = false): string | null {
  let next: string;
  switch (key) {
    case 'ArrowUp': next = addDays(date, -1); break;
    case 'ArrowDown': next = addDays(date, 1); break;
    case 'ArrowLeft': next = addDays(date, -7); break;
    case 'ArrowRight': next = addDays(date, 7); break;
    case 'Home':
      if (ctrl) return from;
      next = date;
      while (addDays(next, -7) >= from) next = addDays(next, -7);
      return next;
    case 'End':
      if (ctrl) return to;
      next = date;
      while (addDays(next, 7) <= to) next = addDays(next, 7);
      return next;
    default: return null;
  }
  // At an edge the selection stays where it is.
  return next < from || next > to ? date : next;
}
