import type { ReactNode } from 'react'
import type { QueryClient } from '@tanstack/react-query'
import type { ApiClient } from '@shared/api/client'
import { AppProviders } from '@shared/ui/AppProviders'
import { createAppApi } from '@/lib/api'
import { AuthProvider } from '@/lib/auth'
import { CrashScreen } from './routes/CrashScreen'
import { theme } from './theme'

/** Everything around the routes (see AppProviders); tests pass their own API client and query cache. */
export function AppProvider({
  children,
  api,
  queryClient,
  env,
}: {
  children: ReactNode
  api?: ApiClient
  queryClient?: QueryClient
  /** 'test' turns off Mantine's transitions and portals (component tests). */
  env?: 'default' | 'test'
}) {
  return (
    <AppProviders theme={theme} createApi={createAppApi} session={AuthProvider} crashScreen={CrashScreen} api={api} queryClient={queryClient} env={env}>
      {children}
    </AppProviders>
  )
}
