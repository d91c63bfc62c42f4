/** Reading one loan, as both apps' loan pages do (the server decides whose loans a caller may see). */
import { saveBlob } from '../download'
import { useApi } from './context'

export function useLoan(id: string) {
  const { $api } = useApi()
  return $api.useQuery('get', '/loans/{id}', { params: { path: { id } } })
}

export function useLoanSchedule(id: string) {
  const { $api } = useApi()
  return $api.useQuery('get', '/loans/{id}/schedule', { params: { path: { id } } })
}

export function useLoanEvents(id: string) {
  const { $api } = useApi()
  return $api.useQuery('get', '/loans/{id}/events', { params: { path: { id } } })
}

/** GET /loans/{id}/contract as a blob and save it. Throws the problem (404 until rendered). */
export function useContractDownload() {
  const { client } = useApi()
  return async (id: string, number: string) => {
    const { data, error } = await client.GET('/loans/{id}/contract', { params: { path: { id } }, parseAs: 'blob' })
    if (!data) throw error
    saveBlob(data, `${number || 'loan'}-contract.pdf`)
  }
}
