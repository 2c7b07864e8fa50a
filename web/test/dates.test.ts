import { describe, expect, it } from 'vitest';
import { formatDay, isTimeOfDay, normaliseTime, todayIn } from '../src/dates';

describe('todayIn', () => {
  // 2026-11-25T23:30Z is still the 25th in London, already the 26th in Berlin and Tokyo.
  const lateEvening = new Date('2026-11-25T23:30:00Z');

  it.each([
    ['UTC', '2026-11-25'],
    ['Europe/London', '2026-11-25'],
    ['Europe/Berlin', '2026-11-26'],
    ['Asia/Tokyo', '2026-11-26'],
    ['America/Los_Angeles', '2026-11-25'],
    ['Pacific/Kiritimati', '2026-11-26'],
  ])('in %s is %s', (zone, day) => {
    expect(todayIn(zone, lateEvening)).toBe(day);
  });

  it('follows daylight saving time (Berlin changes at 01:00Z on 2026-10-25)', () => {
    expect(todayIn('Europe/Berlin', new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25'); // 00:30 CEST
    expect(todayIn('Europe/Berlin', new Date('2026-03-28T22:59:00Z'))).toBe('2026-03-28'); // 23:59 CET
  });

  it('falls back to the browser zone for an unknown zone instead of failing', () => {
    expect(todayIn('Not/A_Zone', lateEvening)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('formatDay', () => {
  it('names the day without shifting it by the browser zone', () => {
    expect(formatDay('2026-11-25', 'en-GB')).toMatch(/^Wednesday,? 25 November 2026$/);
  });
  it('leaves text that is not a date alone', () => {
    expect(formatDay('today', 'en-GB')).toBe('today');
  });
});

describe('times of day', () => {
  it.each([
    ['09:00', '09:00'],
    ['9:00', '09:00'],
    ['0900', '09:00'],
    ['900', '09:00'],
    ['9', '09:00'],
    [' 17:30 ', '17:30'],
    ['24:00', '24:00'],
    ['9am', '9am'],
    ['', ''],
  ])('normaliseTime(%j) is %j', (input, out) => {
    expect(normaliseTime(input)).toBe(out);
  });

  it('accepts only HH:MM in 24 hours', () => {
    expect(isTimeOfDay('23:59')).toBe(true);
    expect(isTimeOfDay('24:00')).toBe(false);
    expect(isTimeOfDay('9:00')).toBe(false);
  });
});
