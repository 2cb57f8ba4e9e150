import {defineRule} from '@blamelint/core'

// Skeleton: replace the empty check with the rule (see ../../shared/RULES.md).
export default defineRule({
  meta: {
    id: 'no-hindsight',
    description: 'Flags hindsight judgements about others ("should have known", "it was obvious that").',
    severity: 'warning',
    recommended: true
  },
  check() {}
})
