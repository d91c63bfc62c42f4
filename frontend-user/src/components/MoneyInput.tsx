import { forwardRef } from 'react'
import { TextInput, type TextInputProps } from '@mantine/core'

function currencySymbol(currency: string): string {
  try {
    return (
      new Intl.NumberFormat(undefined, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
        .formatToParts(0)
        .find((p) => p.type === 'currency')?.value ?? currency
    )
  } catch {
    return currency
  }
}

/**
 * A text field for an amount typed as decimal text ("1250.50"). It keeps the text as typed;
 * callers convert with parseMoney() to integer minor units when submitting.
 */
export const MoneyInput = forwardRef<HTMLInputElement, TextInputProps & { currency: string }>(function MoneyInput(
  { currency, ...props },
  ref,
) {
  return (
    <TextInput
      ref={ref}
      inputMode="decimal"
      autoComplete="off"
      leftSection={<span aria-hidden="true">{currencySymbol(currency)}</span>}
      rightSection={<span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{currency}</span>}
      rightSectionWidth={44}
      placeholder="0.00"
      {...props}
    />
  )
})
