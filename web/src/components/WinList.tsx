// Today's wins, newest first; the text is the person's own and is shown as text.
import type { Win, WinSize } from '../types';

const SIZE_LABELS: Record<WinSize, string> = { small: 'Small win', medium: 'Medium win', big: 'Big win' };

export function WinList({ wins }: { wins: Win[] }) {
  return (
    <ul class="win-list">
      {wins.map((w) => (
        <li key={w.id} class="win">
          <span class={`win-size win-size--${w.size}`}>{SIZE_LABELS[w.size] ?? w.size}</span>
          <span class="win-text">{w.text}</span>
        </li>
      ))}
    </ul>
  );
}
