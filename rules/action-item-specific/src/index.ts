import {defineRule} from '@blamelint/core'

// Skeleton: replace the empty check with the rule (see ../../shared/RULES.md).
export default defineRule({
  meta: {
    id: 'action-item-specific',
    description: 'Flags action items with vague objects or goals ("fix the issue", "more monitoring").',
    severity: 'warning',
    recommended: true
  },
  check() {}
})
