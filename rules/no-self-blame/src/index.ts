import {defineRule} from '@blamelint/core'

// Skeleton: replace the empty check with the rule (see ../../shared/RULES.md).
export default defineRule({
  meta: {
    id: 'no-self-blame',
    description: 'Flags first-person self-blame and counterfactuals ("I should have caught", "my fault").',
    severity: 'warning',
    recommended: true
  },
  check() {}
})
