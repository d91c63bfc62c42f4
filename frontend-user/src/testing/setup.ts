import '@shared/testing/setup'
import { configure } from '@testing-library/react'

// Machines running several test suites at once are slow: give async queries room.
configure({ asyncUtilTimeout: 5_000 })
