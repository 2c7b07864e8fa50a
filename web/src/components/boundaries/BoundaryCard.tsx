// One boundary: what it asks, how often it was kept over twelve weeks, the heatmap of its days,
// the selected day's evidence, and removing it (after a second, explicit yes).
import { useEffect, useRef, useState } from 'preact/hooks';
import { shortDay } from './days';
import { type Heatmap, STATUS_WORDS, keptRate, keptRateSentence, percent } from './heatmap';
import { BoundaryHeatmap } from './BoundaryHeatmap';
import { type BoundaryItem, boundaryTitle } from './data';

interface Props {
  boundary: BoundaryItem;
  heatmap: Heatmap;
  from: string;
  to: string;
  selected: string;
  onSelect: (date: string) => void;
  onRemove: (boundary: BoundaryItem) => Promise<string | null>;
}

export function BoundaryCard({ boundary, heatmap, from, to, selected, onSelect, onRemove }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  const title = boundaryTitle(boundary);
  const rate = keptRate(heatmap.counts);
  const cell = heatmap.weeks.flatMap((w) => w.days).find((c) => c?.date === selected) ?? null;
  const headingId = `bnd-title-${boundary.id}`;

  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (asked.current) removeButton.current?.focus();
  }, [confirming]);

  const remove = async () => {
    setRemoving(true);
    setError(null);
    const failed = await onRemove(boundary);
    // On success this card is gone; on failure it stays with the reason.
    if (failed !== null) {
      setRemoving(false);
      setError(failed);
    }
  };

  return (
    <li class="card bnd-card">
      <div class="bnd-card-head">
        <div class="bnd-card-titles">
          <h3 id={headingId} class="bnd-card-title">{title}</h3>
          {boundary.label.trim() !== '' && boundary.description !== title && (
            <p class="bnd-card-description">{boundary.description}</p>
          )}
        </div>
        <p class="bnd-rate">
          <span class="bnd-rate-figure">{rate.rate === null ? '–' : percent(rate.rate)}</span>
          <span class="bnd-rate-label">{rate.rate === null ? 'no kept rate yet' : 'kept'}</span>
        </p>
      </div>
      <p class="bnd-rate-sentence">{keptRateSentence(rate)}</p>
      <BoundaryHeatmap heatmap={heatmap} name={title} from={from} to={to} selected={selected} onSelect={onSelect} />
      {cell && (
        <p class="bnd-card-day">
          <span class="bnd-card-day-date">{shortDay(cell.date)}:</span>{' '}
          <span class={`pill pill--${cell.status} bnd-status`}>{STATUS_WORDS[cell.status]}</span>
          {cell.evidence && <span class="bnd-card-evidence">{cell.evidence}</span>}
        </p>
      )}
      <div class="bnd-card-actions">
        {confirming ? (
          <div class="bnd-confirm" role="group" aria-label={`Remove “${title}”?`}>
            <p class="bnd-confirm-text">
              Remove this boundary? It will no longer be checked, and it leaves this page.
            </p>
            <div class="form-actions">
              <button type="button" class="button button--danger" disabled={removing} onClick={remove}>
                {removing ? 'Removing…' : 'Yes, remove it'}
              </button>
              <button ref={keepButton} type="button" class="button button--quiet" disabled={removing} onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </div>
          </div>
        ) : (
          <button
            ref={removeButton}
            type="button"
            class="button button--quiet bnd-remove"
            aria-label={`Remove boundary: ${title}`}
            onClick={() => {
              asked.current = true;
              setConfirming(true);
            }}
          >
            Remove
          </button>
        )}
        {error && <p class="form-error" role="alert">{error}</p>}
      </div>
    </li>
  );
}
