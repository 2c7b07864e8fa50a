// Creating an account in the browser: the form's checks before anything is sent, and the body.
import type { FieldErrors } from './checkin-form';

export type RegisterField = 'name' | 'email' | 'password' | 'again' | 'timezone' | 'invite';

export interface RegisterDraft {
  name: string;
  email: string;
  password: string;
  again: string;
  timezone: string;
  invite: string;
}

export const MIN_PASSWORD = 12;

export function checkRegistration(d: RegisterDraft): FieldErrors<RegisterField> {
  const errors: FieldErrors<RegisterField> = {};
  if (d.name.length > 100) errors.name = 'Use at most 100 characters for your name.';
  if (d.email.trim() === '') errors.email = 'Enter your e-mail address.';
  else if (!/^[^\s@]+@[^\s@]+$/.test(d.email.trim())) errors.email = 'Enter an e-mail address like you@example.org.';
  if ([...d.password].length < MIN_PASSWORD) errors.password = `Use at least ${MIN_PASSWORD} characters.`;
  if (d.again !== d.password) errors.again = 'The two passwords differ.';
  if (d.timezone.trim() === '') errors.timezone = 'Enter your time zone, such as Europe/Berlin.';
  return errors;
}

export function registrationBody(d: RegisterDraft): Record<string, string> {
  const body: Record<string, string> = { email: d.email.trim(), password: d.password, timezone: d.timezone.trim() };
  if (d.name.trim() !== '') body.name = d.name.trim();
  if (d.invite.trim() !== '') body.invite = d.invite.trim();
  return body;
}

// The browser's own time zone, the sensible default; UTC when it cannot say.
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

// The invite code from a link such as /register?invite=CODE.
export function inviteFromSearch(search: string): string {
  return new URLSearchParams(search).get('invite')?.trim() ?? '';
}
