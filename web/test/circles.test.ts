import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../src/components/circles/data';
import {
  BOUNDARY_TYPES, KUDOS_EMOJI, addDays, adherenceText, deadlineText, earliestCreated, emptyPledge, joinErrorText,
  mergeFeed, pledgeBody, pledgeSummary, progressText, progressValue, shareCandidates, statusLabel, utf8Bytes,
  validDaysOptions, validateCircle, validateJoinCode, validateKudos, validatePledge,
} from '../src/components/circles/logic';
import type { Win } from '../src/types';

const entry = (win_id: number): FeedEntry => ({
  win_id, author: 'bob', mine: false, text: `win ${win_id}`, size: 'small', date: '2026-11-20', shared_at: '2026-11-20T10:00:00Z', kudos: [],
});

describe('pledge wording', () => {
  it('shows only the count of signers against the threshold', () => {
    expect(progressText(1, 3)).toBe('1 of 3 signed');
    expect(progressText(0, 2)).toBe('0 of 2 signed');
  });

  it('keeps the meter full, never past it, when late signers join', () => {
    expect(progressValue(4, 3)).toBe(3);
    expect(progressValue(2, 3)).toBe(2);
    expect(progressValue(-1, 3)).toBe(0);
  });

  it('names each status calmly', () => {
    expect(statusLabel('collecting')).toBe('Collecting signatures');
    expect(statusLabel('active')).toBe('Active');
    expect(statusLabel('expired')).toBe('Closed');
  });

  it('says how many more are needed and by when, in the person\'s zone', () => {
    const p = { status: 'collecting' as const, signers: 1, threshold: 3, deadline: '2026-12-10T23:00:00Z', activated_at: null };
    expect(pledgeSummary(p, 'Europe/Berlin', 'en-GB')).toMatch(
      /^It starts when 2 more signatures arrive, by the end of Thursday,? 10 December 2026\. Until then nobody is bound\.$/);
    expect(pledgeSummary({ ...p, signers: 2 }, 'UTC', 'en-GB')).toContain('1 more signature arrive');
  });

  it('says since when a pledge is active, and that an expired one binds nobody', () => {
    const p = { status: 'active' as const, signers: 3, threshold: 3, deadline: '2026-12-10T23:00:00Z', activated_at: '2026-11-25T23:30:00Z' };
    expect(pledgeSummary(p, 'Europe/Berlin', 'en-GB')).toMatch(/^Active since Thursday,? 26 November 2026\.$/);
    expect(pledgeSummary(p, 'America/New_York', 'en-GB')).toMatch(/^Active since Wednesday,? 25 November 2026\.$/);
    expect(pledgeSummary({ ...p, status: 'expired' }, 'UTC')).toMatch(/nobody is bound/);
  });

  it('reads a deadline at midnight as the end of the day before, and other times as they are', () => {
    // ICU versions differ on the comma after the weekday.
    expect(deadlineText('2026-11-27T00:00:00Z', 'UTC', 'en-GB')).toMatch(/^the end of Thursday,? 26 November 2026$/);
    expect(deadlineText('2026-12-10T02:37:36Z', 'UTC', 'en-GB')).toMatch(/^Thursday,? 10 December 2026 at 02:37$/);
    expect(deadlineText('2026-12-10T02:37:36Z', 'Europe/Berlin', 'en-GB')).toMatch(/^Thursday,? 10 December 2026 at 03:37$/);
    expect(deadlineText('not a date', 'UTC')).toBe('not a date');
  });

  it('gives the group figure as a rounded percentage', () => {
    const a = { from: '2026-11-01', to: '2026-11-25', members_with_evidence: 6, kept_days: 82, judged_days: 100, rate: 0.8234 };
    expect(adherenceText(a)).toBe('Kept on 82% of judged days by 6 members with evidence');
  });
});

describe('the pledge form', () => {
  const today = '2026-11-25';
  it('starts with a threshold of 3 and a deadline 14 days ahead', () => {
    expect(emptyPledge(today)).toEqual({ text: '', threshold: '3', deadline: '2026-12-09', boundary_type: '' });
  });

  it('accepts a good pledge and builds the body the API takes', () => {
    const f = { text: '  No e-mail after 19:00 ', threshold: '3', deadline: '2026-12-09', boundary_type: 'no-messages-after' };
    expect(validatePledge(f, today)).toEqual({});
    expect(pledgeBody(f)).toEqual({ text: 'No e-mail after 19:00', threshold: 3, deadline: '2026-12-09', boundary_type: 'no-messages-after' });
    expect(pledgeBody({ ...f, deadline: '', boundary_type: '' })).toEqual({ text: 'No e-mail after 19:00', threshold: 3 });
  });

  it('refuses a threshold under 2, a past deadline and oversize text, naming each field', () => {
    const e = validatePledge({ text: 'x'.repeat(501), threshold: '1', deadline: '2026-11-24', boundary_type: '' }, today);
    expect(Object.keys(e).sort()).toEqual(['deadline', 'text', 'threshold']);
    expect(e.threshold).toMatch(/at least 2/);
    expect(e.deadline).toMatch(/passed/);
    expect(validatePledge({ text: 'é'.repeat(251), threshold: '2', deadline: '', boundary_type: '' }, today).text).toMatch(/500/);
    expect(validatePledge({ text: '', threshold: 'two', deadline: '2027-12-01', boundary_type: 'be-nice' }, today))
      .toEqual({
        text: 'Write what you will do.',
        threshold: 'Enter a whole number of people, at least 2.',
        deadline: 'Pick a day within a year from now.',
        boundary_type: 'Pick one of the listed boundaries.',
      });
    expect(validatePledge({ text: 'x', threshold: '1001', deadline: today, boundary_type: '' }, today)).toEqual({ threshold: 'At most 1000 people.' });
  });

  it('lists the six boundary types the API knows', () => {
    expect(BOUNDARY_TYPES.map((b) => b.value)).toEqual(
      ['work-window', 'no-weekend-work', 'weekly-hours-cap', 'min-break', 'meeting-free', 'no-messages-after']);
  });
});

describe('circles and invite codes', () => {
  it('checks a circle\'s name and purpose in UTF-8 bytes, as the API does', () => {
    expect(validateCircle('Evening offline', '')).toEqual({});
    expect(validateCircle('  ', '')).toEqual({ name: 'Give the circle a name.' });
    expect(Object.keys(validateCircle('ü'.repeat(51), 'p'.repeat(1001)))).toEqual(['name', 'purpose']);
    expect(utf8Bytes('🎉')).toBe(4);
  });

  it('checks a join code and explains a refusal by its status', () => {
    expect(validateJoinCode('')).toMatch(/Paste/);
    expect(validateJoinCode('abc')).toMatch(/hwc_/);
    expect(validateJoinCode(' hwc_abc ')).toBeUndefined();
    expect(joinErrorText(404, 'No circle has this invite code.')).toMatch(/No circle has this code/);
    expect(joinErrorText(409, 'Already.')).toBe('You are already a member of this circle.');
    expect(joinErrorText(422, 'This invite code has expired.')).toBe("This invite code has expired. Ask the circle's owner for a new code.");
  });

  it('offers 1 to 30 days for a code', () => {
    const days = validDaysOptions();
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ value: '1', label: '1 day' });
    expect(days[6]).toEqual({ value: '7', label: '7 days' });
  });
});

describe('the feed and kudos', () => {
  it('appends a further page without repeating a win', () => {
    const merged = mergeFeed([entry(9), entry(8)], [entry(8), entry(7), entry(6)]);
    expect(merged.map((e) => e.win_id)).toEqual([9, 8, 7, 6]);
    expect(mergeFeed([], [entry(3)]).map((e) => e.win_id)).toEqual([3]);
  });

  it('has six emoji, each with a label', () => {
    expect(KUDOS_EMOJI.map((k) => k.emoji)).toEqual(['🎉', '👏', '💪', '🌱', '❤️', '⭐']);
    expect(KUDOS_EMOJI.every((k) => k.label.length > 0)).toBe(true);
  });

  it('asks for an emoji and keeps the message within 280 bytes', () => {
    expect(validateKudos('🎉', '')).toEqual({});
    expect(validateKudos('', 'hi')).toEqual({ emoji: 'Pick an emoji to send.' });
    expect(validateKudos('lol', '')).toHaveProperty('emoji');
    expect(validateKudos('👏', 'x'.repeat(280))).toEqual({});
    expect(validateKudos('👏', 'x'.repeat(281)).message).toMatch(/281/);
    expect(validateKudos('👏', '🎉'.repeat(71)).message).toMatch(/284/);
  });

  it('offers recent wins not shared yet, newest first, and knows how far back to read the feed', () => {
    const win = (id: number, date: string, created_at: string): Win =>
      ({ id, text: `w${id}`, goal_id: null, value_id: null, size: 'small', date, created_at });
    const wins = [win(1, '2026-11-01', '2026-11-01T09:00:00Z'), win(2, '2026-11-20', '2026-11-20T09:00:00Z'),
      win(3, '2026-11-20', '2026-11-20T18:00:00Z'), win(4, '2026-11-10', '2026-10-30T08:00:00Z')];
    expect(shareCandidates(wins, new Set([2])).map((w) => w.id)).toEqual([3, 4, 1]);
    expect(earliestCreated(wins)).toBe('2026-10-30T08:00:00Z');
    expect(earliestCreated([])).toBeNull();
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
