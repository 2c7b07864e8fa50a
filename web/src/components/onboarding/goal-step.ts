// Step 3: the first goal as WOOP with an if-then plan, placed in a stage by one question.
import { byteLength } from '../../checkin-form';
import { BARRIERS, type Barrier, type OnboardingGoalCreate, STAGING_ANSWERS, type StagingAnswer } from './data';
import { isPicked } from './values-sort';

export interface GoalStepForm {
  title: string;
  values: string[];
  wish: string;
  outcome: string;
  obstacle: string;
  if: string;
  then: string;
  frequency: string;
  barrier: Barrier | '';
  stage_answer: StagingAnswer | '';
}
export type GoalStepField = keyof GoalStepForm;

export const GOAL_STEP_FIELDS: readonly GoalStepField[] = [
  'title', 'values', 'wish', 'outcome', 'obstacle', 'if', 'then', 'frequency', 'barrier', 'stage_answer',
];

export const FREQUENCY_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'daily', label: 'Every day' },
  { value: '1x/week', label: 'Once a week' },
  ...[2, 3, 4, 5, 6, 7].map((n) => ({ value: `${n}x/week`, label: `${n} times a week` })),
];

export const BARRIER_LABELS: Record<Barrier, string> = {
  'workplace-expectations': 'Workplace expectations (long hours, always reachable)',
  'mental-load': 'Emotional and mental load',
  'lack-of-support': 'Lack of support',
  'unclear-goals': 'Unclear goals or values',
  systemic: 'Systemic barriers (money, care duties, discrimination)',
};

// The one staging question's answers in plain words (DESIGN.md 4.1).
export const STAGING_LABELS: Record<StagingAnswer, string> = {
  'not-intending': 'I am not doing it, and I do not plan to start in the next 6 months',
  'within-6-months': 'I am not doing it yet, but I mean to start in the next 6 months',
  'within-30-days': 'I mean to start in the next 30 days',
  'doing-less-than-6-months': 'I have been doing it for less than 6 months',
  'doing-more-than-6-months': 'I have been doing it for more than 6 months',
};

const MAX_BYTES: Partial<Record<GoalStepField, number>> = { title: 100, wish: 2000, outcome: 2000, obstacle: 2000, if: 500, then: 500 };

export function emptyGoalStep(): GoalStepForm {
  return {
    title: '', values: [], wish: '', outcome: '', obstacle: '', if: '', then: '',
    frequency: 'daily', barrier: '', stage_answer: '',
  };
}

export function isGoalStepField(field: string | null): field is GoalStepField {
  return (GOAL_STEP_FIELDS as readonly (string | null)[]).includes(field);
}

// The goal's values that are still among the picked ones; the top value when none is left.
export function goalValues(chosen: readonly string[], picked: readonly string[]): string[] {
  const still = picked.filter((p) => isPicked(chosen, p));
  return still.length > 0 || picked.length === 0 ? still : [picked[0] as string];
}

export function validateGoalStep(f: GoalStepForm, picked: readonly string[]): Partial<Record<GoalStepField, string>> {
  const errors: Partial<Record<GoalStepField, string>> = {};
  const title = f.title.trim();
  if (title === '') errors.title = 'Give the goal a short title.';
  else if (/[\u0000-\u001f\u007f]/.test(title)) errors.title = 'Keep the title on one line.';
  if (picked.filter((p) => isPicked(f.values, p)).length === 0) errors.values = 'Choose at least one value this goal serves.';
  for (const [field, max] of Object.entries(MAX_BYTES) as [GoalStepField, number][]) {
    const text = f[field];
    if (!errors[field] && typeof text === 'string' && byteLength(text.trim()) > max) {
      errors[field] = `Keep it to at most ${max} bytes; this has ${byteLength(text.trim())}.`;
    }
  }
  if (!FREQUENCY_OPTIONS.some((o) => o.value === f.frequency)) errors.frequency = 'Choose every day, or 1 to 7 times a week.';
  if (f.barrier !== '' && !(BARRIERS as readonly string[]).includes(f.barrier)) errors.barrier = 'Choose one of the listed kinds, or “Not sure yet”.';
  if (!(STAGING_ANSWERS as readonly string[]).includes(f.stage_answer)) errors.stage_answer = 'Choose the answer that fits you best today.';
  return errors;
}

// The body of POST /goals; call it only when validateGoalStep found nothing.
export function goalStepBody(f: GoalStepForm, picked: readonly string[]): OnboardingGoalCreate {
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    title: f.title.trim(),
    values: picked.filter((p) => isPicked(f.values, p)),
    wish: optional(f.wish),
    outcome: optional(f.outcome),
    obstacle: optional(f.obstacle),
    if: optional(f.if),
    then: optional(f.then),
    frequency: f.frequency,
    barrier: f.barrier === '' ? null : f.barrier,
    stage_answer: f.stage_answer as StagingAnswer,
  };
}
