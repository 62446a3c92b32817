'use client';

import { startTransition, useEffect, useState } from 'react';

type Loaded<T> = { key: string; data: T; error: null } | { key: string; data: null; error: unknown };

/**
 * Loads what `key` names with `load`, again whenever `key` changes. Loading is
 * derived (the last answer is for another key), so a stale answer never shows
 * as the current one, and an abandoned request is aborted. While the next key
 * loads, `data` keeps the previous answer so lists do not jump.
 */
export function useApiResource<T>(resourceKey: string, load: (signal: AbortSignal) => Promise<T>, initial?: { key: string; data: T }) {
  // What the server rendered the page with (the same key, read from the same URL): not asked for again.
  const [loaded, setLoaded] = useState<Loaded<T> | null>(() =>
    initial?.key === resourceKey ? { key: `0:${resourceKey}`, data: initial.data, error: null } : null,
  );
  const [reloads, setReloads] = useState(0);
  const key = `${reloads}:${resourceKey}`;

  useEffect(() => {
    if (loaded?.key === key) return;
    const controller = new AbortController();
    // An answer renders as a transition: time-sliced, so a long list never
    // blocks the main thread (a phone's taps and scrolls) in one long task.
    load(controller.signal).then(
      (data) => startTransition(() => setLoaded({ key, data, error: null })),
      (error: unknown) => {
        if (!controller.signal.aborted) startTransition(() => setLoaded({ key, data: null, error }));
      },
    );
    return () => controller.abort();
    // `load` is rebuilt every render; `key` names everything it reads, and
    // `loaded` matters only on the first run (the server's answer).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const current = loaded?.key === key ? loaded : null;
  return {
    loading: current === null,
    error: current?.error ?? null,
    data: current?.data ?? (loaded?.error === null ? loaded.data : null),
    /** Loads the same key again (after a delete, or "try again"). */
    reload: () => setReloads((count) => count + 1),
  };
}
