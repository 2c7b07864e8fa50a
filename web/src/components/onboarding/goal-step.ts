// Step 3: the first goal as WOOP with an if-then plan, placed in a stage by one question. The WOOP
// words are checked and sent as on the Goals page (goal-form.ts); here the values come from the picked
// ones, and a barrier and the staging answer go with them.
import { FREQUENCIES, frequencyLabel, validateWoop, type WoopForm, woopBody } from '../../goal-form';
import { BARRIERS, type Barrier, type OnboardingGoalCreate, STAGING_ANSWERS, type StagingAnswer } from './data';
import { isPicked } from './values-sort';

export interface GoalStepForm extends WoopForm {
  values: string[];
  barrier: Barrier | '';
  stage_answer: StagingAnswer | '';
}
export type GoalStepField = keyof GoalStepForm;

export const GOAL_STEP_FIELDS: readonly GoalStepField[] = [
  'title', 'values', 'wish', 'outcome', 'obstacle', 'if', 'then', 'frequency', 'barrier', 'stage_answer',
];

export const FREQUENCY_OPTIONS: readonly { value: string; label: string }[] = FREQUENCIES.map((f) => ({ value: f, label: frequencyLabel(f) }));

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

// The goal serves the picked values it names, in the order they were picked.
function servedValues(f: GoalStepForm, picked: readonly string[]): string[] {
  return picked.filter((p) => isPicked(f.values, p));
}

export function validateGoalStep(f: GoalStepForm, picked: readonly string[]): Partial<Record<GoalStepField, string>> {
  const errors: Partial<Record<GoalStepField, string>> = validateWoop(
    f, servedValues(f, picked).length === 0 ? 'Choose at least one value this goal serves.' : undefined,
  );
  if (f.barrier !== '' && !(BARRIERS as readonly string[]).includes(f.barrier)) errors.barrier = 'Choose one of the listed kinds, or “Not sure yet”.';
  if (!(STAGING_ANSWERS as readonly string[]).includes(f.stage_answer)) errors.stage_answer = 'Choose the answer that fits you best today.';
  return errors;
}

// The body of POST /goals; call it only when validateGoalStep found nothing.
export function goalStepBody(f: GoalStepForm, picked: readonly string[]): OnboardingGoalCreate {
  return {
    ...woopBody(f, servedValues(f, picked)),
    barrier: f.barrier === '' ? null : f.barrier,
    stage_answer: f.stage_answer as StagingAnswer,
  };
}
