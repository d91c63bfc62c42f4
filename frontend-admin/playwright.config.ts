/** Browser tests against the real server and this app's fresh build at /admin/: see ../frontend-user/shared/e2e/playwright.base.ts. */
import { defineConfig, devices } from '@playwright/test'
import { e2eConfig } from '../frontend-user/shared/e2e/playwright.base'

export default defineConfig({
  ...e2eConfig({
    name: 'admin',
    apiPort: Number(process.env.E2E_API_PORT ?? 18282),
    webPort: Number(process.env.E2E_WEB_PORT ?? 18283),
    basePath: '/admin/',
    serverEnv: { LOGIN_MAX_FAILURES: '0' }, // many sign-ins from one address: no throttling
  }),
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 }, headless: true }, testIgnore: /mobile\.spec\.ts/ },
    { name: 'phone', use: { ...devices['Pixel 7'], headless: true }, testMatch: /mobile\.spec\.ts/ },
  ],
})
