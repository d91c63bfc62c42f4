/**
 * The Playwright setup both apps share: the real server (`lendingd serve`, with its private
 * PostgreSQL in a fresh data folder per run) for the API, and the app's fresh production build
 * served by `vite preview`, which proxies /api (and the WebSocket) to it. Testing the fresh build
 * means a stale binary's embedded copy of the app can never be what passes.
 *
 * Each app's playwright.config.ts spreads `e2eConfig(...)` into its own defineConfig (which checks
 * it against Playwright's types) and adds its projects. Nothing here imports @playwright/test (see
 * ./support.ts for why), so the result's type is spelled out below.
 */
import { chmodSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface E2eOptions {
  /** Names the run's data folder: <tmp>/lending-e2e-<name>-<apiPort>. */
  name: string
  apiPort: number
  webPort: number
  /** Where the app is served: '/' or '/admin/'. */
  basePath: string
  /** Extra environment for `lendingd serve` (e.g. login throttling off). */
  serverEnv?: Record<string, string>
}

interface WebServer {
  command: string
  url: string
  env: Record<string, string>
  timeout: number
  reuseExistingServer: boolean
  stdout: 'ignore'
  stderr: 'pipe' | 'ignore'
  gracefulShutdown?: { signal: 'SIGTERM'; timeout: number }
}

export interface E2eConfig {
  testDir: string
  outputDir: string
  fullyParallel: boolean
  workers: number
  forbidOnly: boolean
  retries: number
  timeout: number
  expect: { timeout: number }
  reporter: [['list'], ['html', { outputFolder: string; open: 'never' }]]
  globalSetup: string
  use: {
    baseURL: string
    trace: 'retain-on-failure'
    screenshot: 'only-on-failure'
    video: 'off'
    launchOptions: { executablePath: string; args: string[] }
  }
  webServer: WebServer[]
}

export function e2eConfig({ name, apiPort, webPort, basePath, serverEnv = {} }: E2eOptions): E2eConfig {
  // One data folder per run, made once in the main process (workers inherit the env).
  if (!process.env.E2E_DATA_DIR) {
    const dir = join(tmpdir(), `lending-e2e-${name}-${apiPort}`)
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    // PostgreSQL runs as an unprivileged user when we are root: it must traverse this folder.
    chmodSync(dir, 0o755)
    process.env.E2E_DATA_DIR = dir
  }
  process.env.E2E_API_URL = `http://127.0.0.1:${apiPort}`
  const webUrl = `http://127.0.0.1:${webPort}${basePath}`

  return {
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
      baseURL: webUrl,
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
    webServer: [
      {
        command: `${process.env.E2E_SERVER_BIN ?? '../bin/lendingd'} serve`,
        url: `http://127.0.0.1:${apiPort}/healthz`,
        env: {
          HTTP_ADDR: `127.0.0.1:${apiPort}`,
          DATA_DIR: process.env.E2E_DATA_DIR!,
          BCRYPT_COST: '4',
          ...serverEnv,
        },
        timeout: 120_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        // The server logs every request as JSON on stderr: show it with E2E_VERBOSE=1.
        stderr: process.env.E2E_VERBOSE ? 'pipe' : 'ignore',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      },
      {
        command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${webPort} --strictPort`,
        url: webUrl,
        env: { API_TARGET: `http://127.0.0.1:${apiPort}` },
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        // vite preview reports every WebSocket a closing page drops: noise unless debugging.
        stderr: process.env.E2E_VERBOSE ? 'pipe' : 'ignore',
      },
    ],
  }
}
