// Boundaries: each one's last twelve weeks as a heatmap with its kept rate, the evidence of any
// day, and adding or removing boundaries.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { todayIn } from '../../dates';
import { sentence } from '../../messages';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import { BoundaryCard } from './BoundaryCard';
import { BoundaryForm } from './BoundaryForm';
import { type BoundaryItem, boundaryTitle, checkRange, listBoundaries, removeBoundary } from './data';
import { DayEvidence } from './DayEvidence';
import { type CellStatus, STATUS_SYMBOLS, STATUS_WORDS, buildHeatmap, heatmapRange, indexEvaluations } from './heatmap';
import './boundaries.css';

const WEEKS = 12;
const LEGEND: CellStatus[] = ['kept', 'broken', 'unknown', 'not-applicable'];

export function BoundariesPage({ api, me }: { api: ApiClient; me: Me }) {
  const today = useMemo(() => todayIn(me.timezone), [me.timezone]);
  const { from, to } = useMemo(() => heatmapRange(today, WEEKS), [today]);
  // Loading again (after an add, or a retry) keeps what is shown, so reload() rather than retry().
  const { data, failed, reload, set: setData } = useLoad(
    () => Promise.all([listBoundaries(api), checkRange(api, from, to)]).then(([boundaries, evaluations]) => ({
      boundaries: boundaries.filter((b) => b.active !== false),
      evaluations,
    })),
    [api, from, to],
    { keep: true },
  );
  const [selected, setSelected] = useState(today);
  const [announce, setAnnounce] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; }, []);

  const days = useMemo(() => indexEvaluations(data?.evaluations ?? []), [data]);
  const heatmaps = useMemo(
    () => new Map((data?.boundaries ?? []).map((b) => [b.id, buildHeatmap(from, to, days.get(b.id))])),
    [data, days, from, to],
  );

  const onAdded = (b: BoundaryItem) => {
    setAnnounce(null);
    reload();  // The new boundary's days are evaluated by the server.
    setData((d) => (d ? { ...d, boundaries: [...d.boundaries, b] } : d));
  };

  // Answers null when removed, else the reason it was not.
  const onRemove = async (b: BoundaryItem): Promise<string | null> => {
    try {
      await removeBoundary(api, b.id);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        // Gone already (removed elsewhere): the page catches up.
      } else {
        return err instanceof ApiError ? sentence(err.message) : 'Removing failed. Please try again.';
      }
    }
    if (!mounted.current) return null;
    setData((d) => (d ? { ...d, boundaries: d.boundaries.filter((x) => x.id !== b.id) } : d));
    setAnnounce(`Removed “${boundaryTitle(b)}”.`);
    listHeading.current?.focus();
    return null;
  };

  const boundaries = data?.boundaries ?? [];

  return (
    <>
      <div class="page-title">
        <PageHeading>Boundaries</PageHeading>
        <p class="page-date">Your last {WEEKS} weeks</p>
      </div>
      <p class="bnd-status-line" role="status">{announce}</p>
      <div class="columns columns--main-side">
        <section class="column bnd-main" aria-labelledby="bnd-list-title">
          <h2 id="bnd-list-title" ref={listHeading} tabIndex={-1} class="bnd-list-title">Your boundaries</h2>
          {failed ? (
            <StatusNote kind="error" onRetry={reload}>Your boundaries could not be loaded.</StatusNote>
          ) : data === null ? (
            <StatusNote kind="loading">Loading your boundaries…</StatusNote>
          ) : boundaries.length === 0 ? (
            <div class="card">
              <StatusNote kind="empty">
                You have no boundaries yet. A boundary is a rule Headway checks for you every day, such as no work
                after 18:00. Add your first one with the form.
              </StatusNote>
            </div>
          ) : (
            <>
              <ul class="bnd-legend" aria-label="What the cells mean">
                {LEGEND.map((s) => (
                  <li key={s} class="bnd-legend-item">
                    <span class={`bnd-cell bnd-cell--${s} bnd-legend-swatch`} aria-hidden="true">{STATUS_SYMBOLS[s]}</span>
                    {STATUS_WORDS[s]}
                  </li>
                ))}
              </ul>
              <ul class="bnd-list">
                {boundaries.map((b) => {
                  const heatmap = heatmaps.get(b.id);
                  return heatmap ? (
                    <BoundaryCard
                      key={b.id}
                      boundary={b}
                      heatmap={heatmap}
                      from={from}
                      to={to}
                      selected={selected}
                      onSelect={setSelected}
                      onRemove={onRemove}
                    />
                  ) : null;
                })}
              </ul>
            </>
          )}
        </section>
        <div class="column">
          {data !== null && boundaries.length > 0 && (
            <DayEvidence date={selected} from={from} to={to} boundaries={boundaries} days={days} onSelect={setSelected} />
          )}
          <BoundaryForm api={api} onAdded={onAdded} />
        </div>
      </div>
    </>
  );
}
