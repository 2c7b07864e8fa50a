// Where a person is in onboarding and what they typed, kept in sessionStorage so a reload loses nothing.
import { type CheckInForm, emptyCheckIn } from '../../checkin-form';
import type { StorageLike } from '../../drafts';
import type { WinSize } from '../../types';
import { emptyWin, type WinForm } from '../../win-form';
import { type BoundaryForm, isBoundaryType } from '../boundaries/boundary-form';
import { defaultBoundary, parseWorkHours } from './boundary-step';
import { CATALYST_KINDS, DRIVERS, type Value } from './data';
import { type GoalStepForm, emptyGoalStep } from './goal-step';
import { type CatalystForm, emptyCatalyst, type Ratings } from './motivation-form';
import { customNames, initialPicked } from './values-sort';

export const STEP_TITLES = ['Your values', 'What drives you', 'Your first goal', 'Your first boundary', 'Your first check-in'] as const;
export const STEP_COUNT = STEP_TITLES.length;
// The step after the last one: the finish screen.
export const FINISHED = STEP_COUNT;

export const PROGRESS_KEY = 'headway.onboarding.v1';

export interface LoggedWin {
  id: number;
  text: string;
  size: WinSize;
}

export interface Progress {
  account: number;
  step: number;
  picked: string[];
  custom: string[];
  ratings: Ratings;
  catalyst: CatalystForm;
  // The catalyst body last recorded, so that going back and on again does not record it twice.
  savedCatalyst: string | null;
  goal: GoalStepForm;
  goalId: number | null;
  savedGoal: string | null;
  boundary: BoundaryForm;
  boundaryId: number | null;
  savedBoundary: string | null;
  checkin: CheckInForm;
  win: WinForm;
  wins: LoggedWin[];
}

export interface Start {
  account: number;
  today: string;
  workHours: string;
  catalogue: readonly string[];
  values: readonly Value[];
  ratings: Ratings;
}

export function initialProgress(s: Start): Progress {
  const w = parseWorkHours(s.workHours);
  return {
    account: s.account,
    step: 0,
    picked: initialPicked(s.values),
    custom: customNames(s.values, s.catalogue),
    ratings: { ...s.ratings },
    catalyst: emptyCatalyst(s.today),
    savedCatalyst: null,
    goal: emptyGoalStep(),
    goalId: null,
    savedGoal: null,
    boundary: defaultBoundary(s.workHours),
    boundaryId: null,
    savedBoundary: null,
    checkin: { ...emptyCheckIn(), start: w.from, end: w.to },
    win: emptyWin(),
    wins: [],
  };
}

type Shape = Record<string, unknown>;
const isObject = (v: unknown): v is Shape => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const idOrNull = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isInteger(v) && v > 0);
const textOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

// Takes from `stored` each key whose type matches the fresh form's; anything else stays fresh.
function sameShape<T extends object>(fresh: T, stored: unknown, extra: (key: string, v: unknown) => boolean = () => false): T {
  if (!isObject(stored)) return fresh;
  const out: Shape = { ...(fresh as Shape) };
  for (const [key, value] of Object.entries(fresh as Shape)) {
    const v = stored[key];
    if (v === undefined) continue;
    if (extra(key, v) || (typeof v === typeof value && value !== null && !Array.isArray(value) && !isObject(value))) out[key] = v;
  }
  return out as T;
}

// The kept progress of this account, checked field by field; null when there is none to trust.
export function restoreProgress(text: string | null, fresh: Progress): Progress | null {
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
  if (!isObject(raw) || raw.account !== fresh.account) return null;
  const step = typeof raw.step === 'number' && Number.isInteger(raw.step) && raw.step >= 0 && raw.step <= FINISHED ? raw.step : 0;
  const ratings: Ratings = {};
  if (isObject(raw.ratings)) {
    for (const d of DRIVERS) {
      const r = raw.ratings[d];
      if (typeof r === 'number' && Number.isInteger(r) && r >= 1 && r <= 5) ratings[d] = r;
    }
  }
  const catalyst = sameShape(fresh.catalyst, raw.catalyst);
  if (catalyst.kind !== '' && !(CATALYST_KINDS as readonly string[]).includes(catalyst.kind)) catalyst.kind = '';
  const goal = sameShape(fresh.goal, raw.goal, (key, v) => key === 'values' && strings(v));
  const boundary = sameShape(fresh.boundary, raw.boundary);
  if (!isBoundaryType(boundary.type)) boundary.type = fresh.boundary.type;
  const checkin = sameShape(fresh.checkin, raw.checkin, (key, v) => (key === 'stress' || key === 'energy') && (v === null || (typeof v === 'number' && v >= 1 && v <= 5)));
  const win = sameShape(fresh.win, raw.win);
  const wins = Array.isArray(raw.wins)
    ? raw.wins.filter((w): w is LoggedWin => isObject(w) && typeof w.id === 'number' && typeof w.text === 'string' && typeof w.size === 'string')
    : [];
  return {
    account: fresh.account,
    step,
    picked: strings(raw.picked) ? raw.picked : fresh.picked,
    custom: strings(raw.custom) ? raw.custom : fresh.custom,
    ratings,
    catalyst,
    savedCatalyst: textOrNull(raw.savedCatalyst) ? raw.savedCatalyst : null,
    goal,
    goalId: idOrNull(raw.goalId) ? raw.goalId : null,
    savedGoal: textOrNull(raw.savedGoal) ? raw.savedGoal : null,
    boundary,
    boundaryId: idOrNull(raw.boundaryId) ? raw.boundaryId : null,
    savedBoundary: textOrNull(raw.savedBoundary) ? raw.savedBoundary : null,
    checkin,
    win,
    wins,
  };
}

export function loadProgress(storage: StorageLike | null, fresh: Progress): Progress | null {
  try {
    return restoreProgress(storage?.getItem(PROGRESS_KEY) ?? null, fresh);
  } catch {
    return null;
  }
}

export function saveProgress(storage: StorageLike | null, p: Progress): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    // A full or disabled storage: onboarding still works, a reload just starts it again.
  }
}

export function clearProgress(storage: StorageLike | null): void {
  try {
    storage?.removeItem(PROGRESS_KEY);
  } catch {
    // Nothing kept, nothing to clear.
  }
}
