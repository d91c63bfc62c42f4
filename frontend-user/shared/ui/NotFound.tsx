import { Link } from 'react-router'
import { Button, Center, Stack, Text, Title } from '@mantine/core'

/** The catch-all route's page, with a button back to the app's home ("Go to the dashboard"). */
export function NotFound({ homeLabel }: { homeLabel: string }) {
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" ta="center">
        <Text fz={64} fw={800} c="indigo.2" lh={1}>
          404
        </Text>
        <Title order={2}>Page not found</Title>
        <Text c="dimmed">The page you are looking for does not exist or has moved.</Text>
        <Button component={Link} to="/">
          {homeLabel}
        </Button>
      </Stack>
    </Center>
  )
}
