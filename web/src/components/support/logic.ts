// Pure logic of the Support page: relation and kind names, the supporter form, gaps in plain words.
import { barrierLabel } from '../goal/labels';
import { formatInstant } from '../partners/labels';
import type { Gap, Relation, SupportKind, Supporter, SupporterInput } from './data';

export const RELATIONS: readonly Relation[] = ['family', 'friend', 'colleague', 'manager', 'coach', 'partner'];

export const RELATION_LABELS: Record<Relation, string> = {
  family: 'Family',
  friend: 'Friend',
  colleague: 'Colleague',
  manager: 'Manager',
  coach: 'Coach',
  partner: 'Partner',
};

export const KINDS: readonly SupportKind[] = ['emotional', 'practical', 'shared-values'];

export const KIND_LABELS: Record<SupportKind, string> = {
  emotional: 'Emotional',
  practical: 'Practical',
  'shared-values': 'Shared values',
};

export function relationLabel(relation: string): string {
  return (RELATION_LABELS as Record<string, string>)[relation] ?? relation;
}

export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export interface SupporterForm {
  name: string;
  relation: Relation;
  kinds: SupportKind[];
  email: string;
}

export type SupporterField = 'name' | 'relation' | 'kinds' | 'account_email';
export type SupporterErrors = Partial<Record<SupporterField, string>>;

export function emptySupporter(): SupporterForm {
  return { name: '', relation: 'friend', kinds: [], email: '' };
}

// The edit form starts from what the API gives back; it never returns the linked e-mail.
export function formFromSupporter(s: Supporter): SupporterForm {
  return { name: s.name, relation: s.relation, kinds: [...s.kinds], email: '' };
}

// Ticks or unticks one kind; the list keeps the catalogue's order.
export function toggleKind(kinds: readonly SupportKind[], kind: SupportKind, on: boolean): SupportKind[] {
  return KINDS.filter((k) => (k === kind ? on : kinds.includes(k)));
}

export const NAME_MAX = 100;

// The form's own checks, before anything is sent; the server checks everything again.
export function validateSupporter(form: SupporterForm): SupporterErrors {
  const errors: SupporterErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = 'Enter their name.';
  else if (new TextEncoder().encode(name).length > NAME_MAX) errors.name = `Keep the name to ${NAME_MAX} characters.`;
  if (!RELATIONS.includes(form.relation)) errors.relation = 'Choose how you know them.';
  if (form.kinds.length === 0) errors.kinds = 'Choose at least one kind of support they give.';
  const email = form.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) errors.account_email = 'Enter an e-mail address like name@example.org, or leave it empty.';
  return errors;
}

export function supporterBody(form: SupporterForm): SupporterInput {
  const body: SupporterInput = { name: form.name.trim(), relation: form.relation, kinds: KINDS.filter((k) => form.kinds.includes(k)) };
  const email = form.email.trim();
  if (email) body.account_email = email;
  return body;
}

// The field an API error names (`kinds[1]` is the kinds list), or null for the whole form.
export function supporterField(field: string | null): SupporterField | null {
  if (field === null) return null;
  if (field === 'name' || field === 'relation' || field === 'account_email') return field;
  if (field === 'kinds' || /^kinds\[\d+\]$/.test(field)) return 'kinds';
  return null;
}

// The most pressing gaps first: nobody at all, then the top barrier, then the rest; unknown codes last.
const GAP_ORDER = ['empty', 'no-practical-for-barrier', 'no-workplace-ally', 'no-emotional', 'single-person', 'no-shared-values'];

export function orderGaps(gaps: readonly Gap[]): Gap[] {
  const rank = (g: Gap) => {
    const i = GAP_ORDER.indexOf(g.code);
    return i < 0 ? GAP_ORDER.length : i;
  };
  return gaps.map((g, i) => ({ g, i })).sort((a, b) => rank(a.g) - rank(b.g) || a.i - b.i).map(({ g }) => g);
}

// The top barrier in plain words, as a sentence.
export function topBarrierText(barrier: string | null): string | null {
  if (!barrier) return null;
  return `Your biggest barrier right now: ${barrierLabel(barrier).toLowerCase()}.`;
}

// "Changed 26 Nov 2026, 04:50" in the person's zone.
export function changedLabel(iso: string, timeZone: string): string {
  return `Changed ${formatInstant(iso, timeZone)}`;
}

export function commentCountText(n: number): string {
  if (n === 0) return 'No coach comments yet';
  return n === 1 ? '1 coach comment' : `${n} coach comments`;
}
