// The "log a win" form's state and its checks before POST /wins.
import { byteLength, type FieldErrors } from './checkin-form';
import type { WinCreate, WinSize } from './types';

export interface WinForm {
  text: string;
  size: WinSize;
}

export type WinField = 'text' | 'size';

export const WIN_TEXT_MAX_BYTES = 500;
export const WIN_SIZES: readonly WinSize[] = ['small', 'medium', 'big'];

export function emptyWin(): WinForm {
  return { text: '', size: 'small' };
}

export function isWinField(field: string | null): field is WinField {
  return field === 'text' || field === 'size';
}

export function validateWin(f: WinForm): FieldErrors<WinField> {
  const errors: FieldErrors<WinField> = {};
  if (f.text.trim() === '') errors.text = 'Write a few words about the win.';
  else if (byteLength(f.text) > WIN_TEXT_MAX_BYTES) errors.text = `Keep it short: at most ${WIN_TEXT_MAX_BYTES} bytes.`;
  if (!WIN_SIZES.includes(f.size)) errors.size = 'Choose small, medium or big.';
  return errors;
}

export function winBody(f: WinForm, date: string): WinCreate {
  return { text: f.text.trim(), size: f.size, date };
}
