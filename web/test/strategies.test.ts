import { describe, expect, it } from 'vitest';
import { emptyGoal, goalBody, validateGoal } from '../src/goal-form';
import type { Strategy } from '../src/components/strategies/data';
import { NO_FILTER, filterStrategies, strategyPrefill } from '../src/components/strategies/filter';

const library: Strategy[] = [
  {
    id: 'values-pros-and-cons', title: 'Values pros and cons', summary: 'Write two lists.',
    if: 'If I catch myself thinking "I should really work less",', then: 'then I spend ten minutes writing.',
    barriers: ['unclear-goals'], stages: ['precontemplation', 'contemplation'],
  },
  {
    id: 'shutdown-ritual', title: 'A shutdown ritual', summary: 'End each workday the same way.',
    if: 'If it is 17:30 and I am still at my desk,', then: "then I write tomorrow's first task on a note and close the laptop.",
    barriers: ['mental-load', 'workplace-expectations'], stages: ['preparation', 'action'],
  },
  {
    id: 'crunch-week-plan', title: 'A relapse plan for crunch weeks', summary: 'Pick one boundary to keep.',
    if: 'If a deadline week is coming up,', then: 'then I choose the one boundary I will keep.',
    barriers: ['workplace-expectations'], stages: ['action', 'maintenance'],
  },
];
const ids = (list: Strategy[]) => list.map((s) => s.id);

describe('filtering the strategy library', () => {
  it('shows everything, in the library’s order, without a filter', () => {
    expect(ids(filterStrategies(library, NO_FILTER))).toEqual(['values-pros-and-cons', 'shutdown-ritual', 'crunch-week-plan']);
  });

  it('filters by barrier, by stage, and by both', () => {
    expect(ids(filterStrategies(library, { barrier: 'workplace-expectations', stage: 'all' }))).toEqual(['shutdown-ritual', 'crunch-week-plan']);
    expect(ids(filterStrategies(library, { barrier: 'all', stage: 'action' }))).toEqual(['shutdown-ritual', 'crunch-week-plan']);
    expect(ids(filterStrategies(library, { barrier: 'workplace-expectations', stage: 'maintenance' }))).toEqual(['crunch-week-plan']);
    expect(ids(filterStrategies(library, { barrier: 'unclear-goals', stage: 'action' }))).toEqual([]);
    expect(ids(filterStrategies(library, { barrier: 'systemic', stage: 'all' }))).toEqual([]);
  });
});

describe('trying a strategy as a goal', () => {
  it('starts the form from the strategy’s title and if-then plan, exactly', () => {
    const s = library[1]!;
    const form = { ...emptyGoal(), ...strategyPrefill(s) };
    expect(form).toEqual({ ...emptyGoal(), title: s.title, if: s.if, then: s.then });
  });

  it('still needs the person’s values, and then sends the plan unchanged', () => {
    const s = library[0]!;
    const form = { ...emptyGoal(), ...strategyPrefill(s) };
    expect(Object.keys(validateGoal(form))).toEqual(['values']);
    const body = goalBody({ ...form, values: 'Health' });
    expect(body).toMatchObject({ title: s.title, if: s.if, then: s.then, values: ['Health'], wish: null });
  });

  it('fits every strategy in the library within the goal form’s limits', () => {
    for (const s of library) expect(validateGoal({ ...emptyGoal(), ...strategyPrefill(s), values: 'Rest' })).toEqual({});
  });
});
