// Pure rules of the assessments page: checking answers, bands, history per scale, the support pointer.
import type { Assessment, Band, Instrument, ScaleScore } from './data';

export type Answers = (number | null)[];

export const UNANSWERED = 'Choose an answer for this statement.';

export function emptyAnswers(instrument: Pick<Instrument, 'items'>): Answers {
  return instrument.items.map(() => null);
}

// Errors by item index: every item needs a whole-number answer inside the response scale.
export function validateAnswers(instrument: Pick<Instrument, 'items' | 'response_scale'>, answers: Answers): Record<number, string> {
  const { min, max } = instrument.response_scale;
  const errors: Record<number, string> = {};
  instrument.items.forEach((_, i) => {
    const a = answers[i];
    if (a === null || a === undefined) errors[i] = UNANSWERED;
    else if (!Number.isInteger(a) || a < min || a > max) errors[i] = `Choose one of the answers from ${min} to ${max}.`;
  });
  return errors;
}

// The request body; only for answers that passed validateAnswers.
export function answersBody(instrument: Pick<Instrument, 'id'>, answers: Answers): { instrument: string; answers: number[] } {
  return { instrument: instrument.id, answers: answers.map((a) => a ?? 0) };
}

// The response options of an item: value and label, in scale order.
export function responseOptions(instrument: Pick<Instrument, 'response_scale'>): { value: number; label: string }[] {
  const { min, max, labels } = instrument.response_scale;
  const options: { value: number; label: string }[] = [];
  for (let v = min; v <= max; v++) options.push({ value: v, label: labels[v - min] ?? String(v) });
  return options;
}

// A scale's bands, lowest first, or null for an unknown scale or one without bands.
export function bandsFor(instrument: Pick<Instrument, 'scales'>, scaleId: string): Band[] | null {
  const bands = instrument.scales.find((s) => s.id === scaleId)?.bands ?? null;
  return bands && bands.length ? [...bands].sort((a, b) => a.min - b.min) : null;
}

// The band a score falls in: the last band whose minimum it reaches (as the server scores it).
export function bandFor(score: number, bands: readonly Band[]): Band | null {
  let found: Band | null = null;
  for (const b of [...bands].sort((x, y) => x.min - y.min)) if (score + 1e-9 >= b.min) found = b;
  return found ?? bands[0] ?? null;
}

// The words for a band id: its label when the bands are known, else the id made readable.
export function bandLabel(instrument: Pick<Instrument, 'scales'>, scaleId: string, bandId: string): string {
  const label = bandsFor(instrument, scaleId)?.find((b) => b.id === bandId)?.label;
  if (label) return label;
  const text = bandId.replace(/[-_]+/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Bands as ranges of the 0-100 axis, for shading a chart.
export function bandRanges(bands: readonly Band[]): { min: number; max: number; label: string }[] {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  return sorted.map((b, i) => ({ min: b.min, max: sorted[i + 1]?.min ?? 100, label: b.label }));
}

// Assessments oldest first (the API's order is not relied on).
export function chronological(history: readonly Assessment[]): Assessment[] {
  return [...history].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
}

// One scale's scores over time: dates and scores, oldest first.
export function scaleHistory(history: readonly Assessment[], scaleId: string): { dates: string[]; scores: number[] } {
  const dates: string[] = [];
  const scores: number[] = [];
  for (const a of chronological(history)) {
    const s = a.scores.find((x) => x.scale === scaleId);
    if (s) {
      dates.push(a.date);
      scores.push(s.score);
    }
  }
  return { dates, scores };
}

// The wellbeing scales whose score in this assessment is in their lowest band: these show the
// support pointer. Barrier scales are not wellbeing scores ("low" there means little in the way).
export function supportScales(instrument: Pick<Instrument, 'scales'>, scores: readonly ScaleScore[]): string[] {
  return scores
    .filter((s) => s.lowest_band && instrument.scales.find((x) => x.id === s.scale)?.wellbeing)
    .map((s) => s.scale);
}

// Scores as whole numbers out of 100, as people read them.
export function formatScore(score: number): string {
  return String(Math.round(score));
}
