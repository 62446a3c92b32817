'use client';

import { useSyncExternalStore } from 'react';

/** Below Tailwind's `md` (48rem): the same breakpoint as the `max-md:` / `md:` classes. */
export const COMPACT_LAYOUT_QUERY = '(width < 48rem)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(COMPACT_LAYOUT_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const isCompact = () => window.matchMedia(COMPACT_LAYOUT_QUERY).matches;

/**
 * Whether the window is phone-sized, for what CSS alone cannot switch (a
 * table or a card list, ARIA roles). Only for components that render in the
 * browser (after the session or their data loaded), so the first render
 * already knows the answer: the "server" answer is the browser's too, as
 * MUI's `useMediaQuery(query, { noSsr: true })` did, without its theme runtime.
 */
export function useCompactLayout(): boolean {
  return useSyncExternalStore(subscribe, isCompact, () => (typeof window === 'undefined' ? false : isCompact()));
}
