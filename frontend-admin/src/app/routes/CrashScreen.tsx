import { Button, Center, Code, Stack, Text, Title } from '@mantine/core'
import { isRouteErrorResponse, useRouteError } from 'react-router'

export function CrashScreen({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : String(error)
  return (
    <Center mih="100vh" p="md">
      <Stack align="center" maw={520} ta="center">
        <Title order={2}>Something went wrong</Title>
        <Text c="dimmed">The page hit an unexpected error. Reloading usually helps; nothing was changed by it.</Text>
        <Code block maw="100%">
          {message}
        </Code>
        <Button onClick={() => window.location.assign(import.meta.env.BASE_URL)}>Back to the overview</Button>
      </Stack>
    </Center>
  )
}

export function RouteErrorScreen() {
  const error = useRouteError()
  return <CrashScreen error={error} />
}
