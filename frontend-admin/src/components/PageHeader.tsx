import { PageHeader as SharedPageHeader, type PageHeaderProps } from '@shared/ui/PageHeader'

/** The shared page header; the browser tab reads "<title> · Lendwise Staff". */
export function PageHeader(props: Omit<PageHeaderProps, 'appName'>) {
  return <SharedPageHeader appName="Lendwise Staff" {...props} />
}
