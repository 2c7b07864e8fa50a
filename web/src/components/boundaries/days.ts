// Calendar arithmetic on YYYY-MM-DD local days (done in UTC, so no zone or DST can shift a day).

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export function isDay(text: string): boolean {
  return DAY.test(text);
}

function utc(date: string): Date {
  const m = DAY.exec(date);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(NaN);
}

export function addDays(date: string, days: number): string {
  return new Date(utc(date).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

// Whole days from `from` to `to` (negative when `to` comes first).
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000);
}

// 0 for Monday … 6 for Sunday, as in ISO weeks.
export function weekdayIndex(date: string): number {
  return (utc(date).getUTCDay() + 6) % 7;
}

// The Monday of the ISO week that holds `date`.
export function mondayOf(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

export function weekdayName(index: number): string {
  return WEEKDAYS[index] ?? '';
}

// "Tue 3 Nov", short enough for a cell's name and a day heading.
export function shortDay(date: string): string {
  const d = utc(date);
  return `${WEEKDAYS[weekdayIndex(date)]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

// "3 Nov"
export function dayMonth(date: string): string {
  const d = utc(date);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

export function monthName(date: string): string {
  return MONTHS[utc(date).getUTCMonth()] ?? '';
}
