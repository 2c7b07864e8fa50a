import { describe, expect, it } from 'vitest';
import type { Grant } from '../src/components/partners/data';
import {
  SCOPES, acceptCode, accessWhat, addDays, emptyInvite, figure, formatInstant, granteeText, inviteBody, inviteField, inviteUrl,
  isLive, scaleLabel, scopeLabel, scopeList, statusText, validateInvite, validateKudos,
} from '../src/components/partners/labels';

const NOW = new Date('2026-11-25T18:00:00Z');  // 19:00 in Berlin

function grant(over: Partial<Grant> = {}): Grant {
  return {
    id: 1, owner: 'Sam Rivera', grantee_email: 'pat@example.org', grantee: 'pat', invite_link: false,
    scopes: ['wins'], status: 'active', created_at: '2026-11-25T18:00:00Z', expires_at: '2027-02-23T23:00:00Z',
    accepted_at: '2026-11-25T18:00:00Z', revoked_at: null, ...over,
  };
}

describe('scope names', () => {
  it('names every scope the API has in plain words', () => {
    expect(SCOPES.map(scopeLabel)).toEqual(['Goals', 'Wins', 'Weekly check-in figures', 'Assessment scores', 'Conversation plans']);
    expect(scopeList(['wins', 'checkin-summary'])).toBe('Wins, Weekly check-in figures');
  });
  it('shows an unknown scope as it is, rather than nothing', () => {
    expect(scopeLabel('future-scope')).toBe('future-scope');
  });
});

describe('who a grant is for, and its status', () => {
  it('names the grantee, the e-mail, or says an invite link is waiting', () => {
    expect(granteeText(grant())).toBe('pat (pat@example.org)');
    expect(granteeText(grant({ grantee: null }))).toBe('pat@example.org');
    expect(granteeText(grant({ grantee: null, grantee_email: null, invite_link: true }))).toBe('invite link, not accepted yet');
  });
  it('says each status in words, with dates in the person’s zone', () => {
    // 23:00 UTC on 23 February is already the 24th in Berlin and still the 23rd in New York.
    expect(statusText(grant(), 'Europe/Berlin')).toBe('Active until 24 Feb 2027');
    expect(statusText(grant(), 'America/New_York')).toBe('Active until 23 Feb 2027');
    expect(statusText(grant({ status: 'pending', invite_link: true, grantee: null, grantee_email: null }), 'UTC')).toBe('Waiting for the link to be accepted');
    expect(statusText(grant({ status: 'pending', grantee: null }), 'UTC')).toBe('Waiting for them to sign up');
    expect(statusText(grant({ status: 'expired' }), 'UTC')).toBe('Expired on 23 Feb 2027');
    expect(statusText(grant({ status: 'revoked', revoked_at: '2026-11-26T10:00:00Z' }), 'UTC')).toBe('Revoked on 26 Nov 2026');
  });
  it('offers Revoke only for live grants', () => {
    expect(['active', 'pending', 'expired', 'revoked'].map((status) => isLive({ status } as Grant))).toEqual([true, true, false, false]);
  });
  it('formats instants in the zone given, with a 24-hour clock', () => {
    expect(formatInstant('2026-11-25T18:00:00Z', 'Europe/Berlin')).toBe('25 Nov 2026, 19:00');
    expect(formatInstant('2026-11-25T18:00:00Z', 'Asia/Tokyo')).toBe('26 Nov 2026, 03:00');
    expect(formatInstant('not a date', 'UTC')).toBe('not a date');
  });
});

describe('the invite form', () => {
  it('starts with no e-mail, nothing ticked and 90 days from today in the person’s zone', () => {
    expect(emptyInvite('Europe/Berlin', NOW)).toEqual({ email: '', scopes: [], expires: '2027-02-23' });
    // Already the 26th in Tokyo.
    expect(emptyInvite('Asia/Tokyo', NOW).expires).toBe('2027-02-24');
  });
  it('adds days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  it('needs at least one scope, a sensible e-mail (or none) and a day within a year', () => {
    const ok = { email: '', scopes: ['wins' as const], expires: '2027-02-23' };
    expect(validateInvite(ok, 'Europe/Berlin', NOW)).toEqual({});
    expect(validateInvite({ ...ok, scopes: [] }, 'Europe/Berlin', NOW).scopes).toMatch(/at least one/);
    expect(validateInvite({ ...ok, email: 'not an email' }, 'Europe/Berlin', NOW).grantee_email).toBeTruthy();
    expect(validateInvite({ ...ok, expires: '2026-11-24' }, 'Europe/Berlin', NOW).expires).toMatch(/from today/);
    expect(validateInvite({ ...ok, expires: '2026-11-25' }, 'Europe/Berlin', NOW)).toEqual({});
    expect(validateInvite({ ...ok, expires: '2027-11-26' }, 'Europe/Berlin', NOW).expires).toMatch(/a year/);
    expect(validateInvite({ ...ok, expires: '' }, 'Europe/Berlin', NOW).expires).toBeTruthy();
  });
  it('sends scopes in the catalogue’s order, and no e-mail for an invite link', () => {
    expect(inviteBody({ email: '  pat@example.org ', scopes: ['wins', 'goals'], expires: '2027-01-01' }))
      .toEqual({ grantee_email: 'pat@example.org', scopes: ['goals', 'wins'], expires: '2027-01-01' });
    expect(inviteBody({ email: ' ', scopes: ['assessments'], expires: '2027-01-01' })).toEqual({ scopes: ['assessments'], expires: '2027-01-01' });
  });
  it('puts the API’s errors under the field they name, list items under the list', () => {
    expect(inviteField('grantee_email')).toBe('grantee_email');
    expect(inviteField('expires')).toBe('expires');
    expect(inviteField('scopes')).toBe('scopes');
    expect(inviteField('scopes[1]')).toBe('scopes');
    expect(inviteField('body')).toBeNull();
    expect(inviteField(null)).toBeNull();
  });
});

describe('invite links', () => {
  const code = 'hwg_dX8oi0GBnhXKEuPlYRwoOb3N5AEIobvSKCu14xyETVc';
  it('builds the link to /partners?accept=CODE on this origin', () => {
    expect(inviteUrl('https://headway.example.org', code)).toBe(`https://headway.example.org/partners?accept=${code}`);
    expect(inviteUrl('http://127.0.0.1:8080/', code)).toBe(`http://127.0.0.1:8080/partners?accept=${code}`);
  });
  it('reads the code back from the address, and ignores anything that is not a code', () => {
    expect(acceptCode(new URL(inviteUrl('http://x', code)).search)).toBe(code);
    expect(acceptCode('')).toBeNull();
    expect(acceptCode('?accept=')).toBeNull();
    expect(acceptCode('?accept=hwc_circlecode')).toBeNull();
    expect(acceptCode('?accept=hwg_<script>')).toBeNull();
  });
});

describe('the access log, figures and kudos', () => {
  it('says what each read was', () => {
    expect(accessWhat('wins', 'wins')).toBe('Read wins');
    expect(accessWhat('checkin-summary', 'checkin-summary')).toBe('Read weekly check-in figures');
    expect(accessWhat('wins', 'kudos on win 35')).toBe('Sent kudos on a win');
    expect(accessWhat('conversation-plans', 'comment on plan 2')).toBe('Commented on a conversation plan');
  });
  it('shows a dash for a week without check-ins', () => {
    expect(figure(null)).toBe('–');
    expect(figure(2.25)).toBe('2.3');
    expect(figure(8)).toBe('8.0');
  });
  it('turns scale ids into words', () => {
    expect(scaleLabel('boundary-control')).toBe('Boundary control');
    expect(scaleLabel('balance')).toBe('Balance');
  });
  it('takes one of the six emoji and a message of at most 280 characters', () => {
    expect(validateKudos('🎉', '')).toEqual({});
    expect(validateKudos('❤️', 'x'.repeat(280))).toEqual({});
    expect(validateKudos('', '').emoji).toBeTruthy();
    expect(validateKudos('lol', '').emoji).toBeTruthy();
    expect(validateKudos('⭐', 'x'.repeat(281)).message).toMatch(/280/);
    // Counted in characters, not UTF-16 units.
    expect(validateKudos('⭐', '🌱'.repeat(280))).toEqual({});
  });
});
