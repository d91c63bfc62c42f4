import { Button, Center, Stack, Text, Title } from '@mantine/core'
import { problemMessage } from '../problem'

/** Shown by the route guard when GET /auth/me failed for another reason than a 401. */
export function AccountLoadError({ error, onRetry, onSignOut }: { error: unknown; onRetry: () => void; onSignOut: () => void }) {
  return (
    <Center mih="80vh" p="md">
      <Stack align="center" ta="center" maw={460}>
        <Title order={3}>We could not load your account</Title>
        <Text c="dimmed">{problemMessage(error)}</Text>
        <Stack gap="xs">
          <Button onClick={onRetry}>Try again</Button>
          <Button variant="subtle" onClick={onSignOut}>
            Sign out
          </Button>
        </Stack>
      </Stack>
    </Center>
  )
}
