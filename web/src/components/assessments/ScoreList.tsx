// Each scale's score out of 100 and its band, with the change since last time when there is one.
import type { Instrument, ScaleScore, ScoreChange } from './data';
import { bandLabel, formatScore } from './logic';

interface Props {
  instrument: Instrument;
  scores: ScaleScore[];
  changes?: ScoreChange[];
}

function changeText(c: ScoreChange): string {
  const n = Math.round(c.change);
  const amount = n === 0 ? 'no change' : `${n > 0 ? 'up' : 'down'} ${Math.abs(n)}`;
  return `${amount} since last time${c.meaningful ? ', a meaningful change' : ''}`;
}

export function ScoreList({ instrument, scores, changes }: Props) {
  return (
    <ul class="assess-scores">
      {scores.map((s) => {
        const scale = instrument.scales.find((x) => x.id === s.scale);
        const change = changes?.find((c) => c.scale === s.scale);
        return (
          <li key={s.scale} class="assess-score" data-scale={s.scale} data-score={s.score} data-band={s.band}>
            <span class="assess-score-name">{scale?.title ?? s.scale}</span>
            <span class="assess-score-value">
              <strong>{formatScore(s.score)}</strong> out of 100
            </span>
            <span class={s.lowest_band ? 'pill assess-band--lowest' : 'pill pill--accent'}>
              {bandLabel(instrument, s.scale, s.band)}
            </span>
            {change && <span class="assess-score-change">{changeText(change)}</span>}
          </li>
        );
      })}
    </ul>
  );
}
