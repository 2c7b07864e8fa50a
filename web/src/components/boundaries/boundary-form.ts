// A new boundary's form, on the boundaries page and in onboarding: the types in plain words, the
// fields each type takes, the checks before POST /boundaries, and the body it sends (exactly the
// type's parameters, nothing more).
import { byteLength, type FieldErrors } from '../../checkin-form';
import { isTimeOfDay, normaliseTime } from '../../dates';

export type BoundaryType =
  | 'work-window' | 'no-weekend-work' | 'weekly-hours-cap' | 'min-break' | 'meeting-free' | 'no-messages-after';
export type ParamField = 'days' | 'from' | 'to' | 'hours' | 'minutes' | 'time';
export type BoundaryField = 'type' | ParamField | 'label';

export interface BoundaryTypeInfo {
  type: BoundaryType;
  label: string;
  explain: string;
  fields: readonly ParamField[];
}

// In the order of the openapi BoundaryType enum.
export const BOUNDARY_TYPES: readonly BoundaryTypeInfo[] = [
  { type: 'work-window', label: 'Work only within set hours', explain: 'For example no work outside 09:00-17:30 on weekdays.', fields: ['days', 'from', 'to'] },
  { type: 'no-weekend-work', label: 'No work at the weekend', explain: 'Saturdays and Sundays stay free of work.', fields: [] },
  { type: 'weekly-hours-cap', label: 'A limit on weekly hours', explain: 'For example at most 40 hours a week.', fields: ['hours'] },
  { type: 'min-break', label: 'A proper break every work day', explain: 'For example a lunch break of at least 30 minutes.', fields: ['minutes'] },
  { type: 'meeting-free', label: 'Time kept free of meetings', explain: 'For example Friday afternoons without meetings (checked against imported calendars).', fields: ['days', 'from', 'to'] },
  { type: 'no-messages-after', label: 'No messages after a set time', explain: 'For example no e-mail or chat after 19:00.', fields: ['time'] },
];

export interface FieldInfo {
  label: string;
  hint: string;
  numeric?: boolean;
}

export const FIELD_INFO: Record<ParamField, FieldInfo> = {
  days: { label: 'Days', hint: 'For example Mon-Fri, Sat,Sun or Fri.' },
  from: { label: 'From', hint: 'HH:MM, 24-hour' },
  to: { label: 'Until', hint: 'HH:MM, 24-hour' },
  hours: { label: 'Hours a week, at most', hint: 'From 1 to 168; halves are fine, like 37.5.' },
  minutes: { label: 'Break of at least (minutes)', hint: 'Whole minutes, from 1 to 480.', numeric: true },
  time: { label: 'No messages after', hint: 'HH:MM, 24-hour' },
};

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

export interface BoundaryCreate {
  type: BoundaryType;
  days?: string;
  from?: string;
  to?: string;
  hours?: number;
  minutes?: number;
  time?: string;
  label?: string;
}

const FIELDS: readonly BoundaryField[] = ['type', 'days', 'from', 'to', 'hours', 'minutes', 'time', 'label'];
export const BOUNDARY_LABEL_MAX_BYTES = 200;

// What validateBoundary says; a form may word one of them its own way.
export const BOUNDARY_MESSAGES = {
  type: 'Choose what kind of boundary it is.',
  days: 'Say which days, for example Mon-Fri.',
  timeMissing: 'Enter a time as HH:MM.',
  timeInvalid: 'Enter a time as HH:MM, for example 17:30.',
  order: 'The end must be later than the start.',
  hoursNumber: 'Enter a number of hours, for example 40.',
  hoursRange: 'Enter from 1 to 168 hours.',
  minutesNumber: 'Enter a number of minutes, for example 30.',
  minutesWhole: 'Enter whole minutes.',
  minutesRange: 'Enter from 1 to 480 minutes.',
  labelLine: 'Keep your words on one line.',
  labelLength: `Keep it to at most ${BOUNDARY_LABEL_MAX_BYTES} bytes.`,
};
export type BoundaryMessages = typeof BOUNDARY_MESSAGES;

export function emptyBoundaryForm(): BoundaryForm {
  return { type: 'work-window', days: '', from: '', to: '', hours: '', minutes: '', time: '', label: '' };
}

export function typeInfo(type: string): BoundaryTypeInfo | undefined {
  return BOUNDARY_TYPES.find((t) => t.type === type);
}

export function isBoundaryType(type: string): type is BoundaryType {
  return typeInfo(type) !== undefined;
}

export function isBoundaryField(field: string | null): field is BoundaryField {
  return FIELDS.includes(field as BoundaryField);
}

// The fields the chosen type shows, in order; the label is always there.
export function visibleFields(type: BoundaryType): BoundaryField[] {
  return ['type', ...(typeInfo(type)?.fields ?? []), 'label'];
}

// Times as the API takes them ("9" → "09:00"), days without spaces ("Sat, Sun" → "Sat,Sun", which
// the API would refuse); other text as typed, trimmed.
export function tidyBoundaryForm(f: BoundaryForm): BoundaryForm {
  return {
    ...f,
    days: f.days.replace(/\s+/g, ''),
    from: normaliseTime(f.from),
    to: normaliseTime(f.to),
    time: normaliseTime(f.time),
    hours: f.hours.trim(),
    minutes: f.minutes.trim(),
  };
}

export function validateBoundary(f: BoundaryForm, say: BoundaryMessages = BOUNDARY_MESSAGES): FieldErrors<BoundaryField> {
  const errors: FieldErrors<BoundaryField> = {};
  const info = typeInfo(f.type);
  if (!info) {
    errors.type = say.type;
    return errors;
  }
  const t = tidyBoundaryForm(f);
  const needs = new Set(info.fields);
  // Which spellings of days count is the server's to say (Mon-Fri, Sat,Sun, weekdays...); it names the field.
  if (needs.has('days') && t.days === '') errors.days = say.days;
  for (const field of ['from', 'to', 'time'] as const) {
    if (!needs.has(field)) continue;
    if (t[field] === '') errors[field] = say.timeMissing;
    else if (!isTimeOfDay(t[field])) errors[field] = say.timeInvalid;
  }
  if (needs.has('from') && needs.has('to') && !errors.from && !errors.to && t.to <= t.from) errors.to = say.order;
  if (needs.has('hours')) {
    const h = Number(t.hours);
    if (t.hours === '' || !Number.isFinite(h)) errors.hours = say.hoursNumber;
    else if (h < 1 || h > 168) errors.hours = say.hoursRange;
  }
  if (needs.has('minutes')) {
    const m = Number(t.minutes);
    if (t.minutes === '' || !Number.isFinite(m)) errors.minutes = say.minutesNumber;
    else if (!Number.isInteger(m)) errors.minutes = say.minutesWhole;
    else if (m < 1 || m > 480) errors.minutes = say.minutesRange;
  }
  if (/[\r\n]/.test(f.label)) errors.label = say.labelLine;
  else if (byteLength(f.label.trim()) > BOUNDARY_LABEL_MAX_BYTES) errors.label = say.labelLength;
  return errors;
}

// Call it only when validateBoundary found nothing.
export function boundaryBody(f: BoundaryForm): BoundaryCreate {
  const t = tidyBoundaryForm(f);
  const body: BoundaryCreate = { type: t.type };
  for (const field of typeInfo(t.type)?.fields ?? []) {
    if (field === 'hours' || field === 'minutes') body[field] = Number(t[field]);
    else body[field] = t[field];
  }
  if (t.label.trim() !== '') body.label = t.label.trim();
  return body;
}
