import {defineRule} from '@blamelint/core'

// Skeleton: replace the empty check with the rule (see ../../shared/RULES.md).
export default defineRule({
  meta: {
    id: 'no-never-again',
    description: 'Flags promises that an incident can never recur ("this will never happen again").',
    severity: 'warning',
    recommended: true
  },
  check() {}
})
