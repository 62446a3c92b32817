'use client';

import useMediaQuery from '@mui/material/useMediaQuery';

/** Below Tailwind's `md` (48rem): the same breakpoint as the `max-md:` / `md:` classes. */
export const COMPACT_LAYOUT_QUERY = '(width < 48rem)';

/**
 * Whether the window is phone-sized, for what CSS alone cannot switch (a
 * table or a card list, ARIA roles). Only for components that render in the
 * browser (after the session or their data loaded), so the first render
 * already knows the answer (`noSsr`).
 */
export function useCompactLayout(): boolean {
  return useMediaQuery(COMPACT_LAYOUT_QUERY, { noSsr: true });
}
