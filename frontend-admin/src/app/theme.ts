import { mergeThemeOverrides } from '@mantine/core'
import { theme as sharedTheme } from '@shared/ui/theme'

/** The shared theme, with tables in the smaller type of a dense back office. */
export const theme = mergeThemeOverrides(sharedTheme, {
  components: {
    Table: { defaultProps: { fz: 'sm' } },
  },
})
