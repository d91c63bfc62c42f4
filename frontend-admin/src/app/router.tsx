import { createBrowserRouter, type RouteObject } from 'react-router'
import { NotFound } from '@shared/ui/NotFound'
import { LoginPage } from '@/features/auth/components/LoginPage'
import { OverviewPage } from '@/features/overview/components/OverviewPage'
import { ApplicationsPage } from '@/features/loans/components/ApplicationsPage'
import { LoansPage } from '@/features/loans/components/LoansPage'
import { LoanDetailPage } from '@/features/loans/components/LoanDetailPage'
import { WithdrawalsPage } from '@/features/withdrawals/components/WithdrawalsPage'
import { UsersPage } from '@/features/users/components/UsersPage'
import { UserDetailPage } from '@/features/users/components/UserDetailPage'
import { TransactionsPage } from '@/features/transactions/components/TransactionsPage'
import { JobsPage } from '@/features/jobs/components/JobsPage'
import { NotificationsPage } from '@/features/notifications/components/NotificationsPage'
import { AppLayout } from './layout/AppLayout'
import { PublicOnly, RequireAdmin } from './routes/guards'
import { RouteErrorScreen } from './routes/CrashScreen'

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorScreen />,
    children: [
      {
        element: <PublicOnly />,
        children: [{ path: '/login', element: <LoginPage /> }],
      },
      {
        element: <RequireAdmin />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <OverviewPage /> },
              { path: 'applications', element: <ApplicationsPage /> },
              { path: 'loans', element: <LoansPage /> },
              { path: 'loans/:id', element: <LoanDetailPage /> },
              { path: 'withdrawals', element: <WithdrawalsPage /> },
              { path: 'users', element: <UsersPage /> },
              { path: 'users/:id', element: <UserDetailPage /> },
              { path: 'transactions', element: <TransactionsPage /> },
              { path: 'jobs', element: <JobsPage /> },
              { path: 'notifications', element: <NotificationsPage /> },
              { path: '*', element: <NotFound homeLabel="Go to the overview" /> },
            ],
          },
        ],
      },
    ],
  },
]

/** The app lives under /admin/ (Vite's base); the router works below it. */
export const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/'

export function createRouter() {
  return createBrowserRouter(routes, { basename })
}
