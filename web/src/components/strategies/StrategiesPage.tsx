// Strategies: a few ranked for this person (with why), the whole library to browse, and "try as a goal".
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import type { Me } from '../../types';
import { Link } from '../Link';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import { type Strategy, type Suggestion, fetchLibrary, fetchSuggestions } from './data';
import { StrategyCard } from './StrategyCard';
import { StrategyLibrary } from './StrategyLibrary';
import { TryAsGoal } from './TryAsGoal';
import './strategies.css';

const PAGE = 5;
const MAX = 20;

type Load<T> = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; data: T };

export function StrategiesPage({ api }: { api: ApiClient; me: Me }) {
  const [limit, setLimit] = useState(PAGE);
  const [suggestions, setSuggestions] = useState<Load<Suggestion[]>>({ kind: 'loading' });
  const [library, setLibrary] = useState<Load<Strategy[]>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [trying, setTrying] = useState<Strategy | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const mounted = useRef(true);

  useEffect(() => () => { mounted.current = false; }, []);

  useEffect(() => {
    fetchSuggestions(api, limit).then(
      (data) => mounted.current && setSuggestions({ kind: 'ready', data }),
      (err) => mounted.current && !(err instanceof ApiError && err.status === 401) && setSuggestions({ kind: 'error' }),
    );
  }, [api, limit, attempt]);

  useEffect(() => {
    fetchLibrary(api).then(
      (data) => mounted.current && setLibrary({ kind: 'ready', data }),
      (err) => mounted.current && !(err instanceof ApiError && err.status === 401) && setLibrary({ kind: 'error' }),
    );
  }, [api, attempt]);

  const retry = () => {
    setSuggestions({ kind: 'loading' });
    setLibrary({ kind: 'loading' });
    setAttempt((n) => n + 1);
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
      <div class="strategies-grid">
        <section class="card" aria-labelledby="strategies-suggested-title">
          <h2 id="strategies-suggested-title">Suggested for you</h2>
          {suggestions.kind === 'loading' && <StatusNote kind="loading">Finding strategies that fit you…</StatusNote>}
          {suggestions.kind === 'error' && (
            <StatusNote kind="error" onRetry={retry}>Suggestions could not be loaded.</StatusNote>
          )}
          {suggestions.kind === 'ready' && suggestions.data.length === 0 && (
            <div class="strategies-empty">
              <StatusNote kind="empty">No suggestions yet.</StatusNote>
              <p>
                Suggestions are ranked from your barrier profile and your goals. To get some, take the barrier
                assessment on <Link href="/assessments">Assessments</Link>, and set a goal on{' '}
                <Link href="/goals">Goals</Link>. Meanwhile, the whole library is here to browse.
              </p>
            </div>
          )}
          {suggestions.kind === 'ready' && suggestions.data.length > 0 && (
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
          {library.kind === 'loading' && <StatusNote kind="loading">Loading the library…</StatusNote>}
          {library.kind === 'error' && <StatusNote kind="error" onRetry={retry}>The library could not be loaded.</StatusNote>}
          {library.kind === 'ready' && <StrategyLibrary strategies={library.data} onTry={onTry} />}
        </section>
      </div>
    </>
  );
}
