// Today's boundaries and whether each was kept; a saved check-in refreshes them.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../api';
import type { Boundary, Evaluation } from '../types';
import { Link } from './Link';
import { BoundaryList } from './BoundaryList';
import { StatusNote } from './StatusNote';

interface Props {
  api: ApiClient;
  date: string;
  latest: Evaluation[] | null;
}

export function BoundariesSection({ api, date, latest }: Props) {
  const [evaluations, setEvaluations] = useState<Evaluation[] | null>(null);
  const [boundaries, setBoundaries] = useState<Map<number, Boundary>>(new Map());
  const [loadError, setLoadError] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const mounted = useRef(true);

  useEffect(() => () => { mounted.current = false; }, []);

  useEffect(() => {
    setLoadError(false);
    Promise.all([api.checkBoundaries(date), api.boundaries()]).then(
      ([evs, list]) => {
        if (!mounted.current) return;
        setBoundaries(new Map(list.map((b) => [b.id, b])));
        setEvaluations(evs);
      },
      (err) => {
        if (mounted.current && !(err instanceof ApiError && err.status === 401)) setLoadError(true);
      },
    );
  }, [api, date, attempt]);

  useEffect(() => {
    if (latest) setEvaluations(latest);
  }, [latest]);

  return (
    <section class="card boundaries" aria-labelledby="boundaries-title">
      <h2 id="boundaries-title">Today’s boundaries</h2>
      {loadError ? (
        <StatusNote kind="error" onRetry={() => setAttempt((n) => n + 1)}>
          Today’s boundaries could not be loaded.
        </StatusNote>
      ) : evaluations === null ? (
        <StatusNote kind="loading">Checking today’s boundaries…</StatusNote>
      ) : evaluations.length === 0 ? (
        <StatusNote kind="empty">
          You have no boundaries yet. Add one on the <Link href="/boundaries">Boundaries</Link> page, for example no work after 18:00.
        </StatusNote>
      ) : (
        <BoundaryList evaluations={evaluations} boundaries={boundaries} />
      )}
    </section>
  );
}
