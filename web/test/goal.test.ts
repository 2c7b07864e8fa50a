import { describe, expect, it } from 'vitest';
import { dayToSeconds, shortDay, strengthSeries, strengthSummary } from '../src/components/goal/chart-data';
import { completionGrid, completionGridIn, gridCounts } from '../src/components/goal/grid';
import { answerLabel, barrierLabel, stageLabel } from '../src/components/goal/labels';
import { ifThenSentence } from '../src/components/goal/plan';

describe('the four-week completion grid', () => {
  const recent = [
    { date: '2026-10-29', source: 'boundary' as const },
    { date: '2026-11-02', source: 'manual' as const },
    { date: '2026-11-25', source: 'manual' as const },
    { date: '2026-10-01', source: 'manual' as const }, // older than 28 days: not shown
  ];

  it('has four weeks of seven days, oldest first, ending today', () => {
    const weeks = completionGrid(recent, '2026-11-25');
    expect(weeks).toHaveLength(4);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    const days = weeks.flat();
    expect(days[0]?.date).toBe('2026-10-29');
    expect(days[27]?.date).toBe('2026-11-25');
    expect(days.filter((d) => d.today).map((d) => d.date)).toEqual(['2026-11-25']);
    // Consecutive calendar days across a month end.
    for (let i = 1; i < days.length; i++) {
      expect(dayToSeconds(days[i]!.date) - dayToSeconds(days[i - 1]!.date)).toBe(86_400);
    }
  });

  it('marks done days with their source and counts them', () => {
    const days = completionGrid(recent, '2026-11-25').flat();
    const marked = days.filter((d) => d.source).map((d) => [d.date, d.source]);
    expect(marked).toEqual([['2026-10-29', 'boundary'], ['2026-11-02', 'manual'], ['2026-11-25', 'manual']]);
    expect(gridCounts(completionGrid(recent, '2026-11-25'))).toEqual({ manual: 2, boundary: 1, done: 3 });
  });

  it('prefers "manual" when a day was both marked and kept through a boundary', () => {
    const both = [{ date: '2026-11-20', source: 'boundary' as const }, { date: '2026-11-20', source: 'manual' as const }];
    expect(completionGrid(both, '2026-11-25').flat().find((d) => d.date === '2026-11-20')?.source).toBe('manual');
    const reversed = [...both].reverse();
    expect(completionGrid(reversed, '2026-11-25').flat().find((d) => d.date === '2026-11-20')?.source).toBe('manual');
  });

  it('gives each day its own weekday and day of the month', () => {
    const days = completionGrid([], '2026-11-25').flat();
    expect(days[27]).toMatchObject({ weekday: 3, dayOfMonth: 25 }); // a Wednesday
    expect(days[0]).toMatchObject({ weekday: 4, dayOfMonth: 29 }); // Thursday 29 October
  });

  it('ends on today in the person’s time zone, not the browser’s', () => {
    const now = new Date('2026-11-25T23:30:00Z');
    expect(completionGridIn([], 'Europe/Berlin', now).flat()[27]?.date).toBe('2026-11-26');
    expect(completionGridIn([], 'America/Los_Angeles', now).flat()[27]?.date).toBe('2026-11-25');
    expect(completionGridIn([], 'Pacific/Kiritimati', new Date('2026-11-25T10:30:00Z')).flat()[27]?.date).toBe('2026-11-26');
  });

  it('handles a leap day and the change to summer time', () => {
    const leap = completionGrid([{ date: '2028-02-29', source: 'manual' }], '2028-03-10').flat();
    expect(leap.find((d) => d.date === '2028-02-29')?.source).toBe('manual');
    const dst = completionGrid([], '2026-04-05').flat().map((d) => d.date);
    expect(new Set(dst).size).toBe(28);
    expect(dst).toContain('2026-03-29');
  });
});

describe('the habit-strength chart data', () => {
  it('turns the trend into uPlot columns at UTC midnight, oldest first, held to 0-100', () => {
    const [xs, ys] = strengthSeries([
      { date: '2026-11-24', strength: 68.5 },
      { date: '2026-11-23', strength: 101 },
      { date: '2026-11-25', strength: -3 },
      { date: 'not a day', strength: 50 },
    ]);
    expect(xs).toEqual([Date.UTC(2026, 10, 23) / 1000, Date.UTC(2026, 10, 24) / 1000, Date.UTC(2026, 10, 25) / 1000]);
    expect(ys).toEqual([100, 68.5, 0]);
  });

  it('keeps one point per day of a 90-day trend', () => {
    const trend = Array.from({ length: 90 }, (_, i) => ({
      date: new Date(Date.UTC(2026, 7, 28) + i * 86_400_000).toISOString().slice(0, 10),
      strength: i,
    }));
    const [xs, ys] = strengthSeries(trend);
    expect(xs).toHaveLength(90);
    expect(ys[89]).toBe(89);
  });

  it('says the trend in one sentence', () => {
    const text = strengthSummary([
      { date: '2026-08-28', strength: 9.4 },
      { date: '2026-10-01', strength: 72.2 },
      { date: '2026-11-25', strength: 69.9 },
    ], 'en-GB');
    expect(text).toBe('Habit strength went from 9 on 28 Aug 2026 to 70 on 25 Nov 2026, out of 100; the highest was 72 on 1 Oct 2026.');
    expect(strengthSummary([], 'en-GB')).toBe('No habit strength recorded yet.');
    expect(strengthSummary([{ date: '2026-11-25', strength: 0 }], 'en-GB')).toBe('Habit strength 0 of 100 on 25 Nov 2026.');
    expect(shortDay('2026-01-01', 'en-GB')).toBe('1 Jan 2026');
  });
});

describe('the if-then plan and labels', () => {
  it('writes the plan as one sentence without doubling "If" and "then"', () => {
    expect(ifThenSentence('If it is 17:15 and I am still working', "then I write tomorrow's first task"))
      .toBe("If it is 17:15 and I am still working, then I write tomorrow's first task.");
    expect(ifThenSentence('If it is 17:30 and I am still at my desk,', 'then I close the laptop.'))
      .toBe('If it is 17:30 and I am still at my desk, then I close the laptop.');
    expect(ifThenSentence('I finish dinner', 'I walk')).toBe('If I finish dinner, then I walk.');
    expect(ifThenSentence('if lunch comes', 'Then eat away from the desk')).toBe('If lunch comes, then eat away from the desk.');
    expect(ifThenSentence('Iffy mornings', 'walk')).toBe('If Iffy mornings, then walk.');
    expect(ifThenSentence('', 'then I walk')).toBe('Then I walk.');
    expect(ifThenSentence('  ', '')).toBeNull();
  });

  it('names stages, answers and barriers in plain words', () => {
    expect(stageLabel('action')).toBe('Doing it');
    expect(stageLabel(null)).toBe('Not staged yet');
    expect(answerLabel('within-30-days')).toMatch(/30 days/);
    expect(answerLabel(null)).toBeNull();
    expect(barrierLabel('mental-load')).toBe('Emotional and mental load');
    expect(barrierLabel('something-new')).toBe('something-new');
  });
});
