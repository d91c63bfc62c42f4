import { useRouteError } from 'react-router'
import { CrashScreen as SharedCrashScreen } from '@shared/ui/CrashScreen'

export function CrashScreen({ error }: { error: unknown }) {
  return <SharedCrashScreen error={error} note="your money and loans are safe." homeLabel="Back to the dashboard" />
}

export function RouteErrorScreen() {
  const error = useRouteError()
  return <CrashScreen error={error} />
}
