import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN_EMAIL, adminPassword, login } from './support'

/** Checks that the first admin exists and can log in before any test runs. */
export default async function globalSetup(): Promise<void> {
  const file = join(process.env.E2E_DATA_DIR!, 'admin-password.txt')
  for (let i = 0; i < 50 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 200))
  if (!existsSync(file)) throw new Error(`the server did not write ${file}`)
  await login(ADMIN_EMAIL, adminPassword())
}
