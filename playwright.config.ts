import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// The suite runs against a production build and local services only (scripts/test.sh starts them).
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// The virus-scanning journey runs against a second server with scanning on (scripts/test.sh).
const scanPort = Number(process.env.E2E_SCAN_PORT ?? port + 1);
const scanURL = `http://localhost:${scanPort}`;
// Debian's Chromium where it is installed (this machine cannot download Playwright's own build).
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/fixtures/global-setup.ts',
  forbidOnly: Boolean(process.env.CI),
  // On CI a test that fails once is run again and reported as "flaky" in the list, so timing
  // noise on a loaded 2-core machine is visible without blocking; a real failure fails twice.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? systemChromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  // E2E_EXTERNAL_SERVER=1: the app is already running on E2E_PORT, with MAIL_API_URL its mail
  // catcher's (test/start/run.sh runs the journey against `npm start` so).
  webServer: process.env.E2E_EXTERNAL_SERVER
    ? []
    : [
        {
          command: `node scripts/server.mjs --hostname localhost --port ${port}`,
          url: `${baseURL}/signin`,
          reuseExistingServer: false,
          timeout: 60_000,
          stdout: 'pipe',
          stderr: 'pipe',
          // The admin of the admin pages' specs (e2e/fixtures/admin.ts; with none listed, the first account would be).
          env: { APP_URL: baseURL, ADMIN_EMAILS: 'e2e-admin@handoff.test' },
        },
        {
          command: `node scripts/server.mjs --hostname localhost --port ${scanPort}`,
          url: `${scanURL}/signin`,
          reuseExistingServer: false,
          timeout: 60_000,
          stdout: 'pipe',
          stderr: 'pipe',
          // No timers here: both servers share one database, and links in emails carry the APP_URL of
          // the instance that sends them, so only the main server drains the outbox on its timer.
          env: { APP_URL: scanURL, CLAMAV_URL: process.env.TEST_CLAMAV_URL ?? '', BACKGROUND_JOBS: 'false' },
        },
      ],
});
