import { describe, expect, test } from 'vitest';
import { checkRegistration, inviteFromSearch, registrationBody, type RegisterDraft } from '../src/register-form';

const good: RegisterDraft = {
  name: 'Kim Example', email: ' kim@example.org ', password: 'correct horse battery', again: 'correct horse battery',
  timezone: 'Europe/Berlin', invite: ' abc_DEF-123 ',
};

describe('creating an account', () => {
  test('a complete form has no errors, and the body is trimmed', () => {
    expect(checkRegistration(good)).toEqual({});
    expect(registrationBody(good)).toEqual({
      email: 'kim@example.org', password: 'correct horse battery', timezone: 'Europe/Berlin', name: 'Kim Example', invite: 'abc_DEF-123',
    });
  });

  test('optional name and invite are left out when empty; the password is sent as typed', () => {
    const body = registrationBody({ ...good, name: '  ', invite: '', password: '  spaces count  ', again: '  spaces count  ' });
    expect(body).toEqual({ email: 'kim@example.org', password: '  spaces count  ', timezone: 'Europe/Berlin' });
  });

  test('each bad field is named', () => {
    expect(checkRegistration({ ...good, email: '' }).email).toMatch(/e-mail/);
    expect(checkRegistration({ ...good, email: 'kim at example' }).email).toMatch(/like you@example.org/);
    expect(checkRegistration({ ...good, password: 'short', again: 'short' }).password).toMatch(/12 characters/);
    expect(checkRegistration({ ...good, again: 'correct horse battery!' }).again).toMatch(/differ/);
    expect(checkRegistration({ ...good, timezone: ' ' }).timezone).toMatch(/time zone/);
    expect(checkRegistration({ ...good, name: 'x'.repeat(101) }).name).toMatch(/100/);
    expect(Object.keys(checkRegistration({ ...good, email: '', password: '', again: 'x' })).sort()).toEqual(['again', 'email', 'password']);
  });

  test('twelve characters are counted as characters, not bytes', () => {
    expect(checkRegistration({ ...good, password: 'ééééééééééé', again: 'ééééééééééé' }).password).toBeDefined();
    expect(checkRegistration({ ...good, password: '🌙🌙🌙🌙🌙🌙🌙🌙🌙🌙🌙🌙', again: '🌙🌙🌙🌙🌙🌙🌙🌙🌙🌙🌙🌙' }).password).toBeUndefined();
  });

  test('the invite code comes from the link', () => {
    expect(inviteFromSearch('?invite=z7gp9e8_7tQ0')).toBe('z7gp9e8_7tQ0');
    expect(inviteFromSearch('?other=1')).toBe('');
    expect(inviteFromSearch('')).toBe('');
  });
});
