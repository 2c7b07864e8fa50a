// Step 4: the first boundary. The form, its checks and its body are the boundaries page's
// (boundaries/boundary-form.ts); here is what onboarding adds: a start from the person's work hours,
// and its own words for a few things.
import { isTimeOfDay, normaliseTime } from '../../dates';
import {
  BOUNDARY_MESSAGES, BOUNDARY_TYPES, type BoundaryForm, type BoundaryMessages, type BoundaryType, type ParamField,
} from '../boundaries/boundary-form';

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

// Where onboarding words things its own way: a first visit speaks of the work day and the week.
const TITLES: Partial<Record<BoundaryType, string>> = {
  'weekly-hours-cap': 'A cap on hours a week',
  'no-messages-after': 'No work messages after a set time',
};

export function stepTypeTitle(type: BoundaryType): string {
  return TITLES[type] ?? BOUNDARY_TYPES.find((t) => t.type === type)?.label ?? type;
}

// A field's label, when it is not the boundaries page's; undefined keeps that one.
export function stepFieldLabel(type: BoundaryType, field: ParamField): string | undefined {
  const free = type === 'meeting-free';
  if (field === 'from') return free ? 'Free from' : 'Work starts';
  if (field === 'to') return free ? 'Free until' : 'Work ends';
  if (field === 'hours') return 'At most this many hours a week';
  return undefined;
}

export const STEP_BOUNDARY_MESSAGES: BoundaryMessages = {
  ...BOUNDARY_MESSAGES,
  hoursRange: 'Choose between 1 and 168 hours a week.',
};
