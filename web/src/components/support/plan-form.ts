// Pure logic of the conversation planner: its steps, the objection list, checks and the request body.
import type { PlanSteps } from '../../types';
import type { Objection, Plan, PlanText } from './data';

export type StepKey = 'situation' | 'need' | 'proposal' | 'trial_period' | 'offer' | 'fallback';

export const STEPS: readonly { key: StepKey; label: string; hint: string }[] = [
  { key: 'situation', label: 'Situation', hint: 'What has been happening, in facts rather than blame.' },
  { key: 'need', label: 'Need', hint: 'What you need, and why it matters for you and your work.' },
  { key: 'proposal', label: 'Proposal', hint: 'The concrete change you ask for.' },
  { key: 'trial_period', label: 'Trial period', hint: 'How long to try it before you look at it again together.' },
  { key: 'offer', label: 'What I offer', hint: 'What you do so the work and the team are looked after.' },
  { key: 'fallback', label: 'Fallback', hint: 'A smaller step you could agree on if the whole proposal is too much.' },
];

export const TITLE_MAX = 200;
export const STEP_MAX = 4000;
export const OBJECTION_MAX = 1000;
export const MAX_OBJECTIONS = 12;

export interface PlanForm extends PlanSteps {
  objections: Objection[];
}

// Errors by field: `title`, a step, `objections` (the list), or `objections.N.objection` / `.answer`.
export type PlanErrors = Record<string, string>;

// The server's text as it is: the seeded draft is real, editable text.
export function formFromPlan(plan: Plan): PlanForm {
  return {
    title: plan.title,
    situation: plan.situation,
    need: plan.need,
    proposal: plan.proposal,
    trial_period: plan.trial_period,
    offer: plan.offer,
    fallback: plan.fallback,
    objections: plan.objections.map((o) => ({ objection: o.objection, answer: o.answer })),
  };
}

export function addObjection(list: readonly Objection[]): Objection[] {
  if (list.length >= MAX_OBJECTIONS) return [...list];
  return [...list, { objection: '', answer: '' }];
}

export function removeObjection(list: readonly Objection[], index: number): Objection[] {
  return list.filter((_, i) => i !== index);
}

export function updateObjection(list: readonly Objection[], index: number, patch: Partial<Objection>): Objection[] {
  return list.map((o, i) => (i === index ? { ...o, ...patch } : o));
}

function bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

// The form's own checks, before anything is sent; the server checks everything again.
export function validatePlan(form: PlanForm): PlanErrors {
  const errors: PlanErrors = {};
  const title = form.title.trim();
  if (!title) errors.title = 'Give the plan a title.';
  else if (/[\r\n]/.test(title)) errors.title = 'Keep the title to one line.';
  else if (bytes(title) > TITLE_MAX) errors.title = `Keep the title to ${TITLE_MAX} characters.`;
  for (const { key, label } of STEPS) {
    if (bytes(form[key]) > STEP_MAX) errors[key] = `${label} is too long; keep it to ${STEP_MAX} characters.`;
  }
  if (form.objections.length > MAX_OBJECTIONS) errors.objections = `Keep it to ${MAX_OBJECTIONS} objections.`;
  form.objections.forEach((o, i) => {
    if (!o.objection.trim()) errors[`objections.${i}.objection`] = 'Write the objection, or remove this pair.';
    else if (bytes(o.objection) > OBJECTION_MAX) errors[`objections.${i}.objection`] = `Keep it to ${OBJECTION_MAX} characters.`;
    if (bytes(o.answer) > OBJECTION_MAX) errors[`objections.${i}.answer`] = `Keep it to ${OBJECTION_MAX} characters.`;
  });
  return errors;
}

// The PUT body: every step (the API replaces them all), objections and answers as two equal lists.
export function planBody(form: PlanForm): PlanText {
  return {
    title: form.title.trim(),
    situation: form.situation,
    need: form.need,
    proposal: form.proposal,
    trial_period: form.trial_period,
    offer: form.offer,
    fallback: form.fallback,
    objections: form.objections.map((o) => o.objection.trim()),
    answers: form.objections.map((o) => o.answer),
  };
}

// Where an API error belongs: `objections[2].answer` -> `objections.2.answer`; `answers` -> the list.
export function planField(field: string | null): string | null {
  if (field === null) return null;
  if (field === 'title' || STEPS.some((s) => s.key === field)) return field;
  const pair = /^objections\[(\d+)\]\.(objection|answer)$/.exec(field);
  if (pair) return `objections.${pair[1]}.${pair[2]}`;
  const item = /^(objections|answers)\[(\d+)\]$/.exec(field);
  if (item) return `objections.${item[2]}.${item[1] === 'answers' ? 'answer' : 'objection'}`;
  if (field === 'objections' || field === 'answers') return 'objections';
  return null;
}

// The element id of the control an error key names, to move focus there.
export function planControlId(key: string): string {
  const pair = /^objections\.(\d+)\.(objection|answer)$/.exec(key);
  if (pair) return `plan-${pair[2]}-${pair[1]}`;
  if (key === 'objections') return 'plan-add-objection';
  return `plan-${key}`;
}

// Enough rows to show a seeded draft without scrolling inside the box (3 to 10).
export function rowsFor(text: string, perLine = 70): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
  return Math.min(10, Math.max(3, lines + 1));
}

export function sameForm(a: PlanForm, b: PlanForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
