import { describe, expect, it } from 'vitest';
import type { Assessment, Instrument } from '../src/components/assessments/data';
import {
  UNANSWERED, answersBody, bandFor, bandLabel, bandRanges, bandsFor, emptyAnswers, responseOptions,
  scaleHistory, supportScales, validateAnswers,
} from '../src/components/assessments/logic';

// As GET /api/v1/instruments answers: bands in the order of the instrument file (here unsorted, to
// show the page sorts them).
const wellbeing = (low: string, mid: string, good: string) => [
  { id: 'good', label: good, min: 70 }, { id: 'low', label: low, min: 0 }, { id: 'moderate', label: mid, min: 40 },
];
const instrument: Instrument = {
  id: 'balance-check', version: '1.0.0', title: 'Balance check', licence: 'CC BY 4.0', note: 'Not a diagnosis.',
  support_pointer: 'It may help to talk with someone you trust. This is not a diagnosis.',
  response_scale: { min: 1, max: 5, labels: ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'] },
  scales: [
    { id: 'balance', title: 'Balance', wellbeing: true, bands: wellbeing('Out of balance', 'Some strain', 'In balance') },
    { id: 'exhaustion', title: 'Exhaustion', wellbeing: true, bands: wellbeing('Running on empty', 'Getting tired', 'Well rested') },
  ],
  items: [
    { id: 'b1', scale: 'balance', text: 'One' }, { id: 'b2', scale: 'balance', text: 'Two' },
    { id: 'e1', scale: 'exhaustion', text: 'Three' },
  ],
};

const barrier: Instrument = {
  ...instrument, id: 'barrier-profile', title: 'Barrier profile',
  scales: [{ id: 'systemic', title: 'Systemic barriers', wellbeing: false, bands: [{ id: 'low', label: 'Little in the way', min: 0 }] }],
};

describe('answers', () => {
  it('flags every unanswered item by index', () => {
    expect(emptyAnswers(instrument)).toEqual([null, null, null]);
    expect(validateAnswers(instrument, [null, 3, null])).toEqual({ 0: UNANSWERED, 2: UNANSWERED });
    expect(validateAnswers(instrument, [1, 5, 3])).toEqual({});
  });

  it('refuses answers outside the response scale or not whole', () => {
    expect(Object.keys(validateAnswers(instrument, [0, 6, 2.5]))).toEqual(['0', '1', '2']);
  });

  it('treats missing entries as unanswered', () => {
    expect(Object.keys(validateAnswers(instrument, [2]))).toEqual(['1', '2']);
  });

  it('sends the answers in item order', () => {
    expect(answersBody(instrument, [4, 1, 5])).toEqual({ instrument: 'balance-check', answers: [4, 1, 5] });
  });

  it('labels each response value', () => {
    expect(responseOptions(instrument)).toEqual([
      { value: 1, label: 'Never' }, { value: 2, label: 'Rarely' }, { value: 3, label: 'Sometimes' },
      { value: 4, label: 'Often' }, { value: 5, label: 'Always' },
    ]);
    expect(responseOptions({ response_scale: { min: 0, max: 2, labels: ['No'] } }).map((o) => o.label)).toEqual(['No', '1', '2']);
  });
});

describe('bands', () => {
  const bands = bandsFor(instrument, 'balance')!;

  it("sorts the API's bands lowest first; an unknown scale or one without bands has none", () => {
    expect(bands.map((b) => [b.id, b.min])).toEqual([['low', 0], ['moderate', 40], ['good', 70]]);
    expect(bandsFor(instrument, 'no-such-scale')).toBeNull();
    expect(bandsFor({ scales: [{ id: 'balance', title: 'Balance', wellbeing: true, bands: [] }] }, 'balance')).toBeNull();
  });

  it('looks a score up like the server: the last band whose minimum it reaches', () => {
    expect(bandFor(0, bands)?.id).toBe('low');
    expect(bandFor(39.99, bands)?.id).toBe('low');
    expect(bandFor(40, bands)?.id).toBe('moderate');
    expect(bandFor(69.999999999999, bands)?.id).toBe('good');
    expect(bandFor(100, bands)?.id).toBe('good');
  });

  it('names bands, and makes unknown ids readable', () => {
    expect(bandLabel(instrument, 'balance', 'moderate')).toBe('Some strain');
    expect(bandLabel(instrument, 'balance', 'very-low')).toBe('Very low');
  });

  it('turns bands into ranges for the chart', () => {
    expect(bandRanges(bands)).toEqual([
      { min: 0, max: 40, label: 'Out of balance' }, { min: 40, max: 70, label: 'Some strain' }, { min: 70, max: 100, label: 'In balance' },
    ]);
  });
});

describe('history and support', () => {
  const a = (id: number, date: string, balance: number, lowest: boolean): Assessment => ({
    id, instrument: 'balance-check', version: '1.0.0', date, answers: [], created_at: `${date}T18:00:00Z`,
    scores: [{ scale: 'balance', score: balance, band: lowest ? 'low' : 'moderate', lowest_band: lowest },
      { scale: 'exhaustion', score: 50, band: 'moderate', lowest_band: false }],
  });

  it('gives one scale oldest first', () => {
    expect(scaleHistory([a(3, '2026-11-01', 60, false), a(1, '2026-07-30', 31.25, true)], 'balance'))
      .toEqual({ dates: ['2026-07-30', '2026-11-01'], scores: [31.25, 60] });
  });

  it('points to support only for wellbeing scales in their lowest band', () => {
    expect(supportScales(instrument, a(1, '2026-07-30', 20, true).scores)).toEqual(['balance']);
    expect(supportScales(instrument, a(1, '2026-07-30', 60, false).scores)).toEqual([]);
    expect(supportScales(barrier, [{ scale: 'systemic', score: 10, band: 'low', lowest_band: true }])).toEqual([]);
  });
});
