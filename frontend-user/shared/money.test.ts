import { describe, expect, it } from 'vitest'
import { currencyDigits, formatMoney, formatRateBps, minorToDecimal, parseMoney } from './money'

describe('minorToDecimal', () => {
  it('places the decimal point by the currency digits', () => {
    expect(minorToDecimal(123456, 'USD')).toBe('1234.56')
    expect(minorToDecimal(5, 'USD')).toBe('0.05')
    expect(minorToDecimal(0, 'USD')).toBe('0.00')
    expect(minorToDecimal(-12345, 'USD')).toBe('-123.45')
    expect(minorToDecimal(1234, 'JPY')).toBe('1234')
    expect(minorToDecimal(1234, 'BHD')).toBe('1.234')
  })
  it('is exact for the largest safe integer', () => {
    expect(minorToDecimal(Number.MAX_SAFE_INTEGER, 'USD')).toBe('90071992547409.91')
  })
})

describe('currencyDigits', () => {
  it('reads minor units from Intl', () => {
    expect(currencyDigits('USD')).toBe(2)
    expect(currencyDigits('eur')).toBe(2)
    expect(currencyDigits('JPY')).toBe(0)
    expect(currencyDigits('KWD')).toBe(3)
  })
})

describe('formatMoney', () => {
  it('formats minor units with Intl', () => {
    expect(formatMoney(123456, 'USD', { locale: 'en-US' })).toBe('$1,234.56')
    expect(formatMoney(22579, 'USD', { locale: 'en-US' })).toBe('$225.79')
    expect(formatMoney(1, 'USD', { locale: 'en-US' })).toBe('$0.01')
    expect(formatMoney(1234, 'JPY', { locale: 'en-US' })).toBe('¥1,234')
    expect(formatMoney(123456, 'EUR', { locale: 'de-DE' })).toBe('1.234,56\u00a0€')
  })
  it('shows signs when asked and a dash for missing values', () => {
    expect(formatMoney(-500, 'USD', { locale: 'en-US' })).toBe('-$5.00')
    expect(formatMoney(500, 'USD', { locale: 'en-US', signDisplay: 'always' })).toBe('+$5.00')
    expect(formatMoney(null, 'USD')).toBe('—')
  })
  it('does not lose cents on large amounts (no float division)', () => {
    expect(formatMoney(9007199254740991, 'USD', { locale: 'en-US' })).toBe('$90,071,992,547,409.91')
    // 0.1 + 0.2 style pitfalls: 1.005 * 100 would be 100.49999 as a float.
    expect(formatMoney(1005, 'USD', { locale: 'en-US' })).toBe('$10.05')
  })
  it('can drop zero cents', () => {
    expect(formatMoney(120000, 'USD', { locale: 'en-US', compactZeros: true })).toBe('$1,200')
  })
})

describe('parseMoney', () => {
  const ok = (text: string, currency = 'USD', locale?: string) => {
    const r = parseMoney(text, currency, { locale })
    if (!r.ok) throw new Error(`${text}: ${r.message}`)
    return r.minor
  }
  it('parses decimal text into cents exactly', () => {
    expect(ok('1234.56')).toBe(123456)
    expect(ok('1,234.56')).toBe(123456)
    expect(ok('10000')).toBe(1000000)
    expect(ok('0.1')).toBe(10)
    expect(ok('.5')).toBe(50)
    expect(ok('1.')).toBe(100)
    expect(ok('1.005'.slice(0, 4))).toBe(100)
    expect(ok(' $ 1 000.05 ')).toBe(100005)
    expect(ok('1_000')).toBe(100000)
    expect(ok('4.35')).toBe(435) // 4.35 * 100 = 434.99999999999994 as a float
    expect(ok('1.15')).toBe(115)
  })
  it('honours the currency digits', () => {
    expect(ok('1234', 'JPY')).toBe(1234)
    expect(ok('1.234', 'KWD')).toBe(1234)
    const r = parseMoney('12.5', 'JPY')
    expect(r.ok).toBe(false)
  })
  it('accepts a comma decimal in comma locales', () => {
    expect(ok('12,50', 'EUR', 'de-DE')).toBe(1250)
    expect(ok('1.234,56', 'EUR', 'de-DE')).toBe(123456)
    expect(ok('12.50', 'EUR', 'de-DE')).toBe(1250)
  })
  it('explains what is wrong', () => {
    expect(parseMoney('', 'USD')).toMatchObject({ ok: false, error: 'empty' })
    expect(parseMoney('abc', 'USD')).toMatchObject({ ok: false, error: 'invalid' })
    expect(parseMoney('1.2.3', 'USD')).toMatchObject({ ok: false, error: 'invalid' })
    expect(parseMoney('1e5', 'USD')).toMatchObject({ ok: false, error: 'invalid' })
    expect(parseMoney('1.234', 'USD')).toMatchObject({ ok: false, error: 'too_precise' })
    expect(parseMoney('-5', 'USD')).toMatchObject({ ok: false, error: 'negative' })
    expect(parseMoney('99999999999999999', 'USD')).toMatchObject({ ok: false, error: 'too_large' })
    expect(parseMoney('-5', 'USD', { allowNegative: true })).toEqual({ ok: true, minor: -500 })
  })
  it('round-trips with minorToDecimal', () => {
    for (const n of [0, 1, 99, 100, 101, 123456789, 22579, 83791]) {
      expect(ok(minorToDecimal(n, 'USD'))).toBe(n)
    }
  })
})

describe('formatRateBps', () => {
  it('formats basis points', () => {
    expect(formatRateBps(400, 'en-US')).toBe('4.00%')
    expect(formatRateBps(1250, 'en-US')).toBe('12.50%')
    expect(formatRateBps(5, 'en-US')).toBe('0.05%')
  })
})
