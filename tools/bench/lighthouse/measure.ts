import type { Flags, Result } from 'lighthouse';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { calibratedCpuSlowdown } from './calibration';

/**
 * `mobile`: Lighthouse's default (Moto G Power emulation, simulated slow 4G,
 * 4× CPU slowdown). `mobile-calibrated`: the same, with the CPU slowdown
 * calibrated to this machine (calibration.ts). `desktop`: its desktop preset.
 */
export const PRESETS = ['mobile', 'mobile-calibrated', 'desktop'] as const;
export type Preset = (typeof PRESETS)[number];

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
  /** The CPU slowdown the run applied (4 for Lighthouse's mobile preset, calibrated or 1 otherwise). */
  cpuSlowdown: number;
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
    cpuSlowdown: lhr.configSettings.throttling.cpuSlowdownMultiplier ?? Number.NaN,
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

/** One Lighthouse run (performance category only) of a preset (PRESETS) in a fresh headless Chromium. */
export async function runLighthouse(options: RunOptions): Promise<Figures> {
  // Imported at run time, never through tsx's require hook: that transform
  // wraps functions in `__name(...)`, and Lighthouse evaluates some of its
  // functions in the page from their source text, where `__name` does not exist.
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const { throttling } = await import('lighthouse/core/config/constants.js');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: options.chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const flags: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    };
    if (options.preset === 'mobile-calibrated') {
      // Measured in this browser just before the run, so the factor follows the machine's load of the moment.
      const cpuSlowdownMultiplier = calibratedCpuSlowdown(await browserBenchmarkIndex(chrome.port));
      flags.throttling = { ...throttling.mobileSlow4G, cpuSlowdownMultiplier };
    }
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
  const { origin } = new URL(pageUrl);
  const cookies = header
    .split(';')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: `${origin}/`, path: '/' };
    });
  await withBrowserSession(port, (send) => send('Storage.setCookies', { cookies }));
}

/**
 * Lighthouse's own CPU benchmark (the page function it runs at the start of a
 * run), evaluated in a blank tab of this browser, closed afterwards.
 */
async function browserBenchmarkIndex(port: number): Promise<number> {
  const { pageFunctions } = await import('lighthouse/core/lib/page-functions.js');
  return withBrowserSession(port, async (send) => {
    const { targetId } = (await send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    try {
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      const evaluated = (await send(
        'Runtime.evaluate',
        { expression: `(${pageFunctions.computeBenchmarkIndex.toString()})()`, returnByValue: true },
        sessionId,
      )) as { result: { value?: unknown } };
      const index = Number(evaluated.result.value);
      if (!Number.isFinite(index)) throw new Error('the CPU benchmark returned no number');
      return index;
    } finally {
      await send('Target.closeTarget', { targetId });
    }
  });
}

type CdpSend = (method: string, params: Record<string, unknown>, sessionId?: string) => Promise<unknown>;

/** A DevTools protocol connection to the browser target for the length of `use`. */
async function withBrowserSession<T>(port: number, use: (send: CdpSend) => Promise<T>): Promise<T> {
  const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const socket = new WebSocket(version.webSocketDebuggerUrl);
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void; method: string }>();
  let nextId = 1;
  socket.on('message', (data: Buffer) => {
    const answer = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
    const call = answer.id === undefined ? undefined : pending.get(answer.id);
    if (!call || answer.id === undefined) return;
    pending.delete(answer.id);
    if (answer.error) call.reject(new Error(`${call.method}: ${answer.error.message}`));
    else call.resolve(answer.result);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const send: CdpSend = (method, params, sessionId) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject, method });
        socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      });
    return await use(send);
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
    cpuSlowdown: of((f) => f.cpuSlowdown),
    refreshStatus: runs.find((run) => run.refreshStatus !== 200)?.refreshStatus ?? runs[0]?.refreshStatus,
  };
}
