// The WOOP goal form's state, its checks before POST /goals, and the body it sends.
import { byteLength, type FieldErrors } from './checkin-form';
import type { GoalCreate } from './types';

export interface GoalForm {
  title: string;
  values: string;
  wish: string;
  outcome: string;
  obstacle: string;
  if: string;
  then: string;
  frequency: string;
}
export type GoalField = keyof GoalForm;

export const GOAL_FIELDS: readonly GoalField[] = ['title', 'values', 'wish', 'outcome', 'obstacle', 'if', 'then', 'frequency'];
export const FREQUENCIES: readonly string[] = ['daily', '1x/week', '2x/week', '3x/week', '4x/week', '5x/week', '6x/week', '7x/week'];
const MAX_BYTES: Partial<Record<GoalField, number>> = { title: 100, wish: 2000, outcome: 2000, obstacle: 2000, if: 500, then: 500 };

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

export function validateGoal(f: GoalForm): FieldErrors<GoalField> {
  const errors: FieldErrors<GoalField> = {};
  if (f.title.trim() === '') errors.title = 'Give the goal a short title.';
  else if (/[\r\n]/.test(f.title)) errors.title = 'Keep the title on one line.';
  if (parseValues(f.values).length === 0) errors.values = 'Name at least one of your values, separated by commas.';
  for (const [field, max] of Object.entries(MAX_BYTES) as [GoalField, number][]) {
    if (!errors[field] && byteLength(f[field].trim()) > max) errors[field] = `Keep it to at most ${max} bytes.`;
  }
  if (!/^(daily|[1-7]x\/week)$/.test(f.frequency)) errors.frequency = 'Choose daily, or 1 to 7 times a week.';
  return errors;
}

export function goalBody(f: GoalForm): GoalCreate {
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    title: f.title.trim(),
    values: parseValues(f.values),
    wish: optional(f.wish),
    outcome: optional(f.outcome),
    obstacle: optional(f.obstacle),
    if: optional(f.if),
    then: optional(f.then),
    frequency: f.frequency,
  };
}
