import { Link } from 'react-router'
import { Button, Center, Stack, Text, Title } from '@mantine/core'

export function NotFound() {
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" ta="center">
        <Text fz={64} fw={800} c="indigo.2" lh={1}>
          404
        </Text>
        <Title order={2}>Page not found</Title>
        <Text c="dimmed">The page you are looking for does not exist or has moved.</Text>
        <Button component={Link} to="/">
          Go to the overview
        </Button>
      </Stack>
    </Center>
  )
}
