import { useRouteError } from 'react-router'
import { CrashScreen as SharedCrashScreen } from '@shared/ui/CrashScreen'

export function CrashScreen({ error }: { error: unknown }) {
  return <SharedCrashScreen error={error} note="nothing was changed by it." homeLabel="Back to the overview" />
}

export function RouteErrorScreen() {
  const error = useRouteError()
  return <CrashScreen error={error} />
}
