import { describe, expect, it } from 'vitest'
import { fieldErrors, isProblem, problemKind, problemMessage, splitProblem, toProblem } from './problem'

const insufficient = {
  type: 'https://lending.example/problems/insufficient-funds',
  title: 'Insufficient funds',
  status: 422,
  detail: 'The available balance is 50.00 USD; 100.00 USD was requested.',
}

const validation = {
  type: 'https://lending.example/problems/validation',
  title: 'Validation failed',
  status: 422,
  errors: [
    { field: 'body.amount', message: 'must be at least 10000' },
    { field: 'term_months', message: 'must be at most 600' },
    { field: 'amount', message: 'second message for amount is ignored' },
    { field: 'nickname', message: 'is not allowed' },
  ],
}

describe('problem helpers', () => {
  it('recognises problems', () => {
    expect(isProblem(insufficient)).toBe(true)
    expect(isProblem({ title: 'x' })).toBe(false)
    expect(isProblem(null)).toBe(false)
  })

  it('turns anything into a readable message', () => {
    expect(problemMessage(insufficient)).toBe(insufficient.detail)
    expect(problemMessage({ type: 'about:blank', title: 'Not found', status: 404 })).toBe('Not found')
    expect(problemMessage(new TypeError('Failed to fetch'))).toMatch(/could not reach the server/i)
    expect(problemMessage(undefined)).toBe('Something went wrong')
    expect(problemMessage(validation)).toMatch(/^Validation failed: amount must be at least 10000/)
    expect(toProblem(new TypeError('x')).status).toBe(0)
  })

  it('maps field errors, normalising paths and renaming', () => {
    expect(fieldErrors(validation)).toEqual({
      amount: 'Must be at least 10000',
      term_months: 'Must be at most 600',
      nickname: 'Is not allowed',
    })
    expect(fieldErrors(validation, { term_months: 'term' })).toMatchObject({ term: 'Must be at most 600' })
    expect(fieldErrors(insufficient)).toEqual({})
  })

  it('splits errors between form fields and a form-level message', () => {
    const s = splitProblem(validation, ['amount', 'term'], { term_months: 'term' })
    expect(s.fields).toEqual({ amount: 'Must be at least 10000', term: 'Must be at most 600' })
    expect(s.message).toBe('Validation failed: nickname: Is not allowed')

    const all = splitProblem({ ...validation, errors: validation.errors.slice(0, 2) }, ['amount', 'term_months'])
    expect(all.message).toBeNull()

    const none = splitProblem(insufficient, ['amount'])
    expect(none.fields).toEqual({})
    expect(none.message).toBe(insufficient.detail)
  })

  it('extracts the problem kind', () => {
    expect(problemKind(insufficient)).toBe('insufficient-funds')
  })
})
