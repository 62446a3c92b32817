'use client';

import type { ReactNode } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { theme } from './theme';

export function AppThemeProvider({ children }: { children: ReactNode }) {
  return (
    // The CSS variables are in the page already (app/layout.tsx, theme-stylesheet.ts).
    <ThemeProvider theme={theme} defaultMode="system" disableStyleSheetGeneration>
      <CssBaseline enableColorScheme />
      {children}
    </ThemeProvider>
  );
}
