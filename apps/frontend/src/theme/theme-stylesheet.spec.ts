import { readFileSync } from 'node:fs';
import path from 'node:path';
import { styleSheetsToCss, THEME_CSS_COMMAND, themeCssFile, themeStyleSheet } from './theme-stylesheet';

describe('the theme style sheet', () => {
  it('writes each selector of the sheets as one rule, custom properties kept and CSS properties in kebab case', () => {
    expect(styleSheetsToCss([{ ':root': { '--mui-spacing': '8px' } }, { '.dark': { colorScheme: 'dark', '--mui-x': 2 } }])).toBe(
      ':root{--mui-spacing:8px}\n.dark{color-scheme:dark;--mui-x:2}',
    );
  });

  it('refuses a nested rule rather than writing it wrong', () => {
    expect(() => styleSheetsToCss([{ ':root': { '@media (x)': { color: 'red' } } }])).toThrow(/not a plain value/);
  });

  it('holds both colour schemes of the theme: the variables MUI would otherwise generate in the browser', () => {
    expect(themeStyleSheet).toMatch(/^:root\{--mui-spacing:8px;--mui-shape-borderRadius:10px;/);
    expect(themeStyleSheet).toMatch(/:root, \.light\{color-scheme:light;[^}]*--mui-palette-primary-main:#4338ca;/);
    expect(themeStyleSheet).toMatch(/\.dark\{color-scheme:dark;[^}]*--mui-palette-primary-main:#a5b4fc;/);
    // The palette variables globals.css maps Tailwind's colours onto.
    for (const variable of ['--mui-palette-text-secondary', '--mui-palette-divider', '--mui-palette-error-main', '--mui-palette-TableCell-border']) {
      expect(themeStyleSheet).toContain(`${variable}:`);
    }
  });

  it('is what theme-variables.css holds (the file the root layout imports)', () => {
    const file = readFileSync(path.join(__dirname, 'theme-variables.css'), 'utf8');
    // A change to theme-options.ts needs the file written again; say how rather than print 21 KB of diff.
    if (file !== themeCssFile()) throw new Error(`theme-variables.css is out of date: run \`${THEME_CSS_COMMAND}\``);
  });
});
