// Boundaries: each one's last twelve weeks as a heatmap with its kept rate, the evidence of any
// day, and adding or removing boundaries.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { todayIn } from '../../dates';
import { sentence } from '../../messages';
import type { Evaluation, Me } from '../../types';
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

interface Loaded {
  boundaries: BoundaryItem[];
  evaluations: Evaluation[];
}

export function BoundariesPage({ api, me }: { api: ApiClient; me: Me }) {
  const today = useMemo(() => todayIn(me.timezone), [me.timezone]);
  const { from, to } = useMemo(() => heatmapRange(today, WEEKS), [today]);
  const [data, setData] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [selected, setSelected] = useState(today);
  const [announce, setAnnounce] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const mounted = useRef(true);

  useEffect(() => () => { mounted.current = false; }, []);

  useEffect(() => {
    setLoadError(false);
    Promise.all([listBoundaries(api), checkRange(api, from, to)]).then(
      ([boundaries, evaluations]) => {
        if (mounted.current) setData({ boundaries: boundaries.filter((b) => b.active !== false), evaluations });
      },
      (err) => {
        if (mounted.current && !(err instanceof ApiError && err.status === 401)) setLoadError(true);
      },
    );
  }, [api, from, to, attempt]);

  const days = useMemo(() => indexEvaluations(data?.evaluations ?? []), [data]);
  const heatmaps = useMemo(
    () => new Map((data?.boundaries ?? []).map((b) => [b.id, buildHeatmap(from, to, days.get(b.id))])),
    [data, days, from, to],
  );

  const onAdded = (b: BoundaryItem) => {
    setAnnounce(null);
    setAttempt((n) => n + 1);  // Reload: the new boundary's days are evaluated by the server.
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
      <div class="bnd-layout">
        <section class="bnd-main" aria-labelledby="bnd-list-title">
          <h2 id="bnd-list-title" ref={listHeading} tabIndex={-1} class="bnd-list-title">Your boundaries</h2>
          {loadError ? (
            <StatusNote kind="error" onRetry={() => setAttempt((n) => n + 1)}>Your boundaries could not be loaded.</StatusNote>
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
        <div class="bnd-side">
          {data !== null && boundaries.length > 0 && (
            <DayEvidence date={selected} from={from} to={to} boundaries={boundaries} days={days} onSelect={setSelected} />
          )}
          <BoundaryForm api={api} onAdded={onAdded} />
        </div>
      </div>
    </>
  );
}
