// Pure logic of the partners pages: scope names, grant status, the invite form, invite links.
import { todayIn } from '../../dates';
import type { Grant, GrantCreate, Scope } from './data';

export const SCOPES: readonly Scope[] = ['goals', 'wins', 'checkin-summary', 'assessments', 'conversation-plans'];

export const SCOPE_LABELS: Record<Scope, string> = {
  goals: 'Goals',
  wins: 'Wins',
  'checkin-summary': 'Weekly check-in figures',
  assessments: 'Assessment scores',
  'conversation-plans': 'Conversation plans',
};

export function scopeLabel(scope: string): string {
  return (SCOPE_LABELS as Record<string, string>)[scope] ?? scope;
}

export function scopeList(scopes: readonly string[]): string {
  return scopes.map(scopeLabel).join(', ');
}

// "12 Feb 2027, 18:00" in the person's zone (the browser's when the zone is unknown).
export function formatInstant(iso: string, timeZone: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  try {
    return new Intl.DateTimeFormat(locale ?? 'en-GB', { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale ?? 'en-GB', options).format(date);
  }
}

// "12 Feb 2027" in the person's zone.
export function formatInstantDay(iso: string, timeZone: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
  try {
    return new Intl.DateTimeFormat(locale ?? 'en-GB', { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale ?? 'en-GB', options).format(date);
  }
}

// Who a grant is for, in words.
export function granteeText(grant: Pick<Grant, 'grantee' | 'grantee_email' | 'invite_link'>): string {
  if (grant.grantee && grant.grantee_email) return `${grant.grantee} (${grant.grantee_email})`;
  if (grant.grantee) return grant.grantee;
  if (grant.grantee_email) return grant.grantee_email;
  return 'invite link, not accepted yet';
}

// The status of a grant, in words, with its date where that helps.
export function statusText(grant: Pick<Grant, 'status' | 'invite_link' | 'grantee' | 'expires_at' | 'revoked_at'>, timeZone: string): string {
  switch (grant.status) {
    case 'active':
      return `Active until ${formatInstantDay(grant.expires_at, timeZone)}`;
    case 'pending':
      return grant.invite_link ? 'Waiting for the link to be accepted' : 'Waiting for them to sign up';
    case 'expired':
      return `Expired on ${formatInstantDay(grant.expires_at, timeZone)}`;
    case 'revoked':
      return grant.revoked_at ? `Revoked on ${formatInstantDay(grant.revoked_at, timeZone)}` : 'Revoked';
    default:
      return String(grant.status);
  }
}

// A grant the owner can still revoke.
export function isLive(grant: Pick<Grant, 'status'>): boolean {
  return grant.status === 'active' || grant.status === 'pending';
}

// YYYY-MM-DD plus a number of days (calendar arithmetic, no time zone involved).
export function addDays(date: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

export const DEFAULT_DAYS = 90;
export const MAX_DAYS = 365;

export interface InviteForm {
  email: string;
  scopes: Scope[];
  expires: string;
}

export function emptyInvite(timeZone: string, now: Date = new Date()): InviteForm {
  return { email: '', scopes: [], expires: addDays(todayIn(timeZone, now), DEFAULT_DAYS) };
}

export type InviteErrors = Partial<Record<'grantee_email' | 'scopes' | 'expires', string>>;

// The form's own checks, before anything is sent; the server checks everything again.
export function validateInvite(form: InviteForm, timeZone: string, now: Date = new Date()): InviteErrors {
  const errors: InviteErrors = {};
  const email = form.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) errors.grantee_email = 'Enter an e-mail address like name@example.org, or leave it empty for an invite link.';
  if (form.scopes.length === 0) errors.scopes = 'Choose at least one thing to share.';
  const today = todayIn(timeZone, now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.expires)) errors.expires = 'Choose the day the access ends.';
  else if (form.expires < today) errors.expires = 'Choose a day from today on.';
  else if (form.expires > addDays(today, MAX_DAYS)) errors.expires = 'Access can last at most a year.';
  return errors;
}

// The request body: scopes in the catalogue's order; no e-mail makes an invite link.
export function inviteBody(form: InviteForm): GrantCreate {
  const body: GrantCreate = { scopes: SCOPES.filter((s) => form.scopes.includes(s)) };
  const email = form.email.trim();
  if (email) body.grantee_email = email;
  if (form.expires) body.expires = form.expires;
  return body;
}

// The API names a list item (`scopes[1]`); the form shows it under the list.
export function inviteField(field: string | null): keyof InviteErrors | null {
  if (field === null) return null;
  if (field === 'grantee_email' || field === 'expires') return field;
  if (field === 'scopes' || /^scopes\[\d+\]$/.test(field)) return 'scopes';
  return null;
}

// The link a partner opens to accept an invite.
export function inviteUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/partners?${new URLSearchParams({ accept: code })}`;
}

// The invite code in ?accept=, or null when there is none that looks like one.
export function acceptCode(search: string): string | null {
  const code = new URLSearchParams(search).get('accept')?.trim() ?? '';
  return /^hwg_[A-Za-z0-9_-]{1,200}$/.test(code) ? code : null;
}

// "What" of an access-log entry, in words.
export function accessWhat(scope: string, what: string): string {
  const kudos = /^kudos on win (\d+)$/.exec(what);
  if (kudos) return `Sent kudos on a win`;
  const comment = /^comment on plan (\d+)$/.exec(what);
  if (comment) return `Commented on a conversation plan`;
  if (what === scope) return `Read ${scopeLabel(scope).toLowerCase()}`;
  return what;
}

// A scale id such as "boundary-control" as words: "Boundary control".
export function scaleLabel(scale: string): string {
  const words = scale.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : scale;
}

// A weekly figure, or a dash when there were no check-ins that week.
export function figure(value: number | null, digits = 1): string {
  return value === null ? '–' : value.toFixed(digits);
}

export const KUDOS_EMOJI: readonly { emoji: string; name: string }[] = [
  { emoji: '🎉', name: 'Celebrate' },
  { emoji: '👏', name: 'Applause' },
  { emoji: '💪', name: 'Strong' },
  { emoji: '🌱', name: 'Growing' },
  { emoji: '❤️', name: 'Love' },
  { emoji: '⭐', name: 'Star' },
];

export const KUDOS_MESSAGE_MAX = 280;

// Checks a kudos before sending: one emoji from the list and a message of at most 280 characters.
export function validateKudos(emoji: string, message: string): Partial<Record<'emoji' | 'message', string>> {
  const errors: Partial<Record<'emoji' | 'message', string>> = {};
  if (!KUDOS_EMOJI.some((k) => k.emoji === emoji)) errors.emoji = 'Choose one of the emoji.';
  if ([...message].length > KUDOS_MESSAGE_MAX) errors.message = `Keep the message to ${KUDOS_MESSAGE_MAX} characters.`;
  return errors;
}
