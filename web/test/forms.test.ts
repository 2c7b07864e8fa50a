import { describe, expect, it } from 'vitest';
import { checkInBody, emptyCheckIn, formFromCheckIn, formFromSignals, isCheckInField, tidyCheckIn, validateCheckIn } from '../src/checkin-form';
import { FREQUENCIES, frequencyLabel, validateWoop, woopBody } from '../src/goal-form';
import { sentence } from '../src/messages';
import { validateWin, winBody } from '../src/win-form';

describe('check-in form', () => {
  const filled = { ...emptyCheckIn(), start: '9:00', end: '1730', stress: 2, energy: 4, break: '30', progress: true };

  it('asks for times, stress and energy, naming each field', () => {
    const errors = validateCheckIn(emptyCheckIn());
    expect(Object.keys(errors).sort()).toEqual(['end', 'energy', 'start', 'stress']);
  });

  it('needs no times on a day off', () => {
    expect(validateCheckIn({ ...emptyCheckIn(), off: true, stress: 1, energy: 5 })).toEqual({});
  });

  it('checks minutes and times', () => {
    const errors = validateCheckIn({ ...filled, after_hours: '1441', break: 'half an hour', start: '25:00' });
    expect(errors.after_hours).toMatch(/1440/);
    expect(errors.break).toMatch(/whole minutes/);
    expect(errors.start).toMatch(/HH:MM/);
  });

  it('checks the note in bytes, as the server does', () => {
    expect(validateCheckIn({ ...filled, note: 'é'.repeat(2000) })).toEqual({});
    expect(validateCheckIn({ ...filled, note: 'é'.repeat(2001) }).note).toBeDefined();
  });

  it('builds the PUT body the API takes', () => {
    expect(checkInBody(filled)).toEqual({
      start: '09:00', end: '17:30', stress: 2, energy: 4, after_hours: null, break: 30,
      progress: true, setback: false, note: null,
    });
    expect(checkInBody({ ...filled, off: true })).toMatchObject({ off: true });
    expect(checkInBody({ ...filled, off: true })).not.toHaveProperty('start');
  });

  it('round-trips a stored check-in', () => {
    const stored = {
      date: '2026-11-25', off: false, start: '09:00', end: '17:30', worked_minutes: 480, after_hours: 15,
      break: null, stress: 3, energy: 3, progress: false, setback: true, note: 'ok', updated_at: '',
    };
    const form = formFromCheckIn(stored);
    expect(form).toMatchObject({ after_hours: '15', break: '' });
    expect(checkInBody(form)).toMatchObject({ after_hours: 15, break: null, setback: true, note: 'ok' });
  });

  it('tidies the times to HH:MM', () => {
    expect(tidyCheckIn(filled)).toEqual({ ...filled, start: '09:00', end: '17:30' });
  });

  it('knows which API fields it shows', () => {
    expect(isCheckInField('after_hours')).toBe(true);
    expect(isCheckInField('date')).toBe(false);
    expect(isCheckInField(null)).toBe(false);
  });
});

describe('goal form, the part every goal form shares', () => {
  const woop = { title: ' Walk ', wish: '', outcome: ' Fresh air ', obstacle: '', if: '', then: '', frequency: 'daily' };

  it('checks in the order of the fields, with the form\'s own check of its values second', () => {
    const errors = validateWoop({ ...woop, title: '', then: 'x'.repeat(501), frequency: 'often' }, 'Pick a value.');
    expect(Object.keys(errors)).toEqual(['title', 'values', 'then', 'frequency']);
    expect(validateWoop(woop, undefined)).toEqual({});
  });

  it('sends trimmed words and null for empty ones', () => {
    expect(woopBody(woop, ['Health'])).toEqual({
      title: 'Walk', values: ['Health'], wish: null, outcome: 'Fresh air', obstacle: null, if: null, then: null, frequency: 'daily',
    });
  });

  it('says how often in words', () => {
    expect(FREQUENCIES.map(frequencyLabel)).toEqual([
      'Every day', 'Once a week', '2 times a week', '3 times a week', '4 times a week', '5 times a week', '6 times a week', '7 times a week',
    ]);
  });
});

describe('win form', () => {
  it('needs some text, at most 500 bytes', () => {
    expect(validateWin({ text: '  ', size: 'small' }).text).toBeDefined();
    expect(validateWin({ text: 'x'.repeat(500), size: 'big' })).toEqual({});
    expect(validateWin({ text: 'x'.repeat(501), size: 'big' }).text).toBeDefined();
  });

  it('sends the day it was logged for', () => {
    expect(winBody({ text: ' Left at 17:30 ', size: 'medium' }, '2026-11-25')).toEqual({
      text: 'Left at 17:30', size: 'medium', date: '2026-11-25',
    });
  });
});

describe('sentence', () => {
  it('capitalises and ends API messages', () => {
    expect(sentence('stress must be between 1 and 5')).toBe('Stress must be between 1 and 5.');
    expect(sentence('Done!')).toBe('Done!');
  });
});

describe('check-in from imported evidence', () => {
  const day = {
    date: '2026-11-25', work_minutes: 540, after_hours_minutes: 75, weekend_minutes: 0, meeting_minutes: 120,
    after_hours_meeting_minutes: 60, longest_focus_minutes: 90, first_activity: '08:40', last_activity: '18:45',
  };

  it('fills in start, end and after-hours minutes from the day\'s signals', () => {
    const f = formFromSignals(emptyCheckIn(), day);
    expect(f).toMatchObject({ start: '08:40', end: '18:45', after_hours: '75', stress: null, energy: null });
  });

  it('never replaces what the person typed, and says when nothing changed', () => {
    const typed = { ...emptyCheckIn(), start: '09:15' };
    expect(formFromSignals(typed, day)).toMatchObject({ start: '09:15', end: '18:45', after_hours: '75' });
    expect(formFromSignals({ ...emptyCheckIn(), start: '9:00', end: '17:00', after_hours: '0' }, day)).toBeNull();
  });

  it('fills nothing without evidence of work, or on a day off', () => {
    expect(formFromSignals(emptyCheckIn(), undefined)).toBeNull();
    expect(formFromSignals(emptyCheckIn(), { ...day, first_activity: null, last_activity: null, work_minutes: 0 })).toBeNull();
    expect(formFromSignals({ ...emptyCheckIn(), off: true }, day)).toBeNull();
  });
});
