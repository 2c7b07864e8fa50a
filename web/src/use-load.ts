// Loading what a page or section shows: the data once it arrives, whether loading failed, and a
// retry. A 401 is not a failure here: the app shows sign-in for it (and keeps drafts).
import { type Inputs, useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';

export interface Loaded<T> {
  data: T | null;  // null while loading (or after a failure)
  failed: boolean;
  // Loads again from the loading state (data back to null), as after a failure.
  retry: () => void;
  // Loads again while the current data stays shown, e.g. to read back what the page just changed.
  reload: () => void;
  // Replaces the data after a change the page made itself (e.g. a new item), without reloading.
  set: (update: T | ((current: T | null) => T | null)) => void;
}

export interface LoadOptions {
  // When the inputs change, keep showing the current data until the new answer arrives (instead
  // of going back to the loading state).
  keep?: boolean;
}

// `load` runs on mount, whenever `inputs` (what `load` depends on) change, and on retry() or
// reload(). A load after an input change starts from null (unless `keep`), so the caller shows its
// loading state. An answer that arrives after the component is gone, or after a newer load
// started, is dropped.
export function useLoad<T>(load: () => Promise<T>, inputs: Inputs, { keep = false }: LoadOptions = {}): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const keepNext = useRef(false);

  useEffect(() => {
    const id = ++latest.current;
    setFailed(false);
    if (!keep && !keepNext.current) setData(null);
    keepNext.current = false;
    load().then(
      (value) => { if (id === latest.current) setData(value); },
      (err) => { if (id === latest.current && !(err instanceof ApiError && err.status === 401)) setFailed(true); },
    );
    return () => {
      if (id === latest.current) latest.current++;
    };
  }, [...inputs, attempt]);

  const retry = useCallback(() => {
    setData(null);
    setAttempt((n) => n + 1);
  }, []);
  const reload = useCallback(() => {
    keepNext.current = true;
    setAttempt((n) => n + 1);
  }, []);
  const set = useCallback((update: T | ((current: T | null) => T | null)) => {
    setData((current) => (typeof update === 'function' ? (update as (c: T | null) => T | null)(current) : update));
  }, []);
  return { data, failed, retry, reload, set };
}
