/**
 * Browser tests against the real server: `lendingd serve` (with its private PostgreSQL in a
 * fresh data folder per run) for the API, and this app's fresh production build served by
 * `vite preview` at /admin/, which proxies /api (and the WebSocket) to it. Testing the fresh
 * build means a stale binary's embedded copy of the app can never be what passes.
 */
import { chmodSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'

const API_PORT = Number(process.env.E2E_API_PORT ?? 18282)
const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 18283)

// One data folder per run, made once in the main process (workers inherit the env).
if (!process.env.E2E_DATA_DIR) {
  const dir = join(tmpdir(), `lending-e2e-admin-${API_PORT}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  // PostgreSQL runs as an unprivileged user when we are root: it must traverse this folder.
  chmodSync(dir, 0o755)
  process.env.E2E_DATA_DIR = dir
}
process.env.E2E_API_URL = `http://127.0.0.1:${API_PORT}`

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}/admin/`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 }, headless: true }, testIgnore: /mobile\.spec\.ts/ },
    { name: 'phone', use: { ...devices['Pixel 7'], headless: true }, testMatch: /mobile\.spec\.ts/ },
  ],
  webServer: [
    {
      command: '../bin/lendingd serve',
      url: `http://127.0.0.1:${API_PORT}/healthz`,
      env: {
        HTTP_ADDR: `127.0.0.1:${API_PORT}`,
        DATA_DIR: process.env.E2E_DATA_DIR!,
        BCRYPT_COST: '4',
        LOGIN_MAX_FAILURES: '0',
      },
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    },
    {
      command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${WEB_PORT} --strictPort`,
      url: `http://127.0.0.1:${WEB_PORT}/admin/`,
      env: { API_TARGET: `http://127.0.0.1:${API_PORT}` },
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
