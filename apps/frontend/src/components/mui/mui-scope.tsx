'use client';

import { AppRouterCacheProvider } from '@mui/material-nextjs/v16-appRouter';
import { ThemeProvider } from '@mui/material/styles';
import { createContext, useContext, type ReactNode } from 'react';
import { theme } from '../../theme/theme';

const InsideScope = createContext(false);

/**
 * MUI's theme and emotion's style cache, around the parts of the site that
 * draw MUI components: the room, matching, the admin pages and an attempt's
 * page (their layouts), and the pieces other pages load on first use (menus,
 * dialogs, alerts, the topics combobox, the practice editor). Pages built on
 * plain elements (the landing page, the forms, the lists) never load MUI,
 * emotion or the theme's runtime: their colours and type come from the CSS
 * variables the root layout writes (theme-stylesheet.ts) and globals.css.
 *
 * Inside another scope it adds nothing, so a piece that wraps itself can be
 * used anywhere. A page whose MUI components are rendered on the server needs
 * the scope around them there (their styles are written into the HTML).
 */
export function MuiScope({ children }: { children: ReactNode }) {
  if (useContext(InsideScope)) return children;
  return (
    <InsideScope value>
      <AppRouterCacheProvider options={{ enableCssLayer: true }}>
        {/* The CSS variables are in the page already (app/layout.tsx, theme-stylesheet.ts). */}
        <ThemeProvider theme={theme} defaultMode="system" disableStyleSheetGeneration>
          {children}
        </ThemeProvider>
      </AppRouterCacheProvider>
    </InsideScope>
  );
}
