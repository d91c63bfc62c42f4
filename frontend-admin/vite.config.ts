/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type ProxyOptions } from 'vite'

// The API server the dev server proxies to (`lendingd serve` listens here by default).
const apiTarget = process.env.API_TARGET ?? 'http://127.0.0.1:8080'

const proxy: Record<string, ProxyOptions> = {
  '/api': {
    target: apiTarget,
    changeOrigin: true,
    ws: true,
    // The API accepts WebSockets only from its own origin (as when it serves this app at
    // /admin/ itself); the dev and preview servers are another origin, so present proxied
    // WebSocket handshakes as coming from the API's own.
    configure: (p) => p.on('proxyReqWs', (req) => req.setHeader('Origin', new URL(apiTarget).origin)),
  },
  '/healthz': { target: apiTarget, changeOrigin: true },
}

// https://vite.dev/config/
export default defineConfig({
  // The Go binary serves this app at /admin/ (the borrower app owns /).
  base: '/admin/',
  plugins: [react()],
  resolve: {
    // Keep in sync with tsconfig.app.json "paths".
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // Code both web apps use lives in the borrower app's shared/ folder (see its README).
      '@shared': fileURLToPath(new URL('../frontend-user/shared', import.meta.url)),
      '@gen': fileURLToPath(new URL('../gen/ts', import.meta.url)),
    },
    // shared/ lives outside this app: make its bare imports resolve to this app's node_modules,
    // or a second copy of React, Mantine or the router (and their contexts) would load. Keep in
    // sync with the matching "paths" in tsconfig.app.json.
    dedupe: [
      'react',
      'react-dom',
      '@tanstack/react-query',
      'openapi-fetch',
      'openapi-react-query',
      '@mantine/core',
      '@mantine/hooks',
      '@mantine/charts',
      '@mantine/dates',
      '@mantine/notifications',
      '@mantine/modals',
      '@mantine/form',
      '@tabler/icons-react',
      'recharts',
      'react-router',
      // tests (shared/testing and shared/**/*.test.*)
      'vitest',
      '@testing-library/react',
      '@testing-library/dom',
      '@testing-library/jest-dom',
      '@testing-library/user-event',
    ],
  },
  server: {
    port: 5174,
    fs: { allow: ['..'] },
    proxy,
  },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup.ts'],
    // The shared folder's own tests run here too, against this app's copies of its dependencies.
    include: ['src/**/*.test.{ts,tsx}', '../frontend-user/shared/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 15_000,
  },
})
