// Pure logic of the win page: where each kudos came from, their order, which circles the win can
// still be shared with, and the page's wording. Tested in test/wins.test.ts.
import { KUDOS_EMOJI } from '../circles/logic';
import type { Circle, SharedCircle, WinKudos, WinKudosAnswer } from './data';

// "in Evening walkers" for kudos sent in a circle, "as your partner" for kudos through a grant.
export function kudosSource(k: Pick<WinKudos, 'circle_id' | 'circle_name'>): string {
  if (k.circle_id === null) return 'as your partner';
  return `in ${k.circle_name ?? 'a circle'}`;
}

// Newest first: the kudos a notification led here for is at the top (ties by id, newest first).
export function sortKudos(list: readonly WinKudos[]): WinKudos[] {
  return [...list].sort((a, b) => {
    const ta = Date.parse(a.created_at);
    const tb = Date.parse(b.created_at);
    if (ta !== tb && !Number.isNaN(ta) && !Number.isNaN(tb)) return tb - ta;
    return b.id - a.id;
  });
}

// Your circles that the win is not shared with yet, by name.
export function shareableCircles(circles: readonly Circle[], shared: readonly SharedCircle[]): Circle[] {
  const ids = new Set(shared.map((c) => c.id));
  return circles.filter((c) => !ids.has(c.id)).sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

// The circles it is shared with, by name.
export function sortShared(shared: readonly SharedCircle[]): SharedCircle[] {
  return [...shared].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

// What the page shows right after sharing stops with a circle, before the API's answer comes back:
// the circle is gone from the list, and so are the kudos sent in it (the API removes them too).
export function withoutCircle(answer: WinKudosAnswer, circleId: number): WinKudosAnswer {
  return {
    ...answer,
    shared_with: answer.shared_with.filter((c) => c.id !== circleId),
    kudos: answer.kudos.filter((k) => k.circle_id !== circleId),
  };
}

// A name for the emoji that a screen reader can say, when it is one of the kudos emoji.
export function emojiName(emoji: string): string | undefined {
  return KUDOS_EMOJI.find((k) => k.emoji === emoji)?.label;
}

// What the "Shared with" section says when there is nothing in it yet.
export function notSharedText(circles: number): string {
  return circles === 0
    ? 'Not shared with a circle. You are not in a circle yet.'
    : 'Not shared with any of your circles yet.';
}

// Why sharing was refused, in plain words (the API's message, already a sentence, otherwise).
export function shareErrorText(status: number, message: string): string {
  if (status === 409) return 'This win is already shared with that circle.';
  if (status === 404) return 'That circle is not one of yours any more. Reload the page to see your circles.';
  return message;
}
