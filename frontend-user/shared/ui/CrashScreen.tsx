import { Component, type ComponentType, type ErrorInfo, type ReactNode } from 'react'
import { Button, Center, Code, Stack, Text, Title } from '@mantine/core'
import { isRouteErrorResponse } from 'react-router'

/**
 * What a page that threw shows instead: the error, a reassuring `note` in the app's words and a
 * button (`homeLabel`) that reloads the app at its home.
 */
export function CrashScreen({ error, note, homeLabel }: { error: unknown; note: string; homeLabel: string }) {
  const message = error instanceof Error ? error.message : isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : String(error)
  return (
    <Center mih="100vh" p="md">
      <Stack align="center" maw={520} ta="center">
        <Title order={2}>Something went wrong</Title>
        <Text c="dimmed">The page hit an unexpected error. Reloading usually helps; {note}</Text>
        <Code block maw="100%">
          {message}
        </Code>
        <Button onClick={() => window.location.assign(import.meta.env.BASE_URL)}>{homeLabel}</Button>
      </Stack>
    </Center>
  )
}

/** Catches what a render throws outside the router's own error handling and shows `fallback`. */
export class ErrorBoundary extends Component<{ fallback: ComponentType<{ error: unknown }>; children: ReactNode }, { error: unknown }> {
  state = { error: null as unknown }
  static getDerivedStateFromError(error: unknown) {
    return { error }
  }
  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Unhandled error', error, info.componentStack)
  }
  render() {
    const Fallback = this.props.fallback
    if (this.state.error) return <Fallback error={this.state.error} />
    return this.props.children
  }
}
