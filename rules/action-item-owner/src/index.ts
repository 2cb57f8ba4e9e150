import {defineRule} from '@blamelint/core'

// Skeleton: replace the empty check with the rule (see ../../shared/RULES.md).
export default defineRule({
  meta: {
    id: 'action-item-owner',
    description: 'Flags action items with neither an owner nor a ticket.',
    severity: 'suggestion',
    recommended: true
  },
  check() {}
})
