import {defineRule} from '@blamelint/core'

// Skeleton: replace the empty check with the rule (see ../../shared/RULES.md).
export default defineRule({
  meta: {
    id: 'action-item-actionable',
    description: 'Flags action items that start with a non-committal verb or have no verb.',
    severity: 'warning',
    recommended: true
  },
  check() {}
})
