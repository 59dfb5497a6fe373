import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Playwright loads this file in the runner and again in every worker. The runner makes the run's data
// directory and hands it down through the environment, so all of them agree on one fresh database.
const ownsDataDir = !process.env.E2E_DATA_DIR;
if (ownsDataDir) {
  process.env.E2E_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-e2e-'));
  const dataDir = process.env.E2E_DATA_DIR;
  // The server has been stopped by the time the runner exits; a kept directory would only fill /tmp.
  process.on('exit', () => {
    if (!process.env.E2E_KEEP_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  });
}

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    // Debian's Chromium (Playwright's own browser downloads are not available here), without the
    // /usr/bin/chromium wrapper: its default flags add GPU rasterization done in software, ~6 % of the run.
    executablePath: process.env.E2E_CHROMIUM ?? (fs.existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
};

export const DEMO_PASSWORD = 'e2e-demo-password';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // One 2-core machine runs the server, two browsers and the runner: a journey with a few sign-ins and
  // axe passes takes 20–50 s there. test.slow() triples it for the longest.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // The reading journeys check the demo magazine as seeded, so they run before the specs that publish,
  // rename sections or post into the same database.
  projects: [
    { name: 'reading', testMatch: /reading\.spec\.ts/, use: browser },
    { name: 'journeys', testIgnore: /(reading|operations)\.spec\.ts/, dependencies: ['reading'], use: browser },
    // Servers of their own (port E2E_PORT + 1), killed and restarted: last, reusing the build, alone on the machine.
    { name: 'operations', testMatch: /operations\.spec\.ts/, dependencies: ['journeys'], use: browser },
  ],
  webServer: {
    // `npm start` without npm: builds when the sources changed, then serves; the server migrates and
    // seeds the empty data directory before its first request.
    command: 'node scripts/start.mjs',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    // Build and request logs only when asked for (E2E_SERVER_LOG=1); errors always show.
    stdout: process.env.E2E_SERVER_LOG ? 'pipe' : 'ignore',
    stderr: 'pipe',
    // SIGTERM lets the server close PGlite and release its lock.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      SITE_URL: baseURL,
      DATA_DIR: process.env.E2E_DATA_DIR!,
      NODE_ENV: 'production',
      // Every demo account gets this password, so specs can sign in as any role (e2e/fixtures.ts).
      MASTHEAD_DEMO_PASSWORD: DEMO_PASSWORD,
      // As if behind a reverse proxy: each browser context says which client it is with X-Forwarded-For
      // (e2e/fixtures.ts newPerson), so tests running side by side do not share per-address limits.
      TRUST_PROXY: '1',
      // Embedded PGlite unless E2E_DATABASE_URL names a PostgreSQL database (which should be empty).
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
    },
  },
});
