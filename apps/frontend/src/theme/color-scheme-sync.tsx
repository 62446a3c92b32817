'use client';

import { useEffect } from 'react';

/** Where MUI keeps a scheme chosen on the site rather than the system's (InitColorSchemeScript reads it too). */
const MODE_STORAGE_KEY = 'mui-mode';

function storedMode(): string | null {
  try {
    return window.localStorage.getItem(MODE_STORAGE_KEY);
  } catch {
    return null; // storage blocked: follow the system
  }
}

/**
 * Keeps <html>'s `light`/`dark` class following the system's scheme while a
 * page is open. InitColorSchemeScript sets it before the first paint; MUI's
 * ThemeProvider follows changes too, but only pages with a MuiScope load it.
 */
export function ColorSchemeSync() {
  useEffect(() => {
    const dark = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => {
      const mode = storedMode();
      if (mode === 'light' || mode === 'dark') return;
      const root = document.documentElement.classList;
      root.remove('light', 'dark');
      root.add(dark.matches ? 'dark' : 'light');
    };
    dark.addEventListener('change', follow);
    return () => dark.removeEventListener('change', follow);
  }, []);
  return null;
}
