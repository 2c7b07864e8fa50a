// Today's boundaries and whether each was kept; a saved check-in refreshes them.
import { useEffect } from 'preact/hooks';
import type { ApiClient } from '../api';
import type { Evaluation } from '../types';
import { useLoad } from '../use-load';
import { Link } from './Link';
import { BoundaryList } from './BoundaryList';
import { StatusNote } from './StatusNote';

interface Props {
  api: ApiClient;
  date: string;
  latest: Evaluation[] | null;
}

export function BoundariesSection({ api, date, latest }: Props) {
  const { data, failed, retry, set } = useLoad(
    () => Promise.all([api.checkBoundaries(date), api.boundaries()]).then(([evaluations, list]) => ({
      evaluations,
      boundaries: new Map(list.map((b) => [b.id, b])),
    })),
    [api, date],
    { keep: true },
  );

  useEffect(() => {
    if (latest) set((d) => ({ boundaries: d?.boundaries ?? new Map(), evaluations: latest }));
  }, [latest]);

  return (
    <section class="card boundaries" aria-labelledby="boundaries-title">
      <h2 id="boundaries-title">Today’s boundaries</h2>
      {failed ? (
        <StatusNote kind="error" onRetry={retry}>
          Today’s boundaries could not be loaded.
        </StatusNote>
      ) : data === null ? (
        <StatusNote kind="loading">Checking today’s boundaries…</StatusNote>
      ) : data.evaluations.length === 0 ? (
        <StatusNote kind="empty">
          You have no boundaries yet. Add one on the <Link href="/boundaries">Boundaries</Link> page, for example no work after 18:00.
        </StatusNote>
      ) : (
        <BoundaryList evaluations={data.evaluations} boundaries={data.boundaries} />
      )}
    </section>
  );
}
