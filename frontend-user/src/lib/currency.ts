import { useApi } from './api'

/**
 * The deployment's currency, as the API reports it on the wallet (every amount-bearing
 * object carries it). Before the wallet has loaded, USD is assumed for parsing input only.
 */
export function useCurrency(): string {
  const { $api } = useApi()
  const wallet = $api.useQuery('get', '/wallet', {}, { staleTime: 5 * 60_000 })
  return wallet.data?.currency ?? 'USD'
}
