import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

/** A phone (the issue's 390 × 844) and the desktop every other spec uses. */
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 720 } as const;
const SCHEMES = ['light', 'dark'] as const;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Console errors and uncaught exceptions of one page, kept from the moment it
 * opens. Each audit checks (and empties) what piled up since the last one, so a
 * failure names the page that logged it.
 */
export class ConsoleWatch {
  private readonly errors: string[] = [];

  constructor(page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') {
        const { url } = message.location();
        this.errors.push(`console.error ${message.text()}${url ? ` (${url})` : ''}`);
      }
    });
    page.on('pageerror', (error) => this.errors.push(`pageerror ${error.message}`));
  }

  take(): string[] {
    return this.errors.splice(0);
  }
}

/** Watches `page`'s console from now on; `auditPage` finds the watch again by its page. */
const watches = new WeakMap<Page, ConsoleWatch>();
export function watchConsole(page: Page): Page {
  if (!watches.has(page)) watches.set(page, new ConsoleWatch(page));
  return page;
}

export interface AuditOptions {
  /** Visible once the page has finished loading what it shows. */
  ready: Locator;
  /** Audited and screenshot at phone size only (a state the desktop layout does not have, e.g. a room tab). */
  phoneOnly?: boolean;
}

/** Transitions would let axe read a colour half-way between the two schemes. */
const NO_TRANSITIONS = '*, *::before, *::after { transition: none !important; animation-duration: 0s !important; }';

async function useScheme(page: Page, colorScheme: (typeof SCHEMES)[number]) {
  await page.emulateMedia({ colorScheme });
  // InitColorSchemeScript and MUI follow the media query live: the class says it has switched.
  await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${colorScheme}\\b`));
}

/**
 * Checks the page as it is now, in light and dark, at phone size (and at
 * desktop size unless `phoneOnly`):
 * - at phone size, nothing scrolls sideways (`scrollWidth` within the
 *   viewport, scrollbar excluded);
 * - a full-page screenshot of each size and scheme is saved (test-results/…/screens);
 * - axe-core finds no serious or critical WCAG 2.1 A/AA violation;
 * - the console logged no error and no exception was thrown since the last audit.
 * Failures are soft, so one run lists every page at fault.
 */
export async function auditPage(page: Page, testInfo: TestInfo, name: string, { ready, phoneOnly = false }: AuditOptions) {
  await page.addStyleTag({ content: NO_TRANSITIONS });
  const sizes = phoneOnly ? [['phone', PHONE] as const] : ([['phone', PHONE], ['desktop', DESKTOP]] as const);
  for (const [sizeName, size] of sizes) {
    await page.setViewportSize(size);
    for (const scheme of SCHEMES) {
      await useScheme(page, scheme);
      await expect(ready).toBeVisible();
      const label = `${name} (${sizeName}, ${scheme})`;

      if (sizeName === 'phone') {
        const widths = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          innerWidth: window.innerWidth,
        }));
        expect.soft(widths.scrollWidth, `${label} scrolls sideways: ${JSON.stringify(widths)}`).toBeLessThanOrEqual(widths.clientWidth);
        expect.soft(widths.scrollWidth, `${label} is wider than the window`).toBeLessThanOrEqual(widths.innerWidth);
      }
      // From the top, the sticky header shows once, where it belongs.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: testInfo.outputPath('screens', `${name}-${sizeName}-${scheme}.png`), fullPage: true });

      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const blocking = results.violations
        .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
        .map((violation) => ({
          rule: violation.id,
          impact: violation.impact,
          help: violation.help,
          nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} :: ${node.failureSummary?.split('\n').slice(1).join(' ')}`),
        }));
      expect.soft(blocking, `${label} has serious or critical axe violations`).toEqual([]);
    }
  }
  await page.setViewportSize(DESKTOP);
  await useScheme(page, 'light');
  const errors = watches.get(page)?.take() ?? [];
  expect.soft(errors, `${name} logged console errors`).toEqual([]);
}
