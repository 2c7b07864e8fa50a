// Moving on from a step: check it, save it to the API, and say which control any error belongs to.
import { ApiError, type ApiClient } from '../../api';
import { type CheckInField, checkInBody, isCheckInField, tidyCheckIn, validateCheckIn } from '../../checkin-form';
import { sentence } from '../../messages';
import { isWinField, validateWin, winBody } from '../../win-form';
import { type BoundaryField, boundaryBody, isBoundaryField, validateBoundary } from '../boundaries/boundary-form';
import { addBoundary } from '../boundaries/data';
import { STEP_BOUNDARY_MESSAGES } from './boundary-step';
import {
  createGoal, DRIVERS, logWin, putCheckIn, rateDriver, recordCatalyst, removeQuietly, saveValues, ValueError,
} from './data';
import { type GoalStepField, goalStepBody, isGoalStepField, validateGoalStep } from './goal-step';
import { catalystBody, validateMotivation } from './motivation-form';
import type { LoggedWin, Progress } from './progress';
import { isPicked, validateValues } from './values-sort';

// Errors by the id of the control they sit under, in the order the controls appear.
export type StepErrors = Record<string, string>;

// What each step's controls get from the page: the progress, its errors, and a change to it that
// clears the errors of the controls it names.
export interface StepProps {
  progress: Progress;
  errors: StepErrors;
  change: (patch: Partial<Progress>, clear?: readonly string[]) => void;
}

export type StepOutcome =
  | { ok: true; patch: Partial<Progress> }
  | { ok: false; errors: StepErrors; formError?: string; patch?: Partial<Progress>; signedOut?: boolean };

// The controls' ids: one place, used by the forms and by the error mapping alike.
export const ids = {
  cards: 'onb-cards',
  custom: 'onb-custom',
  drivers: 'onb-drivers',
  driver: (d: string) => `onb-driver-${d}`,
  catalyst: (f: 'kind' | 'date' | 'note') => `onb-catalyst-${f}`,
  goal: (f: GoalStepField) => `onb-goal-${f}`,
  boundary: (f: BoundaryField) => `onb-boundary-${f}`,
  checkin: (f: CheckInField) => `onb-checkin-${f}`,
  win: (f: 'text' | 'size') => `onb-win-${f}`,
};

function keyed<F extends string>(errors: Partial<Record<F, string>>, id: (f: F) => string): StepErrors {
  const out: StepErrors = {};
  for (const [f, message] of Object.entries(errors) as [F, string | undefined][]) if (message) out[id(f)] = message;
  return out;
}

// An API error as an outcome: next to its field when the page has that field, else above the form.
export function failure(err: unknown, fieldId: (field: string | null) => string | null, patch?: Partial<Progress>): StepOutcome {
  const extra = patch ? { patch } : {};
  if (err instanceof ApiError && err.status === 401) return { ok: false, errors: {}, signedOut: true, ...extra };
  if (err instanceof ApiError) {
    const id = fieldId(err.field);
    if (id) return { ok: false, errors: { [id]: sentence(err.message) }, ...extra };
    return { ok: false, errors: {}, formError: sentence(err.message), ...extra };
  }
  return { ok: false, errors: {}, formError: 'Saving failed. Please check your connection and try again.', ...extra };
}

export async function saveValuesStep(api: ApiClient, p: Progress): Promise<StepOutcome> {
  const found = validateValues(p.picked);
  if (found.values) return { ok: false, errors: { [ids.cards]: found.values } };
  try {
    const { kept } = await saveValues(api, p.picked);
    if (kept.length > 0) {
      // A goal still needs these; they stay picked, at the end, and the person sees why.
      const picked = [...p.picked, ...kept.filter((k) => !isPicked(p.picked, k))];
      const names = kept.map((k) => `“${k}”`).join(', ');
      return { ok: false, errors: { [ids.cards]: `Your goal serves ${names}, so it stays among your values. Check the order and go on.` }, patch: { picked } };
    }
    return { ok: true, patch: {} };
  } catch (err) {
    if (err instanceof ValueError) {
      const out = failure(err.error, () => ids.custom);
      if (!out.ok && out.errors[ids.custom]) out.errors[ids.custom] = `“${err.value}”: ${out.errors[ids.custom]}`;
      return out;
    }
    return failure(err, (f) => (f === 'name' ? ids.custom : null));
  }
}

export async function saveMotivationStep(api: ApiClient, p: Progress, today: string): Promise<StepOutcome> {
  const found = validateMotivation(p.ratings, p.catalyst, today);
  if (Object.keys(found).length) {
    return { ok: false, errors: keyed(found, (f) => (f === 'drivers' ? ids.drivers : ids.catalyst(f.slice('catalyst-'.length) as 'kind'))) };
  }
  for (const d of DRIVERS) {
    const rating = p.ratings[d];
    if (rating === undefined) continue;
    try {
      await rateDriver(api, d, rating);
    } catch (err) {
      return failure(err, () => ids.driver(d));
    }
  }
  const body = catalystBody(p.catalyst);
  const key = body ? JSON.stringify(body) : null;
  if (body && key !== p.savedCatalyst) {
    try {
      await recordCatalyst(api, body);
    } catch (err) {
      return failure(err, (f) => (f === 'kind' || f === 'date' || f === 'note' ? ids.catalyst(f) : null));
    }
  }
  return { ok: true, patch: { savedCatalyst: key ?? p.savedCatalyst } };
}

interface Created<B> {
  body: B;
  // What was saved before in onboarding, if anything: its id and its body as JSON.
  id: number | null;
  saved: string | null;
  // Where it lives, e.g. '/goals' (the saved one is at '/goals/{id}').
  path: string;
  create: (body: B) => Promise<{ id: number }>;
  patch: (id: number, saved: string) => Partial<Progress>;
  fieldId: (field: string | null) => string | null;
}

// Creates what a step makes (a goal, a boundary) once: the same body again is already saved, and a
// changed one replaces the one saved earlier in onboarding (there is no editing them yet).
async function createOnce<B>(api: ApiClient, c: Created<B>): Promise<StepOutcome> {
  const key = JSON.stringify(c.body);
  if (c.id !== null && key === c.saved) return { ok: true, patch: {} };
  try {
    const made = await c.create(c.body);
    if (c.id !== null) await removeQuietly(api, `${c.path}/${c.id}`);
    return { ok: true, patch: c.patch(made.id, key) };
  } catch (err) {
    return failure(err, c.fieldId);
  }
}

export async function saveGoalStep(api: ApiClient, p: Progress): Promise<StepOutcome> {
  const found = validateGoalStep(p.goal, p.picked);
  if (Object.keys(found).length) return { ok: false, errors: keyed(found, ids.goal) };
  return createOnce(api, {
    body: goalStepBody(p.goal, p.picked),
    id: p.goalId,
    saved: p.savedGoal,
    path: '/goals',
    create: (body) => createGoal(api, body),
    patch: (goalId, savedGoal) => ({ goalId, savedGoal }),
    fieldId: (f) => (isGoalStepField(f) ? ids.goal(f) : null),
  });
}

export async function saveBoundaryStep(api: ApiClient, p: Progress): Promise<StepOutcome> {
  const found = validateBoundary(p.boundary, STEP_BOUNDARY_MESSAGES);
  if (Object.keys(found).length) return { ok: false, errors: keyed(found, ids.boundary) };
  return createOnce(api, {
    body: boundaryBody(p.boundary),
    id: p.boundaryId,
    saved: p.savedBoundary,
    path: '/boundaries',
    create: (body) => addBoundary(api, body),
    patch: (boundaryId, savedBoundary) => ({ boundaryId, savedBoundary }),
    fieldId: (f) => (isBoundaryField(f) ? ids.boundary(f) : null),
  });
}

export async function saveCheckInStep(api: ApiClient, p: Progress, today: string): Promise<StepOutcome> {
  const tidy = tidyCheckIn(p.checkin);
  const found = validateCheckIn(tidy);
  if (Object.keys(found).length) return { ok: false, errors: keyed(found, ids.checkin), patch: { checkin: tidy } };
  try {
    await putCheckIn(api, today, checkInBody(tidy));
    return { ok: true, patch: { checkin: tidy } };
  } catch (err) {
    return failure(err, (f) => (isCheckInField(f) ? ids.checkin(f) : null), { checkin: tidy });
  }
}

export async function logFirstWin(api: ApiClient, p: Progress, today: string): Promise<StepOutcome> {
  const found = validateWin(p.win);
  if (Object.keys(found).length) return { ok: false, errors: keyed(found, ids.win) };
  try {
    const win = await logWin(api, winBody(p.win, today));
    const logged: LoggedWin = { id: win.id, text: win.text, size: win.size };
    return { ok: true, patch: { wins: [...p.wins, logged], win: { text: '', size: p.win.size } } };
  } catch (err) {
    return failure(err, (f) => (isWinField(f) ? ids.win(f) : null));
  }
}
