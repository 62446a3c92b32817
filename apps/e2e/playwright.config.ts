import { defineConfig, devices } from '@playwright/test';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './src/support/chromium';

/**
 * Browser journeys against the whole platform, started exactly as the README's
 * start command starts it (minus the build, which the e2e target's dependsOn
 * already did). Chromium is Debian's (`apt-get install chromium`); Playwright
 * never downloads a browser here.
 */
const workspaceRoot = path.resolve(__dirname, '../..');
const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  testDir: './src',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['html', { open: 'never', outputFolder: './playwright-report' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
  },
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: 'node tools/platform/start.mjs --skip-build',
        cwd: workspaceRoot,
        url: `${baseURL}/healthz`,
        reuseExistingServer: !process.env.CI,
        timeout: 180_000,
        stdout: 'pipe',
        stderr: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
        // Every browser test signs up and logs in from 127.0.0.1: per-IP limits
        // meant for the internet would trip on the second run within an hour.
        env: {
          RATE_LIMIT_SIGNUP_PER_IP_PER_HOUR: '10000',
          RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '10000',
          RATE_LIMIT_POINTS: '100000',
          // Mock-interview rounds of 90 s (instead of half the session): interview.spec.ts
          // sees round two time out by itself; feedback.spec.ts ends the rounds with
          // End round. The shared-room journeys ask for pair practice.
          INTERVIEW_ROUND_SECONDS_OVERRIDE: '90',
        },
      },
});
