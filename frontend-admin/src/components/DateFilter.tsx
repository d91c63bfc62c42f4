import { DatePickerInput } from '@mantine/dates'
import { IconCalendar } from '@tabler/icons-react'

/** A calendar day for list filters ("YYYY-MM-DD", empty when cleared). */
export function DateFilter({ label, value, onChange, minDate, maxDate }: { label: string; value: string; onChange: (day: string) => void; minDate?: string; maxDate?: string }) {
  return (
    <DatePickerInput
      label={label}
      placeholder="Any day"
      value={value || null}
      onChange={(d) => onChange(d ? String(d).slice(0, 10) : '')}
      clearable
      valueFormat="MMM D, YYYY"
      leftSection={<IconCalendar size={16} />}
      minDate={minDate || undefined}
      maxDate={maxDate || undefined}
      w={170}
      popoverProps={{ withinPortal: true }}
    />
  )
}
