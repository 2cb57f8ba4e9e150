import {defineRule} from '@blamelint/core'

// Skeleton: replace the empty check with the rule (see ../../shared/RULES.md).
export default defineRule({
  meta: {
    id: 'action-item-bounded',
    description: 'Flags action items that rely on people remembering or have no end ("be more careful").',
    severity: 'warning',
    recommended: true
  },
  check() {}
})
