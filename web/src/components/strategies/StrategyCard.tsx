// One strategy: what it is, its if-then plan, what it helps with, and a way to try it.
import { barrierLabel, stageLabel } from '../goal/labels';
import { sentence } from '../../messages';
import { ifThenSentence } from '../goal/plan';
import type { Strategy, Suggestion } from './data';

interface Props {
  strategy: Strategy | Suggestion;
  idPrefix: string;
  onTry: (strategy: Strategy, button: HTMLButtonElement) => void;
}

export function StrategyCard({ strategy: s, idPrefix, onTry }: Props) {
  const titleId = `${idPrefix}-${s.id}-title`;
  const reason = 'reason' in s ? s.reason : null;
  return (
    <li class="strategy" data-strategy={s.id}>
      <h3 id={titleId} class="strategy-title">{s.title}</h3>
      {reason && (
        <p class="strategy-reason">
          <strong>Why this fits you:</strong> {sentence(reason)}
        </p>
      )}
      <p class="strategy-summary">{s.summary}</p>
      <p class="strategy-plan">{ifThenSentence(s.if, s.then)}</p>
      <dl class="strategy-tags">
        <div>
          <dt>Helps with</dt>
          <dd>{s.barriers.map(barrierLabel).join(', ')}</dd>
        </div>
        <div>
          <dt>Suits</dt>
          <dd>{s.stages.map(stageLabel).join(', ')}</dd>
        </div>
      </dl>
      <button
        type="button"
        class="button button--quiet"
        aria-label={`Try this as a goal: ${s.title}`}
        onClick={(e) => onTry(s, e.currentTarget)}
      >
        Try this as a goal
      </button>
    </li>
  );
}
