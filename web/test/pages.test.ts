import { describe, expect, it } from 'vitest';
import { emptyGoal, goalBody, parseValues, validateGoal } from '../src/goal-form';
import {
  emptyPassword, exportFileName, profileBody, validatePassword, validateProfile, validateTokenName,
} from '../src/settings-form';
import type { Me, Win } from '../src/types';
import { addDays, defaultWinsFilter, filterWins, validateWinsFilter } from '../src/wins-filter';

const me: Me = {
  id: 1, name: 'Sam', email: 'sam@example.org', timezone: 'UTC', work_hours: 'Mon-Fri 09:00-17:30',
  created_at: '2026-11-25T18:00:00Z', admin: false,
};

describe('settings forms', () => {
  it('sends only what changed in the profile', () => {
    expect(profileBody({ timezone: 'UTC', work_hours: 'Mon-Fri 09:00-17:30' }, me)).toEqual({});
    expect(profileBody({ timezone: ' Europe/Berlin ', work_hours: 'Mon-Fri 09:00-17:30' }, me)).toEqual({ timezone: 'Europe/Berlin' });
    expect(Object.keys(validateProfile({ timezone: ' ', work_hours: '' })).sort()).toEqual(['timezone', 'work_hours']);
  });

  it('checks a new password before sending it', () => {
    expect(Object.keys(validatePassword(emptyPassword())).sort()).toEqual(['current_password', 'new_password']);
    const ok = { current_password: 'old password 1', new_password: 'new password 12', confirm: 'new password 12' };
    expect(validatePassword(ok)).toEqual({});
    expect(validatePassword({ ...ok, confirm: 'other' }).confirm).toBeDefined();
    expect(validatePassword({ ...ok, new_password: 'short', confirm: 'short' }).new_password).toMatch(/12/);
    expect(validatePassword({ ...ok, new_password: ok.current_password, confirm: ok.current_password }).new_password).toMatch(/different/);
    // Characters, not UTF-16 units: twelve emoji are twelve characters.
    expect(validatePassword({ ...ok, new_password: '😀'.repeat(12), confirm: '😀'.repeat(12) })).toEqual({});
  });

  it('names tokens within 100 bytes', () => {
    expect(validateTokenName('  ')).toBeDefined();
    expect(validateTokenName('backup script')).toBeUndefined();
    expect(validateTokenName('é'.repeat(51))).toMatch(/100/);
  });

  it('names the export like the server does', () => {
    expect(exportFileName('2026-11-25')).toBe('headway-export-2026-11-25.json');
  });
});

describe('goal form', () => {
  it('reads values as a comma list without blanks or repeats', () => {
    expect(parseValues(' health, Family ,, HEALTH ,')).toEqual(['health', 'Family']);
    expect(parseValues('')).toEqual([]);
  });

  it('needs a title and a value, and checks the frequency and lengths', () => {
    expect(Object.keys(validateGoal(emptyGoal())).sort()).toEqual(['title', 'values']);
    const ok = { ...emptyGoal(), title: 'Walk', values: 'health' };
    expect(validateGoal(ok)).toEqual({});
    expect(validateGoal({ ...ok, frequency: '8x/week' }).frequency).toBeDefined();
    expect(validateGoal({ ...ok, if: 'x'.repeat(501) }).if).toMatch(/500/);
    expect(validateGoal({ ...ok, title: 'a\nb' }).title).toMatch(/one line/);
  });

  it('builds the POST body, leaving empty WOOP parts null', () => {
    expect(goalBody({ ...emptyGoal(), title: ' Walk ', values: 'health, family', wish: ' move more ', frequency: '3x/week' })).toEqual({
      title: 'Walk', values: ['health', 'family'], wish: 'move more', outcome: null, obstacle: null, if: null, then: null,
      frequency: '3x/week',
    });
  });
});

describe('wins journal filter', () => {
  const win = (id: number, date: string, size: Win['size']): Win =>
    ({ id, date, size, text: `w${id}`, goal_id: null, value_id: null, created_at: '' });

  it('defaults to the 28 days that end today', () => {
    expect(defaultWinsFilter('2026-03-01')).toEqual({ from: '2026-02-02', to: '2026-03-01', size: 'all' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('checks the range', () => {
    expect(validateWinsFilter({ from: '2026-11-01', to: '2026-11-25', size: 'all' })).toEqual({});
    expect(validateWinsFilter({ from: '2026-11-26', to: '2026-11-25', size: 'all' }).to).toBeDefined();
    expect(validateWinsFilter({ from: 'yesterday', to: '2026-11-25', size: 'all' }).from).toBeDefined();
  });

  it('filters by size, newest first', () => {
    const wins = [win(1, '2026-11-20', 'big'), win(2, '2026-11-24', 'small'), win(3, '2026-11-24', 'big')];
    expect(filterWins(wins, 'all').map((w) => w.id)).toEqual([3, 2, 1]);
    expect(filterWins(wins, 'big').map((w) => w.id)).toEqual([3, 1]);
  });
});
