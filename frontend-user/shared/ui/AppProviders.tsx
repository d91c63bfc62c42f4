import { useState, type ComponentType, type ReactNode } from 'react'
import { MantineProvider, type MantineThemeOverride } from '@mantine/core'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { ApiClient } from '../api/client'
import { ApiProvider } from '../api/context'
import { createQueryClient } from '../react/queryClient'
import { ErrorBoundary } from './CrashScreen'

export interface AppProvidersProps {
  children: ReactNode
  theme: MantineThemeOverride
  /** Makes the app's API client (unless `api` is given). */
  createApi: () => ApiClient
  /** The app's session context (its AuthProvider): inside the API client, around modals and pages. */
  session: ComponentType<{ children: ReactNode }>
  /** Shown instead of everything when a render throws. */
  crashScreen: ComponentType<{ error: unknown }>
  /** Tests pass their own client (mocked fetch) and query cache. */
  api?: ApiClient
  queryClient?: QueryClient
  /** 'test' turns off Mantine's transitions and portals (component tests). */
  env?: 'default' | 'test'
}

/** Everything around an app's routes: theme, crash screen, query cache, API client, session, modals and toasts. */
export function AppProviders({ children, theme, createApi, session: Session, crashScreen, api, queryClient, env = 'default' }: AppProvidersProps) {
  const [client] = useState(() => api ?? createApi())
  const [qc] = useState(() => queryClient ?? createQueryClient())
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" env={env}>
      <ErrorBoundary fallback={crashScreen}>
        <QueryClientProvider client={qc}>
          <ApiProvider api={client}>
            <Session>
              <ModalsProvider>
                <Notifications position="top-right" limit={4} />
                {children}
              </ModalsProvider>
            </Session>
          </ApiProvider>
        </QueryClientProvider>
      </ErrorBoundary>
    </MantineProvider>
  )
}
