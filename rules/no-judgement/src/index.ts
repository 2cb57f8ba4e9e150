import {defineRule} from '@blamelint/core'

// Skeleton: replace the empty check with the rule (see ../../shared/RULES.md).
export default defineRule({
  meta: {
    id: 'no-judgement',
    description: 'Flags judgements of character or competence ("careless", "negligent", "the culprit").',
    severity: 'error',
    recommended: true
  },
  check() {}
})
