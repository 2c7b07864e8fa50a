// The check-in form's state, its checks before sending, and the body PUT /checkins/{date} takes.
import { isTimeOfDay, normaliseTime } from './dates';
import type { CheckIn, CheckInPut, DailySignals } from './types';

export interface CheckInForm {
  off: boolean;
  start: string;
  end: string;
  stress: number | null;
  energy: number | null;
  after_hours: string;
  break: string;
  progress: boolean;
  setback: boolean;
  note: string;
}

// Field names are the API's, so that an error's `field` lands next to the right control.
export type CheckInField = keyof CheckInForm;
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export const CHECKIN_FIELDS: readonly CheckInField[] = [
  'off', 'start', 'end', 'stress', 'energy', 'after_hours', 'break', 'progress', 'setback', 'note',
];

export const NOTE_MAX_BYTES = 4000;

export function emptyCheckIn(): CheckInForm {
  return {
    off: false, start: '', end: '', stress: null, energy: null,
    after_hours: '', break: '', progress: false, setback: false, note: '',
  };
}

export function formFromCheckIn(c: CheckIn): CheckInForm {
  return {
    off: c.off,
    start: c.start ?? '',
    end: c.end ?? '',
    stress: c.stress,
    energy: c.energy,
    after_hours: c.after_hours === null ? '' : String(c.after_hours),
    break: c.break === null ? '' : String(c.break),
    progress: c.progress,
    setback: c.setback,
    note: c.note,
  };
}

// What a day's imported evidence already says: when work started and ended, and how much of it
// fell after hours. Only empty fields are filled, so nothing the person typed is replaced. Null
// when the evidence shows no work that day or there is nothing left to fill.
export function formFromSignals(form: CheckInForm, s: DailySignals | undefined): CheckInForm | null {
  if (!s || !s.first_activity || !s.last_activity || form.off) return null;
  const next = {
    ...form,
    start: form.start || s.first_activity,
    end: form.end || s.last_activity,
    after_hours: form.after_hours || String(s.after_hours_minutes),
  };
  return next.start === form.start && next.end === form.end && next.after_hours === form.after_hours ? null : next;
}

export function isCheckInField(field: string | null): field is CheckInField {
  return field !== null && (CHECKIN_FIELDS as readonly string[]).includes(field);
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

function minutesError(text: string, what: string): string | undefined {
  if (text.trim() === '') return undefined;
  if (!/^\d+$/.test(text.trim())) return `Enter ${what} as whole minutes, e.g. 30.`;
  const n = Number(text.trim());
  if (n > 1440) return `${what[0]?.toUpperCase()}${what.slice(1)} can be at most 1440 minutes (a whole day).`;
  return undefined;
}

// Times as the API takes them ("9" → "09:00"), to show and to send.
export function tidyCheckIn(f: CheckInForm): CheckInForm {
  return { ...f, start: normaliseTime(f.start), end: normaliseTime(f.end) };
}

// The same rules the server applies, checked first so that people get an answer at once.
export function validateCheckIn(f: CheckInForm): FieldErrors<CheckInField> {
  const errors: FieldErrors<CheckInField> = {};
  if (!f.off) {
    const start = normaliseTime(f.start);
    const end = normaliseTime(f.end);
    if (start === '') errors.start = 'Enter when you started work (HH:MM), or tick “Day off”.';
    else if (!isTimeOfDay(start)) errors.start = 'Enter the start as HH:MM, e.g. 09:00.';
    if (end === '') errors.end = 'Enter when you stopped work (HH:MM), or tick “Day off”.';
    else if (!isTimeOfDay(end)) errors.end = 'Enter the end as HH:MM, e.g. 17:30.';
  }
  if (f.stress === null) errors.stress = 'Choose how stressed you felt, from 1 to 5.';
  if (f.energy === null) errors.energy = 'Choose how much energy you had, from 1 to 5.';
  const after = minutesError(f.after_hours, 'after-hours work');
  if (after) errors.after_hours = after;
  const brk = minutesError(f.break, 'the break');
  if (brk) errors.break = brk;
  if (byteLength(f.note) > NOTE_MAX_BYTES) errors.note = `The note is too long: at most ${NOTE_MAX_BYTES} bytes.`;
  return errors;
}

function minutes(text: string): number | null {
  return text.trim() === '' ? null : Number(text.trim());
}

// The request body; call it only when validateCheckIn found nothing.
export function checkInBody(f: CheckInForm): CheckInPut {
  const body: CheckInPut = {
    stress: f.stress ?? 0,
    energy: f.energy ?? 0,
    after_hours: minutes(f.after_hours),
    break: minutes(f.break),
    progress: f.progress,
    setback: f.setback,
    note: f.note.trim() === '' ? null : f.note,
  };
  if (f.off) body.off = true;
  else {
    body.start = normaliseTime(f.start);
    body.end = normaliseTime(f.end);
  }
  return body;
}
