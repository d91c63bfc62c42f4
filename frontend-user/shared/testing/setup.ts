/**
 * Vitest setup both apps load (their src/testing/setup.ts imports it): jest-dom matchers, the
 * browser APIs Mantine reads that jsdom lacks, and a clean slate after every test.
 */
import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { notifications } from '@mantine/notifications'

// Mantine reads matchMedia and ResizeObserver, which jsdom lacks.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  })
}
if (!('ResizeObserver' in window)) {
  class ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.assign(window, { ResizeObserver })
  Object.assign(globalThis, { ResizeObserver })
}
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  })
}
window.HTMLElement.prototype.scrollIntoView ??= function scrollIntoView() {}
Object.defineProperty(window, 'scrollTo', { writable: true, value: () => {} })
const { getComputedStyle } = window
window.getComputedStyle = (elt: Element, pseudo?: string | null) => getComputedStyle(elt, pseudo)

afterEach(() => {
  cleanup()
  notifications.clean() // the toast store is global: start each test without toasts
  localStorage.clear()
})
