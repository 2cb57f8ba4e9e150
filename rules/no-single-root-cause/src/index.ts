import {defineRule} from '@blamelint/core'

// Skeleton: replace the empty check with the rule (see ../../shared/RULES.md).
export default defineRule({
  meta: {
    id: 'no-single-root-cause',
    description: 'Suggests contributing factors instead of "the root cause".',
    severity: 'suggestion',
    recommended: true
  },
  check() {}
})
