// Each boundary with today's status in words (never colour alone) and its evidence.
import type { Boundary, BoundaryStatus, Evaluation } from '../types';

const STATUS_LABELS: Record<BoundaryStatus, string> = { kept: 'Kept', broken: 'Broken', unknown: 'No evidence yet' };

export function boundaryName(type: string): string {
  const name = type.replace(/-/g, ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function BoundaryList({ evaluations, boundaries }: { evaluations: Evaluation[]; boundaries: Map<number, Boundary> }) {
  return (
    <ul class="boundary-list">
      {evaluations.map((ev) => {
        const b = boundaries.get(ev.boundary_id);
        return (
          <li key={ev.boundary_id} class="boundary">
            <div class="boundary-head">
              <span class="boundary-name">{b?.label || b?.description || boundaryName(ev.type)}</span>
              <span class={`boundary-status pill pill--${ev.status}`}>{STATUS_LABELS[ev.status] ?? ev.status}</span>
            </div>
            {b?.label && b.description && <p class="boundary-description">{b.description}</p>}
            <p class="boundary-evidence">{ev.evidence}</p>
          </li>
        );
      })}
    </ul>
  );
}
