import { Text, type TextProps } from '@mantine/core'
import { formatMoney, type FormatMoneyOptions } from '../money'

interface MoneyProps extends TextProps, FormatMoneyOptions {
  value: number | null | undefined
  currency: string
  /** Colour credits green and debits red. */
  colored?: boolean
  component?: 'span' | 'p' | 'div'
}

/** An amount in minor units, formatted for the reader's locale. */
export function Money({ value, currency, colored, locale, signDisplay, currencyDisplay, compactZeros, component = 'span', ...rest }: MoneyProps) {
  const color = colored && value ? (value > 0 ? 'teal.7' : 'red.7') : undefined
  return (
    <Text component={component} inherit={rest.size === undefined} c={color} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} {...rest}>
      {formatMoney(value, currency, { locale, signDisplay, currencyDisplay, compactZeros })}
    </Text>
  )
}
