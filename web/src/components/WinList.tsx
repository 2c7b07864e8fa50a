// A list of wins (with their days in the journal); the text is the person's own and is shown as text,
// and leads to the win's own page with its kudos.
import type { Win, WinSize } from '../types';
import { Link } from './Link';

const SIZE_LABELS: Record<WinSize, string> = { small: 'Small win', medium: 'Medium win', big: 'Big win' };

export function WinList({ wins, showDate = false }: { wins: Win[]; showDate?: boolean }) {
  return (
    <ul class="win-list">
      {wins.map((w) => (
        <li key={w.id} class="win">
          {showDate && <time class="win-date" dateTime={w.date}>{w.date}</time>}
          <span class={`win-size win-size--${w.size}`}>{SIZE_LABELS[w.size] ?? w.size}</span>
          <span class="win-text"><Link href={`/wins/${w.id}`}>{w.text}</Link></span>
        </li>
      ))}
    </ul>
  );
}
