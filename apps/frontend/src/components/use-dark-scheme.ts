'use client';

import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

const isDark = () => document.documentElement.classList.contains('dark');

/**
 * Whether the page is in its dark scheme: the `dark` class on <html>, which
 * InitColorSchemeScript sets before the first paint and ColorSchemeSync (or
 * MUI's ThemeProvider, inside a MuiScope) keeps following the system. For
 * what CSS cannot style (Monaco's theme); browser-only components.
 */
export function useDarkScheme(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false);
}
