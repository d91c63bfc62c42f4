/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The API server the dev server proxies to (`lendingd serve` listens here by default).
const apiTarget = process.env.API_TARGET ?? 'http://127.0.0.1:8080'
// Keep the browser's Host header: the server's WebSocket handshake checks Origin against Host,
// as it would when the app and the API share an origin in production.
const apiProxy = { target: apiTarget, changeOrigin: false, ws: true }

// https://vite.dev/config/
export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    // Keep in sync with tsconfig.app.json "paths".
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@shared': fileURLToPath(new URL('./shared', import.meta.url)),
      '@gen': fileURLToPath(new URL('../gen/ts', import.meta.url)),
    },
    // shared/ is also imported by frontend-admin: always use this app's copy.
    dedupe: ['react', 'react-dom', '@tanstack/react-query', 'openapi-fetch', 'openapi-react-query'],
  },
  server: {
    port: 5173,
    fs: { allow: ['..'] },
    proxy: {
      '/api': apiProxy,
      '/healthz': { target: apiTarget },
    },
  },
  preview: {
    proxy: { '/api': apiProxy },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'shared/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 30_000,
  },
})
