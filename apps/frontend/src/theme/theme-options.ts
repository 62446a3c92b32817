import type { ThemeOptions } from '@mui/material/styles';

// MUI's typing for a theme with CSS variables (theme.vars, generateStyleSheets, the provider's options).
declare module '@mui/material/styles' {
  interface CssThemeVariables {
    enabled: true;
  }
}

/**
 * The theme's options, shared by the browser's theme (theme.ts, which adds
 * component defaults that need client code) and the server, which writes the
 * palette's CSS variables into the page once (theme-stylesheet.ts) so the
 * browser does not generate them on every load.
 *
 * MUI emits the palette as CSS variables (`--mui-palette-*`) under
 * `:root`/`.light` and `.dark`; globals.css maps Tailwind's colours onto the
 * same variables, so an MUI component and a Tailwind utility never disagree.
 * The `dark` class on <html> is set before paint by InitColorSchemeScript from
 * the system preference, and Tailwind's `dark:` variant keys off that class.
 */
export const themeOptions = {
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#4338ca', contrastText: '#ffffff' },
        secondary: { main: '#0f766e', contrastText: '#ffffff' },
        // MUI's default #ed6c02 is 3.1:1 on white: the "Medium" chip's text needs 4.5:1 (this is 5:1).
        warning: { main: '#b45309', contrastText: '#ffffff' },
        background: { default: '#f8fafc', paper: '#ffffff' },
        text: { primary: '#0f172a', secondary: '#475569' },
        divider: 'rgba(15, 23, 42, 0.12)',
      },
    },
    dark: {
      palette: {
        primary: { main: '#a5b4fc', contrastText: '#1e1b4b' },
        secondary: { main: '#5eead4', contrastText: '#042f2e' },
        background: { default: '#0b1020', paper: '#131a2e' },
        text: { primary: '#e2e8f0', secondary: '#a3b1c6' },
        divider: 'rgba(226, 232, 240, 0.14)',
      },
    },
  },
  // Defined once in globals.css (`--font-sans`), a system stack: no font download.
  typography: {
    fontFamily: 'var(--font-sans)',
    h1: { fontWeight: 800, letterSpacing: '-0.025em' },
    h2: { fontWeight: 700, letterSpacing: '-0.02em' },
    h3: { fontWeight: 700 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  shape: { borderRadius: 10 },
} satisfies ThemeOptions;
