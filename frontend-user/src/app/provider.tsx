import { Component, useState, type ErrorInfo, type ReactNode } from 'react'
import { MantineProvider } from '@mantine/core'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ApiClient } from '@shared/api/client'
import { toProblem } from '@shared/problem'
import { ApiProvider, createAppApi } from '@/lib/api'
import { AuthProvider } from '@/lib/auth'
import { theme } from './theme'
import { CrashScreen } from './routes/CrashScreen'

export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // Retry network hiccups and 5xx, never a client error.
        retry: (count, error) => {
          const s = toProblem(error).status
          return count < 2 && (s === 0 || s >= 500)
        },
      },
      mutations: { retry: false },
    },
    mutationCache: new MutationCache(),
  })
}

class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  state = { error: null as unknown }
  static getDerivedStateFromError(error: unknown) {
    return { error }
  }
  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Unhandled error', error, info.componentStack)
  }
  render() {
    if (this.state.error) return <CrashScreen error={this.state.error} />
    return this.props.children
  }
}

export function AppProvider({ children, api, queryClient }: { children: ReactNode; api?: ApiClient; queryClient?: QueryClient }) {
  const [client] = useState(() => api ?? createAppApi())
  const [qc] = useState(() => queryClient ?? createAppQueryClient())
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <ErrorBoundary>
        <QueryClientProvider client={qc}>
          <ApiProvider api={client}>
            <AuthProvider>
              <ModalsProvider>
                <Notifications position="top-right" limit={4} />
                {children}
              </ModalsProvider>
            </AuthProvider>
          </ApiProvider>
        </QueryClientProvider>
      </ErrorBoundary>
    </MantineProvider>
  )
}
