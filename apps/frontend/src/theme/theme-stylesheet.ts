import { createTheme } from '@mui/material/styles';
import { themeOptions } from './theme-options';

type Declarations = Record<string, unknown>;

const kebab = (property: string) => (property.startsWith('--') ? property : property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

/**
 * MUI's style sheets for the theme's CSS variables (`theme.generateStyleSheets()`:
 * one rule per selector, `:root`, `:root, .light`, `.dark`) as CSS text. The
 * sheets are flat; anything nested would need Emotion's compiler, so it is
 * refused rather than written wrong.
 */
export function styleSheetsToCss(sheets: readonly Record<string, unknown>[]): string {
  return sheets
    .flatMap((sheet) => Object.entries(sheet))
    .map(([selector, declarations]) => {
      const body = Object.entries(declarations as Declarations).map(([property, value]) => {
        if (typeof value !== 'string' && typeof value !== 'number') {
          throw new Error(`theme style sheet: ${selector} { ${property} } is not a plain value`);
        }
        return `${kebab(property)}:${value}`;
      });
      return `${selector}{${body.join(';')}}`;
    })
    .join('\n');
}

/**
 * The palette, type scale, shape and shadows as CSS variables, for both
 * colour schemes. MUI's ThemeProvider would otherwise build and insert this
 * (≈ 21 KB of CSS) in the browser; MuiScope's runs with
 * `disableStyleSheetGeneration`, and the pages without MUI components read
 * the variables through Tailwind (globals.css).
 */
export const themeStyleSheet = styleSheetsToCss(createTheme(themeOptions).generateStyleSheets());

/** The command that writes theme-variables.css again after a change to the theme's options. */
export const THEME_CSS_COMMAND = 'npm run theme:css';

/**
 * theme-variables.css, which the root layout imports: a static file rather
 * than a <style> the server writes into each page, so a page's HTML does not
 * carry it twice (the style element and React's payload) and the browser
 * caches it with the rest of the CSS. Its test fails when it is out of date.
 */
export function themeCssFile(): string {
  return `/* Generated from theme-options.ts by \`${THEME_CSS_COMMAND}\` (scripts/write-theme-css.ts): do not edit. */\n${themeStyleSheet}\n`;
}
