import { createBrowserRouter, type RouteObject } from 'react-router'
import { NotFound } from '@shared/ui/NotFound'
import { LoadingState } from '@shared/ui/States'
import { LoginPage } from '@/features/auth/components/LoginPage'
import { RegisterPage } from '@/features/auth/components/RegisterPage'
import { DashboardPage } from '@/features/dashboard/components/DashboardPage'
import { AppLayout } from './layout/AppLayout'
import { PublicOnly, RequireAuth } from './routes/guards'
import { RouteErrorScreen } from './routes/CrashScreen'

// Pages beyond the dashboard load on demand (charts and date pickers stay out of the first load).
const page = <T,>(load: () => Promise<T>, pick: (m: T) => React.ComponentType) => async () => ({ Component: pick(await load()) })

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorScreen />,
    hydrateFallbackElement: <LoadingState minHeight={400} />,
    children: [
      {
        element: <PublicOnly />,
        children: [
          { path: '/login', element: <LoginPage /> },
          { path: '/register', element: <RegisterPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <DashboardPage /> },
              { path: 'loans', lazy: page(() => import('@/features/loans/components/LoansPage'), (m) => m.LoansPage) },
              { path: 'loans/new', lazy: page(() => import('@/features/loans/components/NewLoanPage'), (m) => m.NewLoanPage) },
              { path: 'loans/:id', lazy: page(() => import('@/features/loans/components/LoanDetailPage'), (m) => m.LoanDetailPage) },
              { path: 'wallet', lazy: page(() => import('@/features/wallet/components/WalletPage'), (m) => m.WalletPage) },
              { path: 'transactions', lazy: page(() => import('@/features/transactions/components/TransactionsPage'), (m) => m.TransactionsPage) },
              { path: 'notifications', lazy: page(() => import('@/features/notifications/components/NotificationsPage'), (m) => m.NotificationsPage) },
              { path: 'profile', lazy: page(() => import('@/features/profile/components/ProfilePage'), (m) => m.ProfilePage) },
              { path: '*', element: <NotFound homeLabel="Go to the dashboard" /> },
            ],
          },
        ],
      },
    ],
  },
]

export function createRouter() {
  return createBrowserRouter(routes)
}
