import type { ReactElement } from 'react'
import { render } from '@testing-library/react'
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router'
import { createApiClient } from '@shared/api/client'
import { createMemoryTokenStore } from '@shared/api/tokenStore'
import { createQueryClient } from '@shared/react/queryClient'
import { AppProvider } from '@/app/provider'

export const TEST_BASE = 'http://localhost/api'

/** Renders routes inside the real providers, with an API client that talks to the mocked fetch. */
export function renderApp(
  routes: RouteObject[] | ReactElement,
  { path = '/', signedIn = true }: { path?: string; signedIn?: boolean } = {},
) {
  const tokens = createMemoryTokenStore(
    signedIn ? { accessToken: 'test-access', refreshToken: 'test-refresh', expiresAt: Date.now() + 15 * 60_000 } : null,
  )
  const api = createApiClient({ baseUrl: TEST_BASE, tokens, fetch: (r) => globalThis.fetch(r) })
  const queryClient = createQueryClient()
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } })
  const routeList: RouteObject[] = Array.isArray(routes) ? routes : [{ path: '*', element: routes }]
  const router = createMemoryRouter(routeList, { initialEntries: [path] })
  const utils = render(
    <AppProvider api={api} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  )
  return { ...utils, router, api, tokens, queryClient }
}
