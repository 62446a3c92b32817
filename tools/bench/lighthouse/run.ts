// Lighthouse benchmark (issue 14 item 5): performance of every public and
// signed-in page of the started platform, mobile (Lighthouse's default
// emulation, simulated throttling; and the same with the CPU slowdown
// calibrated to this machine, calibration.ts) and desktop, next to a floor
// measured in the same run: the same server-rendered HTML with all its scripts
// removed.
//
//   npm run bench:lighthouse                                    against http://127.0.0.1:3000
//   BENCH_BASE_URL=http://127.0.0.1:3100 npm run bench:lighthouse
//   BENCH_BASE_URL=http://127.0.0.1:3100,http://127.0.0.1:3101 npm run bench:lighthouse   two builds, same rounds
//   BENCH_RUNS=3 npm run bench:lighthouse                       median of 3 runs per page (default 1)
//   BENCH_PRESETS=mobile BENCH_PAGES=/,/match npm run bench:lighthouse   a subset (page labels as printed)
//   BENCH_PRESETS=mobile,mobile-calibrated npm run bench:lighthouse   also mobile with the CPU slowdown calibrated (measure.ts)
//   BENCH_ADMIN=1 npm run bench:lighthouse                      also the admin pages (ADMIN_USERNAME / ADMIN_PASSWORD)
//   BENCH_LHR_DIR=/tmp/lhr npm run bench:lighthouse             keep every report (JSON) there
//
// Needs the platform started (npm start) and Chromium (CHROME_PATH, default
// /usr/bin/chromium). Loopback only. Signs up a throwaway student through the
// API, logs it in once per signed-in page load (a refresh token is good for
// one use), and deletes it at the end (also on error and Ctrl-C).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCleanup } from '../lib/cleanup';
import { envInt, progress, sleep } from '../lib/options';
import { printTable } from '../lib/table';
import { deleteAccount, logIn, signUpStudent, someQuestionSlug, type Credentials } from './accounts';
import { startFloorServer, type FloorServer } from './floor';
import { medianFigures, PRESETS as KNOWN_PRESETS, runLighthouse, type Figures, type Preset } from './measure';

/** One frontend, or several (builds to compare) measured page by page in the same rounds; the first serves the floor. */
const BASE_URLS = (process.env['BENCH_BASE_URL'] ?? 'http://127.0.0.1:3000')
  .split(',')
  .map((url) => url.trim().replace(/\/+$/, ''))
  .filter(Boolean);
const BASE_URL = BASE_URLS[0];
const RUNS = envInt('BENCH_RUNS', 1);
const PRESETS = (process.env['BENCH_PRESETS'] ?? 'mobile,desktop').split(',').map((p) => p.trim()) as Preset[];
/** Page labels (as printed, e.g. `/questions/[slug]`); every page when unset. */
const PAGE_FILTER = process.env['BENCH_PAGES']?.split(',').map((label) => label.trim()).filter(Boolean);
const WITH_ADMIN = process.env['BENCH_ADMIN'] === '1';
const LHR_DIR = process.env['BENCH_LHR_DIR'];
const CHROME_PATH = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
const ADMIN: Credentials = {
  identifier: process.env['ADMIN_USERNAME'] ?? 'admin',
  password: process.env['ADMIN_PASSWORD'] ?? 'peerprep-local-admin',
};
/** Issue 14's targets. */
const GOAL: Record<Preset, number> = { mobile: 90, 'mobile-calibrated': 90, desktop: 98 };

const say = progress('bench:lighthouse');

type Who = 'signed out' | 'student' | 'admin' | 'floor';

interface PageRun {
  label: string;
  path: string;
  who: Who;
}

function checkLoopback(url: string): void {
  const { hostname, protocol } = new URL(url);
  if (protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) {
    throw new Error(`BENCH_BASE_URL must be a loopback http URL, not ${url}`);
  }
}

function pagesToRun(slug: string): PageRun[] {
  const question = `/questions/${slug}`;
  const pages: PageRun[] = [
    { label: '/', path: '/', who: 'signed out' },
    { label: '/questions', path: '/questions', who: 'signed out' },
    { label: '/questions/[slug]', path: question, who: 'signed out' },
    { label: '/login', path: '/login', who: 'signed out' },
    { label: '/signup', path: '/signup', who: 'signed out' },
    { label: '/questions', path: '/questions', who: 'student' },
    { label: '/questions/[slug]', path: question, who: 'student' },
    { label: '/match', path: '/match', who: 'student' },
    { label: '/history', path: '/history', who: 'student' },
    { label: '/profile', path: '/profile', who: 'student' },
    { label: '/profile/password', path: '/profile/password', who: 'student' },
    ...(WITH_ADMIN
      ? ([
          { label: '/admin/questions', path: '/admin/questions', who: 'admin' },
          { label: '/admin/users', path: '/admin/users', who: 'admin' },
        ] satisfies PageRun[])
      : []),
    { label: '/ (no JS)', path: '/', who: 'floor' },
    { label: '/questions/[slug] (no JS)', path: question, who: 'floor' },
  ];
  return PAGE_FILTER ? pages.filter((page) => PAGE_FILTER.includes(page.label)) : pages;
}

/**
 * The platform's apps restart now and then (a page answers 500, a signed-in
 * load finds the gateway gone): such a run says nothing about the page, so it
 * is retried, up to three times, once the question list answers again.
 */
async function measureWithRetries(measure: () => Promise<Figures>): Promise<Figures> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await measure();
    } catch (error) {
      if (attempt >= 3) throw error;
      say(`run failed (${error instanceof Error ? error.message : String(error)}); retrying once the platform answers`);
      await waitForPlatform(BASE_URL);
    }
  }
}

async function waitForPlatform(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseUrl}/api/questions?page=1&pageSize=1`, { signal: AbortSignal.timeout(10_000) }).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) return;
    await sleep(5_000);
  }
  throw new Error(`the platform behind ${baseUrl} did not answer for five minutes`);
}

const secs = (value: number) => (Number.isFinite(value) ? `${(value / 1000).toFixed(2)} s` : 'n/a');
const msText = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');
const kb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(0)} KB` : 'n/a');

const targetsOf = (page: PageRun) => (page.who === 'floor' ? [BASE_URL] : BASE_URLS);
const resultKey = (preset: Preset, page: PageRun, base: string) => `${preset} ${page.who} ${page.label} ${base}`;

async function main(): Promise<void> {
  BASE_URLS.forEach(checkLoopback);
  if (!existsSync(CHROME_PATH)) throw new Error(`no Chromium at ${CHROME_PATH} (apt-get install -y chromium, or set CHROME_PATH)`);
  for (const preset of PRESETS) {
    if (!KNOWN_PRESETS.includes(preset)) throw new Error(`unknown preset ${preset} (known: ${KNOWN_PRESETS.join(', ')})`);
  }
  if (LHR_DIR) mkdirSync(LHR_DIR, { recursive: true });

  const cleanup = createCleanup(say);
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const results = new Map<string, Figures[]>();
  const loadBefore = os.loadavg()[0];
  let pages: PageRun[] = [];
  try {
    await waitForPlatform(BASE_URL);
    pages = pagesToRun(await someQuestionSlug(BASE_URL));
    let student: Credentials | undefined;
    if (pages.some((page) => page.who === 'student')) {
      const credentials = await signUpStudent(BASE_URL, runId);
      student = credentials;
      cleanup.add('delete the bench student', async () => {
        await waitForPlatform(BASE_URL);
        await deleteAccount(BASE_URL, credentials, say);
      });
      say(`signed up ${credentials.identifier}`);
    }
    let floor: FloorServer | undefined;
    const floorPaths = pages.filter((page) => page.who === 'floor').map((page) => page.path);
    if (floorPaths.length > 0) {
      const server = await startFloorServer(BASE_URL, floorPaths);
      floor = server;
      cleanup.add('stop the floor server', () => server.close());
      for (const floorPath of floorPaths) {
        if (server.scriptsLeft(floorPath) > 0) throw new Error(`floor copy of ${floorPath} still has scripts`);
      }
    }

    const total = PRESETS.length * RUNS * pages.reduce((sum, page) => sum + targetsOf(page).length, 0);
    let done = 0;
    // Rounds: every page once per round, so a burst of outside load is shared between pages.
    for (const preset of PRESETS) {
      for (let round = 1; round <= RUNS; round += 1) {
        for (const page of pages) {
          for (const base of targetsOf(page)) {
            done += 1;
            const key = resultKey(preset, page, base);
            const url = page.who === 'floor' && floor ? floor.urlFor(page.path) : `${base}${page.path}`;
            const saveAs = LHR_DIR
              ? path.join(LHR_DIR, `${preset}-${page.who.replace(' ', '-')}-${page.label.replace(/[^a-z0-9]+/gi, '_')}-${new URL(base).port}-${round}.json`)
              : undefined;
            say(`[${done}/${total}] ${key} (run ${round}/${RUNS})`);
            const figures = await measureWithRetries(async () => {
              let cookies: string | undefined;
              if (page.who === 'student' || page.who === 'admin') {
                const account = page.who === 'admin' ? ADMIN : student;
                if (!account) throw new Error('no account to sign in with');
                cookies = (await logIn(BASE_URL, account, say)).cookie;
              }
              const result = await runLighthouse({ url, preset, chromePath: CHROME_PATH, cookies, saveAs });
              if (cookies && result.refreshStatus !== 200) {
                throw new Error(`the page's session refresh answered ${result.refreshStatus ?? 'nothing'}, so it ran signed out`);
              }
              return result;
            });
            results.set(key, [...(results.get(key) ?? []), figures]);
          }
        }
      }
    }
    report(pages, results, loadBefore);
  } catch (error) {
    if (results.size > 0) {
      console.log('The run stopped early (see the error below); what it measured:');
      report(pages, results, loadBefore);
    }
    throw error;
  } finally {
    await cleanup.run();
  }
}

function report(pages: readonly PageRun[], results: ReadonlyMap<string, Figures[]>, loadBefore: number): void {
  console.log(`Lighthouse ${RUNS === 1 ? '(one run per page)' : `(median of ${RUNS} runs per page, each figure on its own)`} against ${BASE_URLS.join(', ')}`);
  console.log(`load average (1 min): ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after; ${os.availableParallelism()} CPUs`);
  for (const preset of PRESETS) {
    const rows: string[][] = [];
    let benchmark = Number.NaN;
    const slowdowns: number[] = [];
    for (const page of pages) {
      for (const base of targetsOf(page)) {
        const runs = results.get(resultKey(preset, page, base)) ?? [];
        if (runs.length === 0) continue;
        const m = medianFigures(runs);
        benchmark = m.benchmarkIndex;
        slowdowns.push(...runs.map((run) => run.cpuSlowdown));
        const pass = page.who === 'floor' ? '' : m.score >= GOAL[preset] ? ' ✓' : ' ✗';
        const scores = runs.map((run) => run.score);
        const spread = runs.length > 1 ? ` (${Math.min(...scores)}–${Math.max(...scores)})` : '';
        rows.push([
          page.label,
          page.who,
          ...(BASE_URLS.length > 1 ? [page.who === 'floor' ? '' : new URL(base).host] : []),
          `${m.score}${pass}${spread}`,
          secs(m.fcpMs),
          secs(m.lcpMs),
          msText(m.tbtMs),
          Number.isFinite(m.cls) ? m.cls.toFixed(3) : 'n/a',
          kb(m.jsBytes),
          kb(m.unusedJsBytes),
          kb(m.legacyJsBytes),
          m.topScript.name === '-' ? '-' : `${msText(m.topScript.ms)} ${m.topScript.name}`,
        ]);
      }
    }
    if (rows.length === 0) continue;
    const slowdown = slowdowns.length === 0 ? '' : `; CPU slowdown ${Math.min(...slowdowns).toFixed(1)}–${Math.max(...slowdowns).toFixed(1)}×`;
    console.log(`\n${preset} (goal ≥ ${GOAL[preset]}; Lighthouse CPU benchmark index ≈ ${Math.round(benchmark)}${slowdown})`);
    printTable(['page', 'as', ...(BASE_URLS.length > 1 ? ['frontend'] : []), 'perf', 'FCP', 'LCP', 'TBT', 'CLS', 'JS sent', 'unused JS', 'legacy JS', 'costliest script (main thread)'], rows);
  }
  console.log(
    '\nfloor: the same server-rendered HTML and CSS with every script removed, served from a loopback proxy in this run;' +
      ' no page can beat it. Costliest script: bootup-time (evaluate + parse/compile, CPU slowdown applied).',
  );
  if (PRESETS.includes('mobile-calibrated')) {
    console.log(
      'mobile-calibrated: the mobile preset with the CPU slowdown Lighthouse\'s throttling calculator gives for the' +
        ' benchmark index measured in the same browser just before each run (4× is meant for an index of about 1,500).',
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
