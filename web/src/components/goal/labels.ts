// Plain words for the API's stage, staging-answer and barrier codes.
import type { Stage } from '../../types';

export type StagingAnswer =
  | 'not-intending'
  | 'within-6-months'
  | 'within-30-days'
  | 'doing-less-than-6-months'
  | 'doing-more-than-6-months';

export type Barrier = 'workplace-expectations' | 'mental-load' | 'lack-of-support' | 'unclear-goals' | 'systemic';

export const STAGES: readonly Stage[] = ['precontemplation', 'contemplation', 'preparation', 'action', 'maintenance'];

export const STAGE_LABELS: Record<Stage, string> = {
  precontemplation: 'Not yet intending',
  contemplation: 'Thinking about it',
  preparation: 'Getting ready',
  action: 'Doing it',
  maintenance: 'Keeping it up',
};

// The one staging question's answers, in the order they are offered.
export const STAGING_ANSWERS: readonly { answer: StagingAnswer; label: string }[] = [
  { answer: 'not-intending', label: 'I am not doing it, and do not plan to in the next 6 months' },
  { answer: 'within-6-months', label: 'I plan to start within the next 6 months' },
  { answer: 'within-30-days', label: 'I plan to start within the next 30 days' },
  { answer: 'doing-less-than-6-months', label: 'I have been doing it for less than 6 months' },
  { answer: 'doing-more-than-6-months', label: 'I have been doing it for more than 6 months' },
];

export const BARRIERS: readonly Barrier[] = ['workplace-expectations', 'mental-load', 'lack-of-support', 'unclear-goals', 'systemic'];

export const BARRIER_LABELS: Record<Barrier, string> = {
  'workplace-expectations': 'Workplace expectations',
  'mental-load': 'Emotional and mental load',
  'lack-of-support': 'Lack of support',
  'unclear-goals': 'Unclear goals and values',
  systemic: 'Systemic barriers',
};

export function stageLabel(stage: string | null | undefined): string {
  if (!stage) return 'Not staged yet';
  return STAGE_LABELS[stage as Stage] ?? stage;
}

export function answerLabel(answer: string | null | undefined): string | null {
  if (!answer) return null;
  return STAGING_ANSWERS.find((a) => a.answer === answer)?.label ?? answer;
}

export function barrierLabel(barrier: string): string {
  return BARRIER_LABELS[barrier as Barrier] ?? barrier;
}
