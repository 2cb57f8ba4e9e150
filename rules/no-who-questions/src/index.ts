import {defineRule} from '@blamelint/core'

// Skeleton: replace the empty check with the rule (see ../../shared/RULES.md).
export default defineRule({
  meta: {
    id: 'no-who-questions',
    description: 'Flags culprit-seeking questions ("Who pushed the button?").',
    severity: 'suggestion',
    recommended: true
  },
  check() {}
})
