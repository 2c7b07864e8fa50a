// The API's messages are lower-case clauses; show them as sentences.
export function sentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const first = text[0]?.toUpperCase() ?? '';
  return first + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}
