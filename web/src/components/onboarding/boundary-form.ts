// Step 4: the first boundary, its type in plain words and exactly that type's parameters.
import { byteLength } from '../../checkin-form';
import { isTimeOfDay, normaliseTime } from '../../dates';
import { BOUNDARY_TYPES, type BoundaryCreate, type BoundaryType } from './data';

export type BoundaryParam = 'days' | 'from' | 'to' | 'hours' | 'minutes' | 'time';

export interface BoundaryForm {
  type: BoundaryType;
  days: string;
  from: string;
  to: string;
  hours: string;
  minutes: string;
  time: string;
  label: string;
}
export type BoundaryField = keyof BoundaryForm;

export const BOUNDARY_FIELDS: readonly BoundaryField[] = ['type', 'days', 'from', 'to', 'hours', 'minutes', 'time', 'label'];
export const BOUNDARY_LABEL_MAX_BYTES = 200;

export const BOUNDARY_KINDS: Record<BoundaryType, { label: string; hint: string; params: readonly BoundaryParam[] }> = {
  'work-window': { label: 'Work only within set hours', hint: 'For example 09:00 to 17:30 on weekdays.', params: ['days', 'from', 'to'] },
  'no-weekend-work': { label: 'No work at the weekend', hint: 'Saturday and Sunday stay free.', params: [] },
  'weekly-hours-cap': { label: 'A cap on hours a week', hint: 'For example at most 40 hours.', params: ['hours'] },
  'min-break': { label: 'A real break every work day', hint: 'For example at least 30 minutes away.', params: ['minutes'] },
  'meeting-free': { label: 'Time kept free of meetings', hint: 'For example Friday afternoons.', params: ['days', 'from', 'to'] },
  'no-messages-after': { label: 'No work messages after a set time', hint: 'For example nothing after 19:00.', params: ['time'] },
};

export interface WorkHours {
  days: string;
  from: string;
  to: string;
}

// "Mon-Fri 09:00-17:30" → its days and window; the usual office week when it cannot be read.
export function parseWorkHours(text: string): WorkHours {
  const m = /^\s*(\S+)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(text);
  const from = m ? normaliseTime(m[2] ?? '') : '';
  const to = m ? normaliseTime(m[3] ?? '') : '';
  if (!m || !isTimeOfDay(from) || !isTimeOfDay(to)) return { days: 'Mon-Fri', from: '09:00', to: '17:30' };
  return { days: m[1] ?? 'Mon-Fri', from, to };
}

export function defaultBoundary(workHours: string): BoundaryForm {
  const w = parseWorkHours(workHours);
  return { type: 'work-window', days: w.days, from: w.from, to: w.to, hours: '40', minutes: '30', time: w.to, label: '' };
}

// The parameters a type starts from when the person switches to it.
export function switchType(f: BoundaryForm, type: BoundaryType, workHours: string): BoundaryForm {
  const w = parseWorkHours(workHours);
  if (type === 'meeting-free' && f.type !== 'meeting-free') {
    return { ...f, type, days: 'Fri', from: '13:00', to: w.to > '13:00' ? w.to : '17:00' };
  }
  if (type === 'work-window' && f.type === 'meeting-free') return { ...f, type, days: w.days, from: w.from, to: w.to };
  return { ...f, type };
}

export function isBoundaryField(field: string | null): field is BoundaryField {
  return (BOUNDARY_FIELDS as readonly (string | null)[]).includes(field);
}

export function validateBoundary(f: BoundaryForm): Partial<Record<BoundaryField, string>> {
  const errors: Partial<Record<BoundaryField, string>> = {};
  if (!(BOUNDARY_TYPES as readonly string[]).includes(f.type)) {
    errors.type = 'Choose one kind of boundary.';
    return errors;
  }
  const params = BOUNDARY_KINDS[f.type].params;
  if (params.includes('days')) {
    const days = f.days.replace(/\s+/g, '');
    // Which spellings count is the server's to say (Mon-Fri, Sat,Sun, weekdays...); it names the field.
    if (days === '') errors.days = 'Name the days, e.g. Mon-Fri or Sat,Sun.';
  }
  for (const p of ['from', 'to', 'time'] as const) {
    if (!params.includes(p)) continue;
    const t = normaliseTime(f[p]);
    if (t === '') errors[p] = 'Enter a time as HH:MM, e.g. 17:30.';
    else if (!isTimeOfDay(t)) errors[p] = 'Enter the time as HH:MM, 24-hour, e.g. 17:30.';
  }
  if (params.includes('from') && !errors.from && !errors.to && normaliseTime(f.to) <= normaliseTime(f.from)) {
    errors.to = 'The end must be later than the start.';
  }
  if (params.includes('hours')) {
    const h = Number(f.hours.trim());
    if (f.hours.trim() === '' || !Number.isFinite(h)) errors.hours = 'Enter the hours as a number, e.g. 40.';
    else if (h < 1 || h > 168) errors.hours = 'Choose between 1 and 168 hours a week.';
  }
  if (params.includes('minutes')) {
    const m = f.minutes.trim();
    if (!/^\d+$/.test(m)) errors.minutes = 'Enter whole minutes, e.g. 30.';
    else if (Number(m) < 1 || Number(m) > 480) errors.minutes = 'Choose between 1 and 480 minutes.';
  }
  if (byteLength(f.label.trim()) > BOUNDARY_LABEL_MAX_BYTES) errors.label = `Keep it to at most ${BOUNDARY_LABEL_MAX_BYTES} bytes.`;
  else if (/[\r\n]/.test(f.label)) errors.label = 'Keep it on one line.';
  return errors;
}

// Exactly the type's parameters, as the API asks; call it only when validateBoundary found nothing.
export function boundaryBody(f: BoundaryForm): BoundaryCreate {
  const body: BoundaryCreate = { type: f.type, label: f.label.trim() === '' ? null : f.label.trim() };
  for (const p of BOUNDARY_KINDS[f.type].params) {
    const v = f[p].trim();
    body[p] = p === 'from' || p === 'to' || p === 'time' ? normaliseTime(v) : p === 'days' ? v.replace(/\s+/g, '') : v;
  }
  return body;
}
