// The whole library, narrowed by barrier and by stage.
import { useState } from 'preact/hooks';
import type { Stage } from '../../types';
import { BARRIER_LABELS, BARRIERS, type Barrier, STAGE_LABELS, STAGES } from '../goal/labels';
import { StatusNote } from '../StatusNote';
import type { Strategy } from './data';
import { NO_FILTER, type StrategyFilter, filterStrategies } from './filter';
import { StrategyCard } from './StrategyCard';

interface Props {
  strategies: Strategy[];
  onTry: (strategy: Strategy, button: HTMLButtonElement) => void;
}

export function StrategyLibrary({ strategies, onTry }: Props) {
  const [filter, setFilter] = useState<StrategyFilter>(NO_FILTER);
  const shown = filterStrategies(strategies, filter);
  return (
    <>
      <div class="field-row strategies-filters">
        <div class="field">
          <label for="strategies-barrier">Barrier</label>
          <select
            id="strategies-barrier"
            value={filter.barrier}
            onChange={(e) => setFilter({ ...filter, barrier: e.currentTarget.value as Barrier | 'all' })}
          >
            <option value="all">All barriers</option>
            {BARRIERS.map((b) => <option key={b} value={b}>{BARRIER_LABELS[b]}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="strategies-stage">Stage</label>
          <select
            id="strategies-stage"
            value={filter.stage}
            onChange={(e) => setFilter({ ...filter, stage: e.currentTarget.value as Stage | 'all' })}
          >
            <option value="all">All stages</option>
            {STAGES.map((s) => <option key={s} value={s}>{STAGE_LABELS[s]}</option>)}
          </select>
        </div>
      </div>
      <p class="strategies-count" role="status">
        Showing {shown.length} of {strategies.length} strategies.
      </p>
      {shown.length === 0 ? (
        <StatusNote kind="empty">No strategy matches both. Try another barrier or stage.</StatusNote>
      ) : (
        <ul class="strategy-list strategies-library">
          {shown.map((s) => <StrategyCard key={s.id} strategy={s} idPrefix="library" onTry={onTry} />)}
        </ul>
      )}
    </>
  );
}
