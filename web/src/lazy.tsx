// Pages loaded on first visit, so Today's JavaScript stays small (the charts and their library
// come with the pages that draw them).
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { StatusNote } from './components/StatusNote';

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const start = () => {
    pending ??= load().then(
      (c) => (loaded = c),
      (e) => {
        pending = null;  // a later attempt may work (e.g. after a new deployment or a lost connection)
        throw e;
      },
    );
    return pending;
  };

  return function LazyPage(props: P) {
    const [, setReady] = useState(false);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      start().then(() => live && setReady(true), () => live && setFailed(true));
      return () => { live = false; };
    }, [attempt]);

    const Page = loaded;
    if (Page) return <Page {...props} />;
    if (failed) {
      return (
        <StatusNote kind="error" onRetry={() => { setFailed(false); setAttempt((n) => n + 1); }}>
          This page could not be loaded. Check your connection.
        </StatusNote>
      );
    }
    return <StatusNote kind="loading">Loading…</StatusNote>;
  };
}
