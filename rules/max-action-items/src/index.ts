import {defineRule} from '@blamelint/core'

// Skeleton: replace the empty check with the rule (see ../../shared/RULES.md).
export default defineRule({
  meta: {
    id: 'max-action-items',
    description: 'Flags a document with more action items than a set limit.',
    severity: 'warning',
    recommended: true
  },
  check() {}
})
