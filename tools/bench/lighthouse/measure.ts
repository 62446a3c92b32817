import type { Flags, Result } from 'lighthouse';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';

export type Preset = 'mobile' | 'desktop';

/** Chromium as the browser tests run it, minus anything that talks to the outside. */
export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The figures of one Lighthouse run that the table shows. */
export interface Figures {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** JavaScript transferred (compressed bytes over the wire). */
  jsBytes: number;
  /** Lighthouse's own estimates of JS that could go: never run, and legacy polyfills/transforms. */
  unusedJsBytes: number;
  legacyJsBytes: number;
  /** Main-thread time (bootup-time: evaluate + parse/compile, CPU slowdown applied) of the costliest script. */
  topScript: { name: string; ms: number };
  /** Lighthouse's CPU benchmark of this machine during the run (higher is faster). */
  benchmarkIndex: number;
  /** Status of the page's own POST /api/auth/refresh (its session bootstrap), if it made one. */
  refreshStatus?: number;
}

interface AuditDetails {
  items?: Record<string, unknown>[];
  overallSavingsBytes?: number;
}

function details(lhr: Result, id: string): AuditDetails {
  return (lhr.audits[id]?.details ?? {}) as AuditDetails;
}

const numeric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;

/** `…/_next/static/chunks/0abc.js` → `0abc.js`; non-URL entries ("Other", "Unattributable") as they are. */
function scriptName(url: string): string {
  try {
    return path.basename(new URL(url).pathname) || url;
  } catch {
    return url;
  }
}

export function figuresOf(lhr: Result): Figures {
  const scripts = (details(lhr, 'bootup-time').items ?? [])
    .map((item) => ({ url: String(item['url']), ms: Number(item['total']) }))
    // Scripts only: the document's own row is parsing, style and layout, not a script.
    .filter((item) => item.url.startsWith('http') && item.url !== lhr.mainDocumentUrl && item.url !== lhr.finalDisplayedUrl)
    .sort((a, b) => b.ms - a.ms);
  const scriptRow = (details(lhr, 'resource-summary').items ?? []).find((item) => item['resourceType'] === 'script');
  return {
    score: Math.round((lhr.categories['performance']?.score ?? Number.NaN) * 100),
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    jsBytes: Number(scriptRow?.['transferSize'] ?? 0),
    unusedJsBytes: details(lhr, 'unused-javascript').overallSavingsBytes ?? 0,
    legacyJsBytes: details(lhr, 'legacy-javascript').overallSavingsBytes ?? 0,
    topScript: scripts[0] ? { name: scriptName(scripts[0].url), ms: scripts[0].ms } : { name: '-', ms: 0 },
    benchmarkIndex: lhr.environment.benchmarkIndex,
    refreshStatus: (details(lhr, 'network-requests').items ?? [])
      .filter((item) => String(item['url']).endsWith('/api/auth/refresh'))
      .map((item) => Number(item['statusCode']))[0],
  };
}

export interface RunOptions {
  url: string;
  preset: Preset;
  chromePath: string;
  /**
   * Cookies (`a=1; b=2`, as a Cookie header) put in the browser's jar before
   * the run, as a login leaves them: the page reads some of them (the session
   * hint), which a request header alone would hide from it.
   */
  cookies?: string;
  /** Keep the whole report (JSON) here. */
  saveAs?: string;
}

/**
 * One Lighthouse run (performance category only) in a fresh headless
 * Chromium: mobile is Lighthouse's default (Moto G Power emulation, simulated
 * slow 4G, 4× CPU slowdown), desktop its desktop preset.
 */
export async function runLighthouse(options: RunOptions): Promise<Figures> {
  // Imported at run time, never through tsx's require hook: that transform
  // wraps functions in `__name(...)`, and Lighthouse evaluates some of its
  // functions in the page from their source text, where `__name` does not exist.
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: options.chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const flags: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    };
    if (options.cookies) await setCookies(chrome.port, options.url, options.cookies);
    const result = await lighthouse(options.url, flags, options.preset === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error(`Lighthouse returned nothing for ${options.url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message} (${options.url})`);
    if (options.saveAs) writeFileSync(options.saveAs, JSON.stringify(lhr));
    return figuresOf(lhr);
  } finally {
    chrome.kill();
  }
}

/** Puts cookies in the browser's jar (DevTools protocol, browser target); Lighthouse keeps cookies between its passes. */
async function setCookies(port: number, pageUrl: string, header: string): Promise<void> {
  const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const { origin } = new URL(pageUrl);
  const cookies = header
    .split(';')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: `${origin}/`, path: '/' };
    });
  const socket = new WebSocket(version.webSocketDebuggerUrl);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('message', (data: Buffer) => {
        const answer = JSON.parse(data.toString()) as { error?: { message: string } };
        if (answer.error) reject(new Error(`Storage.setCookies: ${answer.error.message}`));
        else resolve();
      });
      socket.send(JSON.stringify({ id: 1, method: 'Storage.setCookies', params: { cookies } }));
    });
  } finally {
    socket.close();
  }
}

export function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median of each figure on its own across runs; the costliest script named as in most runs. */
export function medianFigures(runs: readonly Figures[]): Figures {
  const of = (pick: (figures: Figures) => number) => median(runs.map(pick));
  const names = runs.map((run) => run.topScript.name);
  const name = names.sort((a, b) => names.filter((n) => n === b).length - names.filter((n) => n === a).length)[0] ?? '-';
  return {
    score: of((f) => f.score),
    fcpMs: of((f) => f.fcpMs),
    lcpMs: of((f) => f.lcpMs),
    tbtMs: of((f) => f.tbtMs),
    cls: of((f) => f.cls),
    jsBytes: of((f) => f.jsBytes),
    unusedJsBytes: of((f) => f.unusedJsBytes),
    legacyJsBytes: of((f) => f.legacyJsBytes),
    topScript: { name, ms: of((f) => f.topScript.ms) },
    benchmarkIndex: of((f) => f.benchmarkIndex),
    refreshStatus: runs.find((run) => run.refreshStatus !== 200)?.refreshStatus ?? runs[0]?.refreshStatus,
  };
}
