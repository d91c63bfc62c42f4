/**
 * Money helpers. Amounts travel as integers in minor units (cents) with an ISO 4217
 * currency code; nothing here ever stores money in a binary float.
 *
 * - `formatMoney(123456, 'USD')`      -> "$1,234.56"
 * - `parseMoney('1,234.56', 'USD')`   -> { ok: true, minor: 123456 }
 * - `minorToDecimal(123456, 'USD')`   -> "1234.56" (for pre-filling inputs)
 */

const digitsCache = new Map<string, number>()

/** Number of minor-unit digits of a currency (USD 2, JPY 0, BHD 3), from Intl. */
export function currencyDigits(currency: string): number {
  const code = currency.toUpperCase()
  let d = digitsCache.get(code)
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits ?? 2
    } catch {
      d = 2
    }
    digitsCache.set(code, d)
  }
  return d
}

/**
 * Exact decimal text of an integer amount of minor units: (-12345, 'USD') -> "-123.45".
 * Works on the digits, so it is exact for every safe integer.
 */
export function minorToDecimal(minor: number | bigint, currency: string): string {
  const digits = currencyDigits(currency)
  const big = BigInt(minor)
  const negative = big < 0n
  const abs = (negative ? -big : big).toString()
  if (digits === 0) return (negative ? '-' : '') + abs
  const padded = abs.padStart(digits + 1, '0')
  const int = padded.slice(0, padded.length - digits)
  const frac = padded.slice(padded.length - digits)
  return `${negative ? '-' : ''}${int}.${frac}`
}

export interface FormatMoneyOptions {
  /** BCP 47 locale; defaults to the browser's. */
  locale?: string
  /** e.g. 'always' to show "+$5.00" for credits, 'exceptZero', 'never'. */
  signDisplay?: Intl.NumberFormatOptions['signDisplay']
  /** 'narrowSymbol' ($), 'code' (USD) ... */
  currencyDisplay?: Intl.NumberFormatOptions['currencyDisplay']
  /** Drop the fraction when it is zero ("$1,200" instead of "$1,200.00"). */
  compactZeros?: boolean
}

const formatterCache = new Map<string, Intl.NumberFormat>()

function formatter(currency: string, o: FormatMoneyOptions): Intl.NumberFormat {
  const key = [o.locale ?? '', currency, o.signDisplay ?? '', o.currencyDisplay ?? '', o.compactZeros ? 1 : 0].join('|')
  let f = formatterCache.get(key)
  if (!f) {
    f = new Intl.NumberFormat(o.locale, {
      style: 'currency',
      currency,
      signDisplay: o.signDisplay,
      currencyDisplay: o.currencyDisplay,
      ...(o.compactZeros ? { trailingZeroDisplay: 'stripIfInteger' } : {}),
    } as Intl.NumberFormatOptions)
    formatterCache.set(key, f)
  }
  return f
}

/**
 * Formats an integer amount of minor units with Intl.NumberFormat. The amount is handed to
 * Intl as an exact decimal string (Intl.NumberFormat v3), so no float rounding is involved.
 */
export function formatMoney(
  minor: number | bigint | null | undefined,
  currency: string,
  options: FormatMoneyOptions = {},
): string {
  if (minor === null || minor === undefined) return '—'
  const decimal = minorToDecimal(minor, currency) as `${number}`
  return formatter(currency, options).format(decimal)
}

export type ParseMoneyError = 'empty' | 'invalid' | 'too_precise' | 'too_large' | 'negative'

export type ParseMoneyResult =
  | { ok: true; minor: number }
  | { ok: false; error: ParseMoneyError; message: string }

export interface ParseMoneyOptions {
  /** Locale whose decimal separator is accepted besides '.', e.g. 'de' makes "12,50" mean 12.50. */
  locale?: string
  /** Allow a leading minus sign. Off by default: amounts entered by people are positive. */
  allowNegative?: boolean
}

function decimalSeparator(locale?: string): string {
  try {
    return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.'
  } catch {
    return '.'
  }
}

/**
 * Parses decimal text typed by a person into integer minor units, without floats.
 * Accepts "1234", "1234.5", "1,234.56", "$ 1 234.56", "1_000". Grouping separators
 * (',', spaces, '_', apostrophes) are ignored unless ',' is the locale's decimal separator.
 * Rejects more fraction digits than the currency has (no silent rounding).
 */
export function parseMoney(text: string, currency: string, options: ParseMoneyOptions = {}): ParseMoneyResult {
  const digits = currencyDigits(currency)
  let s = (text ?? '').trim()
  if (s === '') return { ok: false, error: 'empty', message: 'Enter an amount' }

  let negative = false
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = true
    s = s.slice(1)
  }
  // Drop a currency symbol or code and spaces around it.
  s = s.replace(/^[^\d.,]+/, '').replace(/[^\d.,]+$/, '')

  const dec = decimalSeparator(options.locale)
  if (dec === ',') {
    // "1.234,56": '.' groups, ',' is decimal, unless the text only has a '.' (then it is decimal).
    if (s.includes(',')) s = s.replace(/[.\s'_\u00a0\u202f]/g, '').replace(',', '.')
  }
  s = s.replace(/[,\s'_\u00a0\u202f]/g, '')

  const m = /^(\d*)(?:\.(\d*))?$/.exec(s)
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) {
    return { ok: false, error: 'invalid', message: 'Enter a number, e.g. 1250.00' }
  }
  const intPart = m[1] || '0'
  const fracPart = m[2] ?? ''
  if (fracPart.length > digits) {
    return {
      ok: false,
      error: 'too_precise',
      message: digits === 0 ? `${currency} has no fractional part` : `Use at most ${digits} decimal places`,
    }
  }
  if (negative && !options.allowNegative) {
    return { ok: false, error: 'negative', message: 'The amount must be positive' }
  }
  const minorBig = BigInt(intPart) * 10n ** BigInt(digits) + BigInt(fracPart.padEnd(digits, '0') || '0')
  if (minorBig > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, error: 'too_large', message: 'The amount is too large' }
  }
  const minor = Number(minorBig)
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor }
}

/** Formats basis points as a percentage: 400 -> "4.00%". */
export function formatRateBps(bps: number, locale?: string): string {
  const sign = bps < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(bps))
  const text = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}` as `${number}`
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 })
    .format((text + 'e-2') as `${number}`)
}
