import { styleSheetsToCss, themeStyleSheet } from './theme-stylesheet';

describe('the theme style sheet the server writes', () => {
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
});
