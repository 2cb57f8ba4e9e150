import {defineRule} from '@blamelint/core'

// Skeleton: replace the empty check with the rule (see ../../shared/RULES.md).
export default defineRule({
  meta: {
    id: 'outage-usage',
    description: 'Flags "outage" for impact that was not a full loss of service.',
    severity: 'warning',
    recommended: true
  },
  check() {}
})
