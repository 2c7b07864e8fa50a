// The WOOP goal form's state, its checks before POST /goals, and the body it sends. The Goals page
// and onboarding both use them; onboarding's goal picks its values from a list and adds a barrier and
// a stage (components/onboarding/goal-step.ts).
import { byteLength, type FieldErrors } from './checkin-form';
import type { GoalCreate } from './types';

// What every goal form asks the same way: the title, the WOOP words and the if-then plan, how often.
export interface WoopForm {
  title: string;
  wish: string;
  outcome: string;
  obstacle: string;
  if: string;
  then: string;
  frequency: string;
}
export type WoopField = keyof WoopForm | 'values';

export interface GoalForm extends WoopForm {
  values: string;
}
export type GoalField = keyof GoalForm;

export const GOAL_FIELDS: readonly GoalField[] = ['title', 'values', 'wish', 'outcome', 'obstacle', 'if', 'then', 'frequency'];
export const FREQUENCIES: readonly string[] = ['daily', '1x/week', '2x/week', '3x/week', '4x/week', '5x/week', '6x/week', '7x/week'];
const MAX_BYTES: Partial<Record<keyof WoopForm, number>> = { title: 100, wish: 2000, outcome: 2000, obstacle: 2000, if: 500, then: 500 };

// "3x/week" → "3 times a week".
export function frequencyLabel(frequency: string): string {
  if (frequency === 'daily') return 'Every day';
  if (frequency === '1x/week') return 'Once a week';
  const m = /^(\d)x\/week$/.exec(frequency);
  return m ? `${m[1]} times a week` : frequency;
}

export function emptyGoal(): GoalForm {
  return { title: '', values: '', wish: '', outcome: '', obstacle: '', if: '', then: '', frequency: 'daily' };
}

export function isGoalField(field: string | null): field is GoalField {
  return GOAL_FIELDS.includes(field as GoalField);
}

// "health, Family ,, health" → ["health", "Family"]: trimmed, no blanks, no repeats (ignoring case).
export function parseValues(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(',')) {
    const name = part.trim();
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

// The checks every goal form makes, in the order of the fields; `valuesError` is the form's own
// check of the values the goal serves.
export function validateWoop(f: WoopForm, valuesError: string | undefined): FieldErrors<WoopField> {
  const errors: FieldErrors<WoopField> = {};
  if (f.title.trim() === '') errors.title = 'Give the goal a short title.';
  else if (/[\r\n]/.test(f.title)) errors.title = 'Keep the title on one line.';
  if (valuesError) errors.values = valuesError;
  for (const [field, max] of Object.entries(MAX_BYTES) as [keyof WoopForm, number][]) {
    if (!errors[field] && byteLength(f[field].trim()) > max) errors[field] = `Keep it to at most ${max} bytes.`;
  }
  if (!FREQUENCIES.includes(f.frequency)) errors.frequency = 'Choose daily, or 1 to 7 times a week.';
  return errors;
}

export function validateGoal(f: GoalForm): FieldErrors<GoalField> {
  return validateWoop(f, parseValues(f.values).length === 0 ? 'Name at least one of your values, separated by commas.' : undefined);
}

// The body of POST /goals for the goal's `values`; call it only when the checks found nothing.
export function woopBody(f: WoopForm, values: string[]): GoalCreate {
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    title: f.title.trim(),
    values,
    wish: optional(f.wish),
    outcome: optional(f.outcome),
    obstacle: optional(f.obstacle),
    if: optional(f.if),
    then: optional(f.then),
    frequency: f.frequency,
  };
}

export function goalBody(f: GoalForm): GoalCreate {
  return woopBody(f, parseValues(f.values));
}
