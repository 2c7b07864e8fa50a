// Local days in the person's IANA time zone (never the browser's guess when we know theirs).

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
  try {
    return new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
  } catch {
    // An unknown zone: the browser's own zone is a better guess than failing.
    return new Intl.DateTimeFormat('en-CA', options);
  }
}

// The calendar day (YYYY-MM-DD) that `now` falls on in `timeZone`.
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = dayFormatter(timeZone).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

// "Wednesday 25 November 2026" for a YYYY-MM-DD day, whatever the zone of the browser.
export function formatDay(date: string, locale?: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  }).format(utc);
}

// True for a 24-hour wall-clock time HH:MM, as the API takes it.
export function isTimeOfDay(text: string): boolean {
  return /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(text);
}

// Accepts "9:00", "0900", "900" and "9" as conveniences; returns HH:MM, or the text unchanged.
export function normaliseTime(text: string): string {
  const t = text.trim();
  const m = /^(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (!m) return t;
  const candidate = `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? '00'}`;
  return isTimeOfDay(candidate) ? candidate : t;
}
