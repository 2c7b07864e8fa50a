// Strategies: a few ranked for this person (with why), the whole library to browse, and "try as a goal".
import { useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { Link } from '../Link';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import { type Strategy, fetchLibrary, fetchSuggestions } from './data';
import { StrategyCard } from './StrategyCard';
import { StrategyLibrary } from './StrategyLibrary';
import { TryAsGoal } from './TryAsGoal';
import './strategies.css';

const PAGE = 5;
const MAX = 20;

export function StrategiesPage({ api }: { api: ApiClient; me: Me }) {
  const [limit, setLimit] = useState(PAGE);
  // Showing more keeps the suggestions shown until the longer list arrives.
  const suggestions = useLoad(() => fetchSuggestions(api, limit), [api, limit], { keep: true });
  const library = useLoad(() => fetchLibrary(api), [api]);
  const [trying, setTrying] = useState<Strategy | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  const retry = () => {
    suggestions.retry();
    library.retry();
  };

  const onTry = (s: Strategy, button: HTMLButtonElement) => {
    opener.current = button;
    setTrying(s);
  };

  const cancel = () => {
    const back = opener.current;
    setTrying(null);
    setTimeout(() => back?.focus(), 0);
  };

  return (
    <>
      <div class="page-title">
        <PageHeading>Strategies</PageHeading>
      </div>
      <p class="section-intro strategies-intro">
        Small, tested ways to make a change stick. Each comes with an if-then plan you can try as a goal of your own.
      </p>
      {trying && <TryAsGoal api={api} strategy={trying} onCancel={cancel} />}
      <div class="columns">
        <section class="card" aria-labelledby="strategies-suggested-title">
          <h2 id="strategies-suggested-title">Suggested for you</h2>
          {suggestions.failed ? (
            <StatusNote kind="error" onRetry={retry}>Suggestions could not be loaded.</StatusNote>
          ) : suggestions.data === null ? (
            <StatusNote kind="loading">Finding strategies that fit you…</StatusNote>
          ) : suggestions.data.length === 0 ? (
            <div class="strategies-empty">
              <StatusNote kind="empty">No suggestions yet.</StatusNote>
              <p>
                Suggestions are ranked from your barrier profile and your goals. To get some, take the barrier
                assessment on <Link href="/assessments">Assessments</Link>, and set a goal on{' '}
                <Link href="/goals">Goals</Link>. Meanwhile, the whole library is here to browse.
              </p>
            </div>
          ) : (
            <>
              <p class="section-intro">
                Ranked for your barriers and the stage of your goals. They fit better once you have taken the
                barrier assessment on <Link href="/assessments">Assessments</Link>.
              </p>
              <ol class="strategy-list strategies-suggestions">
                {suggestions.data.map((s) => <StrategyCard key={s.id} strategy={s} idPrefix="suggested" onTry={onTry} />)}
              </ol>
              {suggestions.data.length >= limit && limit < MAX && (
                <button type="button" class="button button--quiet" onClick={() => setLimit((n) => Math.min(MAX, n + PAGE))}>
                  Show more suggestions
                </button>
              )}
            </>
          )}
        </section>
        <section class="card" aria-labelledby="strategies-library-title">
          <h2 id="strategies-library-title">The strategy library</h2>
          {library.failed ? (
            <StatusNote kind="error" onRetry={retry}>The library could not be loaded.</StatusNote>
          ) : library.data === null ? (
            <StatusNote kind="loading">Loading the library…</StatusNote>
          ) : (
            <StrategyLibrary strategies={library.data} onTry={onTry} />
          )}
        </section>
      </div>
    </>
  );
}
