// The settings page's checks before sending: profile, password, tokens, and the export's file name.
import type { FieldErrors } from './checkin-form';
import type { Me, ProfileUpdate } from './types';

export const PASSWORD_MIN_CHARS = 12;

export const COMMON_TIME_ZONES: readonly string[] = [
  'UTC', 'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Berlin', 'Europe/Paris', 'Europe/Madrid',
  'Europe/Rome', 'Europe/Amsterdam', 'Europe/Stockholm', 'Europe/Warsaw', 'Europe/Athens', 'Europe/Helsinki',
  'Europe/Istanbul', 'Europe/Moscow', 'Africa/Lagos', 'Africa/Cairo', 'Africa/Johannesburg', 'Africa/Nairobi',
  'Asia/Dubai', 'Asia/Karachi', 'Asia/Kolkata', 'Asia/Dhaka', 'Asia/Bangkok', 'Asia/Singapore', 'Asia/Shanghai',
  'Asia/Hong_Kong', 'Asia/Tokyo', 'Asia/Seoul', 'Australia/Perth', 'Australia/Sydney', 'Pacific/Auckland',
  'America/St_Johns', 'America/Halifax', 'America/New_York', 'America/Chicago', 'America/Denver',
  'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'America/Mexico_City',
  'America/Bogota', 'America/Lima', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires',
];

export interface ProfileForm {
  timezone: string;
  work_hours: string;
}
export type ProfileField = keyof ProfileForm;

export function profileForm(me: Me): ProfileForm {
  return { timezone: me.timezone, work_hours: me.work_hours };
}

export function validateProfile(f: ProfileForm): FieldErrors<ProfileField> {
  const errors: FieldErrors<ProfileField> = {};
  if (f.timezone.trim() === '') errors.timezone = 'Enter a time zone, such as Europe/Berlin.';
  if (f.work_hours.trim() === '') errors.work_hours = 'Enter your work hours, such as Mon-Fri 09:00-17:30.';
  return errors;
}

// Only what changed, so that saving an untouched form changes nothing.
export function profileBody(f: ProfileForm, me: Me): ProfileUpdate {
  const body: ProfileUpdate = {};
  if (f.timezone.trim() !== me.timezone) body.timezone = f.timezone.trim();
  if (f.work_hours.trim() !== me.work_hours) body.work_hours = f.work_hours.trim();
  return body;
}

export function isProfileField(field: string | null): field is ProfileField {
  return field === 'timezone' || field === 'work_hours';
}

export interface PasswordForm {
  current_password: string;
  new_password: string;
  confirm: string;
}
export type PasswordField = keyof PasswordForm;

export function emptyPassword(): PasswordForm {
  return { current_password: '', new_password: '', confirm: '' };
}

export function isPasswordField(field: string | null): field is PasswordField {
  return field === 'current_password' || field === 'new_password' || field === 'confirm';
}

export function validatePassword(f: PasswordForm): FieldErrors<PasswordField> {
  const errors: FieldErrors<PasswordField> = {};
  if (f.current_password === '') errors.current_password = 'Enter your current password.';
  if ([...f.new_password].length < PASSWORD_MIN_CHARS) {
    errors.new_password = `Choose a password of at least ${PASSWORD_MIN_CHARS} characters.`;
  } else if (f.new_password === f.current_password) {
    errors.new_password = 'Choose a password different from the current one.';
  }
  if (!errors.new_password && f.confirm !== f.new_password) errors.confirm = 'The two new passwords differ.';
  return errors;
}

export function validateTokenName(name: string): string | undefined {
  const t = name.trim();
  if (t === '') return 'Name the token after what will use it.';
  if (new TextEncoder().encode(t).length > 100) return 'Keep the name to at most 100 bytes.';
  return undefined;
}

// The name `headway serve` gives the same download: headway-export-YYYY-MM-DD.json.
export function exportFileName(date: string): string {
  return `headway-export-${date}.json`;
}
