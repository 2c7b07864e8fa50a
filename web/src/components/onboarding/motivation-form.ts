// Step 2: how strongly each driver moves the person, and an optional catalyst.
import { byteLength } from '../../checkin-form';
import { CATALYST_KINDS, type CatalystCreate, type CatalystKind, DRIVERS, type Driver } from './data';

export const DRIVER_LABELS: Record<Driver, { label: string; hint: string }> = {
  health: { label: 'Health', hint: 'Feeling well in body and mind' },
  family: { label: 'Family', hint: 'Time and care for the people closest to you' },
  'personal-growth': { label: 'Personal growth', hint: 'Learning and becoming who you want to be' },
  purpose: { label: 'Purpose', hint: 'Work and life that mean something' },
  fairness: { label: 'Fairness and justice', hint: 'A fair share for everyone, you included' },
  'collective-change': { label: 'Collective change', hint: 'Changing things together with others' },
  other: { label: 'Something else', hint: 'A reason of your own' },
};

export const CATALYST_LABELS: Record<CatalystKind, string> = {
  'health-scare': 'A health scare',
  'family-event': 'A family event',
  'loss-of-purpose': 'A slow loss of purpose',
  burnout: 'A burnout episode',
  other: 'Something else',
};

export const CATALYST_NOTE_MAX_BYTES = 2000;

export type Ratings = Partial<Record<Driver, number>>;

export interface CatalystForm {
  kind: CatalystKind | '';
  date: string;
  note: string;
}

export type MotivationField = 'drivers' | 'catalyst-kind' | 'catalyst-date' | 'catalyst-note';

export function emptyCatalyst(today: string): CatalystForm {
  return { kind: '', date: today, note: '' };
}

export function isDriver(text: string): text is Driver {
  return (DRIVERS as readonly string[]).includes(text);
}

export function isCatalystKind(text: string): text is CatalystKind {
  return (CATALYST_KINDS as readonly string[]).includes(text);
}

export function ratingsFromProfile(drivers: readonly { driver: string; rating: number }[]): Ratings {
  const ratings: Ratings = {};
  for (const d of drivers) if (isDriver(d.driver) && d.rating >= 1 && d.rating <= 5) ratings[d.driver] = d.rating;
  return ratings;
}

// A real calendar day YYYY-MM-DD (the server also refuses 2026-02-30).
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function validateMotivation(ratings: Ratings, catalyst: CatalystForm, today: string): Partial<Record<MotivationField, string>> {
  const errors: Partial<Record<MotivationField, string>> = {};
  if (!DRIVERS.some((d) => ratings[d] !== undefined)) errors.drivers = 'Rate at least one of these, from 1 to 5.';
  if (catalyst.kind !== '') {
    const date = catalyst.date.trim();
    if (date !== '' && !isCalendarDay(date)) errors['catalyst-date'] = 'Enter the day as YYYY-MM-DD, e.g. 2026-03-14.';
    else if (date > today) errors['catalyst-date'] = 'Choose a day that has already happened.';
  }
  if (catalyst.kind !== '' && byteLength(catalyst.note.trim()) > CATALYST_NOTE_MAX_BYTES) {
    errors['catalyst-note'] = `Keep the note to at most ${CATALYST_NOTE_MAX_BYTES} bytes.`;
  }
  return errors;
}

// The catalyst to record, or null when none was chosen.
export function catalystBody(f: CatalystForm): CatalystCreate | null {
  if (f.kind === '') return null;
  return { kind: f.kind, date: f.date.trim() === '' ? null : f.date.trim(), note: f.note.trim() === '' ? null : f.note.trim() };
}
