// Pure logic of the circle pages: wording for pledges and deadlines, feed paging, the kudos emoji,
// and the checks a form makes before it sends anything. Tested in test/circles.test.ts.
import { formatDay } from '../../dates';
import type { Win } from '../../types';
import type { FeedEntry, Pledge, PledgeAdherence, PledgeCreate, PledgeStatus } from './data';

export type Errors<F extends string> = Partial<Record<F, string>>;

// The kudos a member can send: one emoji each, with a name a screen reader can say.
export const KUDOS_EMOJI: readonly { emoji: string; label: string }[] = [
  { emoji: '🎉', label: 'Celebrate' },
  { emoji: '👏', label: 'Applause' },
  { emoji: '💪', label: 'Strong' },
  { emoji: '🌱', label: 'Growing' },
  { emoji: '❤️', label: 'Love' },
  { emoji: '⭐', label: 'Star' },
];

// The boundary types a pledge can be tracked against (as the API spells them).
export const BOUNDARY_TYPES: readonly { value: string; label: string }[] = [
  { value: 'work-window', label: 'Work within set hours' },
  { value: 'no-weekend-work', label: 'No weekend work' },
  { value: 'weekly-hours-cap', label: 'A weekly hours cap' },
  { value: 'min-break', label: 'A proper break' },
  { value: 'meeting-free', label: 'Meeting-free time' },
  { value: 'no-messages-after', label: 'No messages after a set time' },
];

export const LIMITS = {
  circleName: 100,
  circlePurpose: 1000,
  pledgeText: 500,
  kudosMessage: 280,
  thresholdMin: 2,
  thresholdMax: 1000,
  inviteDaysMin: 1,
  inviteDaysMax: 30,
  pledgeDefaultDays: 14,
  pledgeMaxDays: 365,
} as const;

// The API counts text limits in UTF-8 bytes.
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function boundaryLabel(type: string | null): string | null {
  if (!type) return null;
  return BOUNDARY_TYPES.find((b) => b.value === type)?.label ?? type;
}

// ---- Dates ----

// The day `n` days after a YYYY-MM-DD day (n may be negative).
export function addDays(date: string, n: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + n));
  return d.toISOString().slice(0, 10);
}

interface LocalParts {
  date: string;  // YYYY-MM-DD
  time: string;  // HH:MM
}

// The local day and wall-clock time of an instant in the person's zone.
export function localParts(instant: string, timeZone: string): LocalParts | null {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) return null;
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  };
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
  } catch {
    fmt = new Intl.DateTimeFormat('en-CA', options);
  }
  const parts = fmt.formatToParts(new Date(t));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

// "Thursday 26 November 2026" for an instant, in the person's zone.
export function dayOf(instant: string, timeZone: string, locale?: string): string {
  const p = localParts(instant, timeZone);
  return p ? formatDay(p.date, locale) : instant;
}

// When a pledge's signatures close. A deadline picked as a date is the end of that day (midnight
// after it), which reads better as "the end of" the day than as 00:00 the next morning.
export function deadlineText(deadline: string, timeZone: string, locale?: string): string {
  const p = localParts(deadline, timeZone);
  if (!p) return deadline;
  if (p.time === '00:00') return `the end of ${formatDay(addDays(p.date, -1), locale)}`;
  return `${formatDay(p.date, locale)} at ${p.time}`;
}

// ---- Pledges ----

export function progressText(signers: number, threshold: number): string {
  return `${signers} of ${threshold} signed`;
}

// The meter's value: it never runs past full when late signers join an active pledge.
export function progressValue(signers: number, threshold: number): number {
  return Math.max(0, Math.min(signers, threshold));
}

export function statusLabel(status: PledgeStatus): string {
  switch (status) {
    case 'collecting': return 'Collecting signatures';
    case 'active': return 'Active';
    case 'expired': return 'Closed';
  }
}

export function statusPill(status: PledgeStatus): string {
  return status === 'active' ? 'pill pill--kept' : status === 'expired' ? 'pill pill--unknown' : 'pill pill--accent';
}

// One calm sentence on where a pledge stands.
export function pledgeSummary(p: Pick<Pledge, 'status' | 'signers' | 'threshold' | 'deadline' | 'activated_at'>, timeZone: string, locale?: string): string {
  if (p.status === 'active') {
    return p.activated_at ? `Active since ${dayOf(p.activated_at, timeZone, locale)}.` : 'Active.';
  }
  if (p.status === 'expired') {
    return 'The deadline passed before enough people signed, so nobody is bound by it.';
  }
  const needed = Math.max(0, p.threshold - p.signers);
  const more = needed === 1 ? '1 more signature' : `${needed} more signatures`;
  return `It starts when ${more} arrive, by ${deadlineText(p.deadline, timeZone, locale)}. Until then nobody is bound.`;
}

// "Kept on 82% of judged days by 6 members with evidence".
export function adherenceText(a: PledgeAdherence): string {
  const percent = Math.round(a.rate * 100);
  const members = a.members_with_evidence === 1 ? '1 member' : `${a.members_with_evidence} members`;
  return `Kept on ${percent}% of judged days by ${members} with evidence`;
}

export interface PledgeForm {
  text: string;
  threshold: string;
  deadline: string;  // YYYY-MM-DD, or '' for the API's default
  boundary_type: string;  // '' for none
}

export type PledgeField = 'text' | 'threshold' | 'deadline' | 'boundary_type';

export function emptyPledge(today: string): PledgeForm {
  return { text: '', threshold: '3', deadline: addDays(today, LIMITS.pledgeDefaultDays), boundary_type: '' };
}

export function isPledgeField(field: string | null): field is PledgeField {
  return field === 'text' || field === 'threshold' || field === 'deadline' || field === 'boundary_type';
}

// Checks a pledge before it is sent; `today` is the person's local day.
export function validatePledge(f: PledgeForm, today: string): Errors<PledgeField> {
  const errors: Errors<PledgeField> = {};
  const text = f.text.trim();
  if (!text) errors.text = 'Write what you will do.';
  else if (utf8Bytes(text) > LIMITS.pledgeText) errors.text = `Keep the pledge to ${LIMITS.pledgeText} characters or fewer (it is ${utf8Bytes(text)} now).`;
  const t = f.threshold.trim();
  if (!/^\d+$/.test(t)) errors.threshold = `Enter a whole number of people, at least ${LIMITS.thresholdMin}.`;
  else if (Number(t) < LIMITS.thresholdMin) errors.threshold = `A pledge needs at least ${LIMITS.thresholdMin} people: you and someone else.`;
  else if (Number(t) > LIMITS.thresholdMax) errors.threshold = `At most ${LIMITS.thresholdMax} people.`;
  const d = f.deadline.trim();
  if (d) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) errors.deadline = 'Pick a date, or leave it empty for 14 days from now.';
    else if (d < today) errors.deadline = 'The deadline has passed: pick today or a later day.';
    else if (d > addDays(today, LIMITS.pledgeMaxDays)) errors.deadline = 'Pick a day within a year from now.';
  }
  if (f.boundary_type && !BOUNDARY_TYPES.some((b) => b.value === f.boundary_type)) errors.boundary_type = 'Pick one of the listed boundaries.';
  return errors;
}

export function pledgeBody(f: PledgeForm): PledgeCreate {
  const body: PledgeCreate = { text: f.text.trim(), threshold: Number(f.threshold.trim()) };
  if (f.deadline.trim()) body.deadline = f.deadline.trim();
  if (f.boundary_type) body.boundary_type = f.boundary_type;
  return body;
}

// ---- Circles ----

export type CircleField = 'name' | 'purpose';

export function validateCircle(name: string, purpose: string): Errors<CircleField> {
  const errors: Errors<CircleField> = {};
  const n = name.trim();
  if (!n) errors.name = 'Give the circle a name.';
  else if (utf8Bytes(n) > LIMITS.circleName) errors.name = `Keep the name to ${LIMITS.circleName} characters or fewer.`;
  if (utf8Bytes(purpose.trim()) > LIMITS.circlePurpose) errors.purpose = `Keep the purpose to ${LIMITS.circlePurpose} characters or fewer.`;
  return errors;
}

export function validateJoinCode(code: string): string | undefined {
  const c = code.trim();
  if (!c) return 'Paste the invite code you were given.';
  if (!c.startsWith('hwc_')) return 'An invite code starts with hwc_. Check that the whole code was copied.';
  return undefined;
}

// What a refused join means, in plain words (404 unknown, 422 expired or unusable, 409 member already);
// `message` is the API's, already a sentence.
export function joinErrorText(status: number, message: string): string {
  if (status === 404) return 'No circle has this code. Check that the whole code was copied.';
  if (status === 409) return 'You are already a member of this circle.';
  if (status === 422) return `${message} Ask the circle's owner for a new code.`;
  return message;
}

export function validDaysOptions(): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  for (let d = LIMITS.inviteDaysMin; d <= LIMITS.inviteDaysMax; d++) out.push({ value: String(d), label: d === 1 ? '1 day' : `${d} days` });
  return out;
}

// ---- Feed and kudos ----

// Appends a further page to what is shown, newest first, without showing a win twice.
export function mergeFeed(shown: readonly FeedEntry[], more: readonly FeedEntry[]): FeedEntry[] {
  const seen = new Set(shown.map((e) => e.win_id));
  const merged = [...shown];
  for (const e of more) {
    if (seen.has(e.win_id)) continue;
    seen.add(e.win_id);
    merged.push(e);
  }
  return merged;
}

export type KudosField = 'emoji' | 'message';

export function validateKudos(emoji: string, message: string): Errors<KudosField> {
  const errors: Errors<KudosField> = {};
  if (!KUDOS_EMOJI.some((k) => k.emoji === emoji)) errors.emoji = 'Pick an emoji to send.';
  const bytes = utf8Bytes(message.trim());
  if (bytes > LIMITS.kudosMessage) errors.message = `Keep the message to ${LIMITS.kudosMessage} characters or fewer (emoji count as several); it is ${bytes} now.`;
  return errors;
}

export function sizeLabel(size: string): string {
  return size === 'big' ? 'Big win' : size === 'medium' ? 'Medium win' : 'Small win';
}

// Your recent wins that are not shared with the circle yet, newest first.
export function shareCandidates(wins: readonly Win[], shared: ReadonlySet<number>): Win[] {
  return wins
    .filter((w) => !shared.has(w.id))
    .sort((a, b) => (a.date === b.date ? b.created_at.localeCompare(a.created_at) : b.date.localeCompare(a.date)));
}

// The earliest creation instant among wins, or null for none: how far back the feed must be read.
export function earliestCreated(wins: readonly Win[]): string | null {
  let min: string | null = null;
  for (const w of wins) if (min === null || w.created_at < min) min = w.created_at;
  return min;
}
