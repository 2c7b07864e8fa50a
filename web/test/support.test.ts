import { describe, expect, it } from 'vitest';
import type { Plan, Supporter } from '../src/components/support/data';
import {
  KINDS, RELATIONS, changedLabel, commentCountText, emptySupporter, formFromSupporter, kindLabel, orderGaps, relationLabel,
  supporterBody, supporterField, toggleKind, topBarrierText, validateSupporter,
} from '../src/components/support/logic';
import {
  MAX_OBJECTIONS, STEPS, addObjection, formFromPlan, planBody, planControlId, planField, removeObjection, rowsFor, sameForm,
  updateObjection, validatePlan,
} from '../src/components/support/plan-form';

function plan(over: Partial<Plan> = {}): Plan {
  return {
    id: 7, goal_id: 1, title: 'Ending my day at 17:30', situation: 'Late meetings.', need: 'Evenings that feel like mine.',
    proposal: 'Offline from 17:30.', trial_period: 'A 4-week trial.', offer: 'An end-of-day update.', fallback: 'Three evenings a week.',
    objections: [{ objection: 'Clients expect answers.', answer: 'Urgent matters reach me by phone.' }],
    created_at: '2026-11-25T18:00:00Z', updated_at: '2026-11-25T18:00:00Z', comments: [], ...over,
  };
}

describe('relation and kind names', () => {
  it('names every relation and kind the API has in plain words', () => {
    expect(RELATIONS.map(relationLabel)).toEqual(['Family', 'Friend', 'Colleague', 'Manager', 'Coach', 'Partner']);
    expect(KINDS.map(kindLabel)).toEqual(['Emotional', 'Practical', 'Shared values']);
  });
  it('shows an unknown code as it is, rather than nothing', () => {
    expect(relationLabel('neighbour')).toBe('neighbour');
    expect(kindLabel('financial')).toBe('financial');
  });
});

describe('the supporter form', () => {
  const filled = { name: '  Ana  ', relation: 'friend' as const, kinds: ['emotional' as const], email: '' };

  it('ticks kinds in the catalogue order and unticks them', () => {
    expect(toggleKind([], 'shared-values', true)).toEqual(['shared-values']);
    expect(toggleKind(['shared-values'], 'emotional', true)).toEqual(['emotional', 'shared-values']);
    expect(toggleKind(['emotional', 'practical'], 'emotional', false)).toEqual(['practical']);
  });
  it('asks for a name and at least one kind before sending', () => {
    expect(validateSupporter(emptySupporter())).toEqual({ name: 'Enter their name.', kinds: 'Choose at least one kind of support they give.' });
    expect(validateSupporter(filled)).toEqual({});
    expect(validateSupporter({ ...filled, name: 'x'.repeat(101) }).name).toMatch(/100/);
  });
  it('checks the optional e-mail only when there is one', () => {
    expect(validateSupporter({ ...filled, email: 'not an e-mail' }).account_email).toMatch(/name@example.org/);
    expect(validateSupporter({ ...filled, email: ' pat@example.org ' })).toEqual({});
  });
  it('sends a trimmed name, kinds in order, and the e-mail only when given', () => {
    expect(supporterBody({ ...filled, kinds: ['shared-values', 'emotional'] })).toEqual({ name: 'Ana', relation: 'friend', kinds: ['emotional', 'shared-values'] });
    expect(supporterBody({ ...filled, email: ' pat@example.org ' }).account_email).toBe('pat@example.org');
  });
  it('starts an edit from the supporter, with an empty e-mail (the API never returns it)', () => {
    const s: Supporter = { id: 2, name: 'Ben', relation: 'manager', kinds: ['practical'], linked: true, created_at: '2026-11-25T18:00:00Z' };
    expect(formFromSupporter(s)).toEqual({ name: 'Ben', relation: 'manager', kinds: ['practical'], email: '' });
  });
  it('puts an API error under the field it names', () => {
    expect(supporterField('kinds')).toBe('kinds');
    expect(supporterField('kinds[1]')).toBe('kinds');
    expect(supporterField('account_email')).toBe('account_email');
    expect(supporterField('id')).toBeNull();
    expect(supporterField(null)).toBeNull();
  });
});

describe('gaps and the top barrier', () => {
  it('puts the most pressing gaps first and keeps the API order otherwise', () => {
    const gaps = [
      { code: 'no-shared-values', message: 'c' }, { code: 'something-new', message: 'x' },
      { code: 'no-emotional', message: 'b' }, { code: 'no-practical-for-barrier', message: 'a' },
    ];
    expect(orderGaps(gaps).map((g) => g.code)).toEqual(['no-practical-for-barrier', 'no-emotional', 'no-shared-values', 'something-new']);
    expect(orderGaps([])).toEqual([]);
  });
  it('names the top barrier in plain words, or nothing when there is none', () => {
    expect(topBarrierText('workplace-expectations')).toBe('Your biggest barrier right now: workplace expectations.');
    expect(topBarrierText('mental-load')).toBe('Your biggest barrier right now: emotional and mental load.');
    expect(topBarrierText(null)).toBeNull();
  });
});

describe('dates and counts', () => {
  it('shows the last change in the person’s zone', () => {
    expect(changedLabel('2026-11-25T23:30:00Z', 'Europe/Berlin')).toBe('Changed 26 Nov 2026, 00:30');
    expect(changedLabel('2026-11-25T23:30:00Z', 'America/New_York')).toBe('Changed 25 Nov 2026, 18:30');
  });
  it('counts coach comments in words', () => {
    expect([0, 1, 3].map(commentCountText)).toEqual(['No coach comments yet', '1 coach comment', '3 coach comments']);
  });
});

describe('the planner form', () => {
  it('has the six steps in order', () => {
    expect(STEPS.map((s) => s.key)).toEqual(['situation', 'need', 'proposal', 'trial_period', 'offer', 'fallback']);
    expect(STEPS.every((s) => s.hint.length > 0)).toBe(true);
  });
  it('shows the server’s draft as it is, and sends it back unchanged', () => {
    const f = formFromPlan(plan());
    expect(f.need).toBe('Evenings that feel like mine.');
    expect(planBody(f)).toEqual({
      title: 'Ending my day at 17:30', situation: 'Late meetings.', need: 'Evenings that feel like mine.', proposal: 'Offline from 17:30.',
      trial_period: 'A 4-week trial.', offer: 'An end-of-day update.', fallback: 'Three evenings a week.',
      objections: ['Clients expect answers.'], answers: ['Urgent matters reach me by phone.'],
    });
    expect(sameForm(f, formFromPlan(plan()))).toBe(true);
    expect(sameForm(f, { ...f, need: 'x' })).toBe(false);
  });
  it('adds, edits and removes objection pairs, never past 12', () => {
    let list = addObjection([]);
    expect(list).toEqual([{ objection: '', answer: '' }]);
    list = updateObjection(list, 0, { objection: 'Too soon' });
    list = updateObjection(addObjection(list), 1, { answer: 'Later' });
    expect(list).toEqual([{ objection: 'Too soon', answer: '' }, { objection: '', answer: 'Later' }]);
    expect(removeObjection(list, 0)).toEqual([{ objection: '', answer: 'Later' }]);
    const full = Array.from({ length: MAX_OBJECTIONS }, () => ({ objection: 'a', answer: '' }));
    expect(addObjection(full)).toHaveLength(MAX_OBJECTIONS);
  });
  it('checks the title, the lengths and empty objections before saving', () => {
    const f = formFromPlan(plan());
    expect(validatePlan(f)).toEqual({});
    expect(validatePlan({ ...f, title: '  ' }).title).toBe('Give the plan a title.');
    expect(validatePlan({ ...f, title: 'a\nb' }).title).toBe('Keep the title to one line.');
    expect(validatePlan({ ...f, title: 'é'.repeat(101) }).title).toMatch(/200/);  // 202 bytes
    expect(validatePlan({ ...f, need: 'x'.repeat(4001) }).need).toMatch(/4000/);
    const errors = validatePlan({ ...f, objections: [{ objection: 'ok', answer: 'x'.repeat(1001) }, { objection: ' ', answer: 'a' }] });
    expect(Object.keys(errors).sort()).toEqual(['objections.0.answer', 'objections.1.objection']);
    expect(validatePlan({ ...f, objections: Array.from({ length: 13 }, () => ({ objection: 'a', answer: '' })) }).objections).toMatch(/12/);
  });
  it('maps the API’s field names to the control they belong to', () => {
    expect(planField('title')).toBe('title');
    expect(planField('trial_period')).toBe('trial_period');
    expect(planField('objections[0].objection')).toBe('objections.0.objection');
    expect(planField('objections[3].answer')).toBe('objections.3.answer');
    expect(planField('answers[2]')).toBe('objections.2.answer');
    expect(planField('answers')).toBe('objections');
    expect(planField('objections')).toBe('objections');
    expect(planField('goal_id')).toBeNull();
    expect(planControlId('objections.3.answer')).toBe('plan-answer-3');
    expect(planControlId('objections')).toBe('plan-add-objection');
    expect(planControlId('need')).toBe('plan-need');
  });
  it('gives long drafts enough rows, within bounds', () => {
    expect(rowsFor('')).toBe(3);
    expect(rowsFor('x'.repeat(300))).toBe(6);
    expect(rowsFor('x'.repeat(5000))).toBe(10);
  });
});
