// The if-then plan as one sentence, whether or not the person wrote the "If" and "then" words.

const TRAILING = /[\s,;:.!?…]+$/u;

function clause(text: string, word: 'If' | 'then'): string {
  const t = text.trim().replace(TRAILING, '');
  if (t === '') return '';
  if (new RegExp(`^${word}\\b`, 'i').test(t)) return word + t.slice(word.length);
  return `${word} ${t}`;
}

// "If it is 17:15 and I am still working, then I close the laptop." (null when there is no plan).
export function ifThenSentence(ifText: string, thenText: string): string | null {
  const cue = clause(ifText, 'If');
  const action = clause(thenText, 'then');
  if (cue && action) return `${cue}, ${action}.`;
  if (cue) return `${cue}, …`;
  if (action) return `${action.charAt(0).toUpperCase()}${action.slice(1)}.`;
  return null;
}
