import { describe, expect, it } from 'vitest';
import { ApiClient, type FetchLike } from '../src/api';
import { emptyCheckIn } from '../src/checkin-form';
import { needsOnboarding, onboardingSkipped, skipOnboarding } from '../src/first-run';
import { boundaryBody, validateBoundary } from '../src/components/boundaries/boundary-form';
import {
  defaultBoundary, parseWorkHours, STEP_BOUNDARY_MESSAGES, stepFieldLabel, stepTypeTitle, switchType,
} from '../src/components/onboarding/boundary-step';
import { saveValues, type Value } from '../src/components/onboarding/data';
import { emptyGoalStep, goalStepBody, goalValues, validateGoalStep } from '../src/components/onboarding/goal-step';
import { catalystBody, emptyCatalyst, isCalendarDay, ratingsFromProfile, validateMotivation } from '../src/components/onboarding/motivation-form';
import {
  clearProgress, FINISHED, initialProgress, loadProgress, PROGRESS_KEY, type Progress, restoreProgress, saveProgress,
} from '../src/components/onboarding/progress';
import { failure, ids, saveBoundaryStep, saveCheckInStep, saveGoalStep, saveValuesStep } from '../src/components/onboarding/save';
import {
  addCustom, customNameError, initialPicked, moveValue, ordinal, planValueSync, togglePick, topFive, validateValues,
} from '../src/components/onboarding/values-sort';
import { ApiError } from '../src/api';

class MemoryStorage {
  items = new Map<string, string>();
  getItem(k: string) { return this.items.get(k) ?? null; }
  setItem(k: string, v: string) { this.items.set(k, v); }
  removeItem(k: string) { this.items.delete(k); }
}

const value = (id: number, name: string, rank: number | null): Value => ({ id, name, rank, custom: false, created_at: '2026-01-01T00:00:00Z' });

describe('the values card sort', () => {
  it('toggles cards, ignoring case, and appends new picks at the end', () => {
    expect(togglePick([], 'Health')).toEqual(['Health']);
    expect(togglePick(['Health'], 'Family')).toEqual(['Health', 'Family']);
    expect(togglePick(['Health', 'Family'], 'health')).toEqual(['Family']);
  });

  it('moves a value up and down, and nothing past either end', () => {
    const list = ['A', 'B', 'C'];
    expect(moveValue(list, 2, -1)).toEqual(['A', 'C', 'B']);
    expect(moveValue(list, 0, 1)).toEqual(['B', 'A', 'C']);
    expect(moveValue(list, 0, -1)).toEqual(list);
    expect(moveValue(list, 2, 1)).toEqual(list);
    expect(moveValue(list, 7, -1)).toEqual(list);
    expect(list).toEqual(['A', 'B', 'C']);  // never changed in place
  });

  it('takes the first five as the top five', () => {
    expect(topFive(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(topFive(['a'])).toEqual(['a']);
  });

  it('checks custom names: empty, too long (in bytes), control characters', () => {
    expect(customNameError('   ')).toBe('Write the name of the value first.');
    expect(customNameError('x'.repeat(300))).toBe('Keep the name to at most 100 bytes; this one has 300.');
    expect(customNameError('é'.repeat(51))).toMatch(/102/);
    expect(customNameError('a\u0007b')).toMatch(/one line/);
    expect(customNameError('Tea time')).toBeUndefined();
    expect(customNameError('<script>alert(1)</script>')).toBeUndefined();  // shown as text; the server keeps it
  });

  it('adds a custom value, or picks the card that already has that name', () => {
    const added = addCustom({ custom: [], picked: ['Health'] }, ['Health', 'Family'], '  Tea time ');
    expect(added).toEqual({ ok: true, state: { custom: ['Tea time'], picked: ['Health', 'Tea time'] }, message: 'Added “Tea time”.' });
    const existing = addCustom({ custom: [], picked: [] }, ['Health', 'Family'], 'family');
    expect(existing.ok && existing.state).toEqual({ custom: [], picked: ['Family'] });
    expect(addCustom({ custom: [], picked: [] }, [], '')).toEqual({ ok: false, error: 'Write the name of the value first.' });
  });

  it('needs at least one pick', () => {
    expect(validateValues([])).toEqual({ values: 'Pick at least one value that matters to you.' });
    expect(validateValues(['Health'])).toEqual({});
  });

  it('starts from the stored values, ranked ones in rank order first', () => {
    expect(initialPicked([value(1, 'Rest', null), value(2, 'Health', 2), value(3, 'Family', 1), value(4, 'Joy', null)]))
      .toEqual(['Family', 'Health', 'Rest', 'Joy']);
  });

  it('plans the writes that make the stored values match the picks', () => {
    const plan = planValueSync([value(1, 'Family', 1), value(2, 'Rest', null)], ['health', 'family', 'Health', 'A', 'B', 'C', 'D']);
    expect(plan.remove.map((v) => v.name)).toEqual(['Rest']);
    expect(plan.create).toEqual(['health', 'A', 'B', 'C', 'D']);
    expect(plan.rank).toEqual(['health', 'family', 'A', 'B', 'C']);
  });

  it('says places as ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']);
  });
});

// A stand-in for the server's values routes, with its ranking rule: moving a value to rank r
// shifts the ones at r and below down a place, and a sixth ranked value drops out of the ranking.
function valuesServer(initial: Value[], goalNeeds: string[] = []) {
  let values = initial.map((v) => ({ ...v }));
  let nextId = 100;
  const calls: string[] = [];
  const place = (v: Value, rank: number) => {
    values = values.filter((x) => x !== v);
    const ranked = values.filter((x) => x.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    if (rank > 0) ranked.splice(Math.min(rank - 1, ranked.length), 0, v);
    v.rank = null;
    ranked.forEach((x, i) => { x.rank = i < 5 ? i + 1 : null; });
    values.push(v);
  };
  const list = () => [...values].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99) || a.id - b.id);
  const fetch: FetchLike = async (url, init) => {
    const method = init.method ?? 'GET';
    const path = url.replace('/api/v1', '');
    calls.push(`${method} ${path}`);
    const body = init.body ? JSON.parse(init.body as string) : undefined;
    const json = (status: number, b: unknown) => new Response(b === undefined ? null : JSON.stringify(b), { status });
    if (method === 'GET' && path === '/values') return json(200, list());
    if (method === 'POST' && path === '/values') {
      if (body.name.length > 100) return json(422, { error: { code: 'invalid', message: 'too long', field: 'name' } });
      const v = value(nextId++, body.name, null);
      place(v, body.rank ?? 0);
      return json(201, v);
    }
    const m = /^\/values\/(\d+)$/.exec(path);
    const v = m ? values.find((x) => x.id === Number(m[1])) : undefined;
    if (!v) return json(404, { error: { code: 'not_found', message: 'no such value', field: null } });
    if (method === 'PATCH') {
      place(v, body.rank);
      return json(200, list());
    }
    if (method === 'DELETE') {
      if (goalNeeds.includes(v.name)) return json(409, { error: { code: 'conflict', message: 'a goal needs it', field: null } });
      values = values.filter((x) => x !== v);
      return json(204, undefined);
    }
    return json(500, {});
  };
  return { api: new ApiClient({ fetch }), calls, list };
}

describe('saving the values', () => {
  it('stores the picks with the first five ranked 1-5 in order, the rest unranked', async () => {
    const server = valuesServer([value(1, 'Rest', 1), value(2, 'Joy', 2)]);
    const picked = ['Calm', 'Health', 'Joy', 'Family', 'Tea time', 'Craft', 'Nature'];
    await saveValues(server.api, picked);
    expect(server.list().map((v) => [v.name, v.rank])).toEqual([
      ['Calm', 1], ['Health', 2], ['Joy', 3], ['Family', 4], ['Tea time', 5], ['Craft', null], ['Nature', null],
    ]);
    expect(server.calls).toContain('DELETE /values/1');  // Rest was not picked any more
  });

  it('keeps a value a goal still needs, and says so next to the cards', async () => {
    const server = valuesServer([value(1, 'Health', 1), value(2, 'Family', 2)], ['Health']);
    const p = { ...freshProgress(), picked: ['Family'] };
    const outcome = await saveValuesStep(server.api, p);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors[ids.cards]).toMatch(/“Health”/);
    expect(outcome.patch?.picked).toEqual(['Family', 'Health']);
  });

  it('saves nothing when nothing is picked', async () => {
    const server = valuesServer([]);
    const outcome = await saveValuesStep(server.api, { ...freshProgress(), picked: [] });
    expect(outcome).toEqual({ ok: false, errors: { [ids.cards]: 'Pick at least one value that matters to you.' } });
    expect(server.calls).toEqual([]);
  });

  it('puts a refused custom name next to the custom value field', async () => {
    const server = valuesServer([]);
    const outcome = await saveValuesStep(server.api, { ...freshProgress(), picked: ['y'.repeat(101)] });
    expect(!outcome.ok && outcome.errors[ids.custom]).toBe(`“${'y'.repeat(101)}”: Too long.`);
  });
});

describe('motivation and catalyst', () => {
  it('needs one rating at least, and a real past day for a catalyst', () => {
    const none = emptyCatalyst('2026-11-25');
    expect(validateMotivation({}, none, '2026-11-25')).toEqual({ drivers: 'Rate at least one of these, from 1 to 5.' });
    expect(validateMotivation({ health: 4 }, none, '2026-11-25')).toEqual({});
    expect(validateMotivation({ health: 4 }, { kind: 'burnout', date: '2026-02-30', note: '' }, '2026-11-25'))
      .toEqual({ 'catalyst-date': 'Enter the day as YYYY-MM-DD, e.g. 2026-03-14.' });
    expect(validateMotivation({ health: 4 }, { kind: 'burnout', date: '2027-01-01', note: '' }, '2026-11-25'))
      .toEqual({ 'catalyst-date': 'Choose a day that has already happened.' });
    expect(validateMotivation({ health: 4 }, { kind: 'other', date: '', note: 'n'.repeat(2001) }, '2026-11-25'))
      .toEqual({ 'catalyst-note': 'Keep the note to at most 2000 bytes.' });
  });

  it('builds the catalyst body, or none', () => {
    expect(catalystBody(emptyCatalyst('2026-11-25'))).toBeNull();
    expect(catalystBody({ kind: 'burnout', date: ' 2026-11-01 ', note: '  ' })).toEqual({ kind: 'burnout', date: '2026-11-01', note: null });
    expect(catalystBody({ kind: 'other', date: '', note: 'x' })).toEqual({ kind: 'other', date: null, note: 'x' });
  });

  it('reads calendar days and stored ratings carefully', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(ratingsFromProfile([{ driver: 'health', rating: 4 }, { driver: 'bogus', rating: 3 }, { driver: 'family', rating: 9 }])).toEqual({ health: 4 });
  });
});

describe('the first goal', () => {
  const picked = ['Health', 'Family'];
  it('needs a title, a value and a staging answer', () => {
    expect(validateGoalStep(emptyGoalStep(), picked)).toEqual({
      title: 'Give the goal a short title.',
      values: 'Choose at least one value this goal serves.',
      stage_answer: 'Choose the answer that fits you best today.',
    });
    const long = { ...emptyGoalStep(), title: 't'.repeat(101), values: ['Health'], stage_answer: 'within-30-days' as const };
    expect(validateGoalStep(long, picked)).toEqual({ title: 'Keep it to at most 100 bytes.' });
    expect(validateGoalStep({ ...long, title: 'Walk', frequency: '9x/week', barrier: 'nope' as never }, picked)).toEqual({
      frequency: 'Choose daily, or 1 to 7 times a week.', barrier: 'Choose one of the listed kinds, or “Not sure yet”.',
    });
  });

  it('builds the body with only picked values and null for empty parts', () => {
    const f = {
      ...emptyGoalStep(), title: ' Leave on time ', values: ['family', 'Gone'], if: 'it is 17:30', then: 'I close the laptop',
      frequency: '3x/week', barrier: 'mental-load' as const, stage_answer: 'within-30-days' as const,
    };
    expect(validateGoalStep(f, picked)).toEqual({});
    expect(goalStepBody(f, picked)).toEqual({
      title: 'Leave on time', values: ['Family'], wish: null, outcome: null, obstacle: null, if: 'it is 17:30',
      then: 'I close the laptop', frequency: '3x/week', barrier: 'mental-load', stage_answer: 'within-30-days',
    });
  });

  it('starts the goal on the top value when none of its values is picked', () => {
    expect(goalValues([], picked)).toEqual(['Health']);
    expect(goalValues(['Family', 'Gone'], picked)).toEqual(['Family']);
    expect(goalValues([], [])).toEqual([]);
  });

  it('does not post the same goal twice when going back and on again', async () => {
    const calls: string[] = [];
    const api = new ApiClient({ fetch: async (url, init) => { calls.push(`${init.method} ${url}`); return new Response('{"id":7}', { status: 201 }); } });
    const p = { ...freshProgress(), picked, goal: { ...emptyGoalStep(), title: 'Walk', values: ['Health'], stage_answer: 'within-30-days' as const } };
    const first = await saveGoalStep(api, p);
    expect(first).toEqual({ ok: true, patch: { goalId: 7, savedGoal: expect.any(String) } });
    const again = await saveGoalStep(api, { ...p, ...(first.ok ? first.patch : {}) });
    expect(again).toEqual({ ok: true, patch: {} });
    expect(calls).toEqual(['POST /api/v1/goals']);
  });
});

describe('the first boundary', () => {
  it('reads work hours, falling back to the office week', () => {
    expect(parseWorkHours('Mon-Thu 8:00-16:30')).toEqual({ days: 'Mon-Thu', from: '08:00', to: '16:30' });
    expect(parseWorkHours('whenever')).toEqual({ days: 'Mon-Fri', from: '09:00', to: '17:30' });
  });

  it('starts from the work hours and sends exactly the parameters of its type, as the boundaries page does', () => {
    const b = defaultBoundary('Mon-Fri 09:00-17:30');
    expect(boundaryBody(b)).toEqual({ type: 'work-window', days: 'Mon-Fri', from: '09:00', to: '17:30' });
    expect(boundaryBody({ ...b, type: 'no-weekend-work' })).toEqual({ type: 'no-weekend-work' });
    expect(boundaryBody({ ...b, type: 'weekly-hours-cap', hours: ' 37.5 ' })).toEqual({ type: 'weekly-hours-cap', hours: 37.5 });
    expect(boundaryBody({ ...b, type: 'min-break' })).toEqual({ type: 'min-break', minutes: 30 });
    expect(boundaryBody({ ...b, type: 'no-messages-after', time: '9', label: ' Phone down ' })).toEqual({ type: 'no-messages-after', time: '09:00', label: 'Phone down' });
    expect(boundaryBody({ ...b, days: 'Sat, Sun' })).toMatchObject({ days: 'Sat,Sun' });
    expect(switchType(b, 'meeting-free', 'Mon-Fri 09:00-17:30')).toMatchObject({ type: 'meeting-free', days: 'Fri', from: '13:00', to: '17:30' });
    expect(switchType({ ...b, type: 'meeting-free' }, 'work-window', 'Mon-Thu 08:00-16:00')).toMatchObject({ days: 'Mon-Thu', from: '08:00', to: '16:00' });
  });

  it('checks times, order, ranges and the label, in its own words where it has them', () => {
    const b = defaultBoundary('Mon-Fri 09:00-17:30');
    const check = (f: typeof b) => validateBoundary(f, STEP_BOUNDARY_MESSAGES);
    expect(check(b)).toEqual({});
    expect(check({ ...b, from: '18:00' })).toEqual({ to: 'The end must be later than the start.' });
    expect(check({ ...b, days: ' ', from: '25:00' })).toEqual({ days: 'Say which days, for example Mon-Fri.', from: 'Enter a time as HH:MM, for example 17:30.' });
    expect(check({ ...b, type: 'weekly-hours-cap', hours: '200' })).toEqual({ hours: 'Choose between 1 and 168 hours a week.' });
    expect(validateBoundary({ ...b, type: 'weekly-hours-cap', hours: '200' })).toEqual({ hours: 'Enter from 1 to 168 hours.' });
    expect(check({ ...b, type: 'min-break', minutes: '2.5' })).toEqual({ minutes: 'Enter whole minutes.' });
    expect(check({ ...b, label: 'l'.repeat(201) })).toEqual({ label: 'Keep it to at most 200 bytes.' });
  });

  it('names a few things its own way, the rest as the boundaries page does', () => {
    expect(stepTypeTitle('weekly-hours-cap')).toBe('A cap on hours a week');
    expect(stepTypeTitle('work-window')).toBe('Work only within set hours');
    expect(stepFieldLabel('work-window', 'to')).toBe('Work ends');
    expect(stepFieldLabel('meeting-free', 'from')).toBe('Free from');
    expect(stepFieldLabel('work-window', 'days')).toBeUndefined();
  });

  it('puts errors under the step\'s controls, does not post the same boundary twice, and replaces a changed one', async () => {
    const calls: unknown[] = [];
    let id = 4;
    const api = new ApiClient({
      fetch: async (url, init) => {
        calls.push([`${init.method} ${url}`, init.body ? JSON.parse(String(init.body)) : null]);
        return init.method === 'DELETE' ? new Response(null, { status: 204 }) : new Response(`{"id":${id++}}`, { status: 201 });
      },
    });
    const p = freshProgress();
    expect(await saveBoundaryStep(api, { ...p, boundary: { ...p.boundary, to: '07:00' } })).toEqual({
      ok: false, errors: { [ids.boundary('to')]: 'The end must be later than the start.' },
    });
    const first = await saveBoundaryStep(api, p);
    expect(first).toEqual({ ok: true, patch: { boundaryId: 4, savedBoundary: expect.any(String) } });
    const saved = { ...p, ...(first.ok ? first.patch : {}) };
    expect(await saveBoundaryStep(api, saved)).toEqual({ ok: true, patch: {} });
    const changed = await saveBoundaryStep(api, { ...saved, boundary: { ...saved.boundary, type: 'no-weekend-work' } });
    expect(changed).toEqual({ ok: true, patch: { boundaryId: 5, savedBoundary: '{"type":"no-weekend-work"}' } });
    expect(calls).toEqual([
      ['POST /api/v1/boundaries', { type: 'work-window', days: 'Mon-Fri', from: '09:00', to: '17:30' }],
      ['POST /api/v1/boundaries', { type: 'no-weekend-work' }],
      ['DELETE /api/v1/boundaries/4', null],
    ]);
  });
});

function freshProgress(): Progress {
  return initialProgress({
    account: 3, today: '2026-11-25', workHours: 'Mon-Fri 09:00-17:30', catalogue: ['Health', 'Family'],
    values: [value(1, 'Family', 1), value(2, 'Tea time', null)], ratings: { health: 3 },
  });
}

describe('progress kept in sessionStorage', () => {
  it('starts from what is stored on the server and the work hours', () => {
    const p = freshProgress();
    expect(p.step).toBe(0);
    expect(p.picked).toEqual(['Family', 'Tea time']);
    expect(p.custom).toEqual(['Tea time']);
    expect(p.ratings).toEqual({ health: 3 });
    expect(p.checkin).toEqual({ ...emptyCheckIn(), start: '09:00', end: '17:30' });
  });

  it('restores a saved progress after a reload', () => {
    const storage = new MemoryStorage();
    const p: Progress = { ...freshProgress(), step: 2, picked: ['Health', 'Family'], ratings: { family: 5 }, goalId: 4, savedGoal: '{}',
      goal: { ...emptyGoalStep(), title: 'Walk', values: ['Health'], stage_answer: 'action' as never } };
    saveProgress(storage, p);
    const back = loadProgress(storage, freshProgress());
    expect(back).toEqual(p);
    clearProgress(storage);
    expect(storage.getItem(PROGRESS_KEY)).toBeNull();
    expect(loadProgress(storage, freshProgress())).toBeNull();
  });

  it('ignores another account’s progress, broken JSON, and bad fields', () => {
    const fresh = freshProgress();
    expect(restoreProgress(JSON.stringify({ ...fresh, account: 9 }), fresh)).toBeNull();
    expect(restoreProgress('{not json', fresh)).toBeNull();
    const odd = restoreProgress(JSON.stringify({
      account: 3, step: 42, picked: [1, 2], ratings: { health: 9, family: 2, bogus: 3 }, goalId: -1,
      catalyst: { kind: 'nope', date: 5, note: 'kept' }, boundary: { type: 'forever', days: 'Sat,Sun' },
      checkin: { stress: 7, energy: 2, start: '08:00' }, wins: [{ id: 1, text: 'ok', size: 'small' }, { text: 3 }],
    }), fresh);
    expect(odd).not.toBeNull();
    if (!odd) return;
    expect(odd.step).toBe(0);
    expect(odd.picked).toEqual(fresh.picked);
    expect(odd.ratings).toEqual({ family: 2 });
    expect(odd.goalId).toBeNull();
    expect(odd.catalyst).toEqual({ kind: '', date: '2026-11-25', note: 'kept' });
    expect(odd.boundary).toMatchObject({ type: 'work-window', days: 'Sat,Sun' });
    expect(odd.checkin).toMatchObject({ stress: null, energy: 2, start: '08:00' });
    expect(odd.wins).toEqual([{ id: 1, text: 'ok', size: 'small' }]);
    expect(restoreProgress(JSON.stringify({ account: 3, step: FINISHED }), fresh)?.step).toBe(FINISHED);
  });

  it('keeps going when storage refuses to write', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('full'); }, removeItem: () => { throw new Error('no'); } };
    expect(() => saveProgress(full, freshProgress())).not.toThrow();
    expect(() => clearProgress(full)).not.toThrow();
    expect(() => saveProgress(null, freshProgress())).not.toThrow();
  });
});

describe('errors and first run', () => {
  it('puts an API error next to its field, or above the form', () => {
    const fieldOf = (f: string | null) => (f === 'title' ? ids.goal('title') : null);
    expect(failure(new ApiError(422, 'invalid', 'must be one line', 'title'), fieldOf)).toEqual({ ok: false, errors: { 'onb-goal-title': 'Must be one line.' } });
    expect(failure(new ApiError(500, 'internal', 'something broke', null), fieldOf)).toEqual({ ok: false, errors: {}, formError: 'Something broke.' });
    expect(failure(new ApiError(401, 'unauthenticated', 'sign in', null), fieldOf)).toEqual({ ok: false, errors: {}, signedOut: true });
    expect(failure(new TypeError('x'), fieldOf)).toMatchObject({ ok: false, formError: expect.stringMatching(/connection/) });
  });

  it('checks the check-in before sending it, and tidies the times', async () => {
    const api = new ApiClient({ fetch: async () => { throw new Error('must not be called'); } });
    const p = { ...freshProgress(), checkin: { ...emptyCheckIn(), start: '9', end: 'late' } };
    const outcome = await saveCheckInStep(api, p, '2026-11-25');
    expect(outcome).toMatchObject({ ok: false, errors: {
      'onb-checkin-end': 'Enter the end as HH:MM, e.g. 17:30.',
      'onb-checkin-stress': 'Choose how stressed you felt, from 1 to 5.',
      'onb-checkin-energy': 'Choose how much energy you had, from 1 to 5.',
    }, patch: { checkin: { start: '09:00' } } });
  });

  it('remembers "Skip for now" per account, and starts onboarding only with nothing set up', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    expect(onboardingSkipped(1, storage)).toBe(false);
    skipOnboarding(1, storage);
    expect(onboardingSkipped(1, storage)).toBe(true);
    expect(onboardingSkipped(2, storage)).toBe(false);
    expect(needsOnboarding([], [])).toBe(true);
    expect(needsOnboarding([{}], [])).toBe(false);
  });
});
