import {defineRule} from '@blamelint/core'

// Skeleton: replace the empty check with the rule (see ../../shared/RULES.md).
export default defineRule({
  meta: {
    id: 'define-acronyms',
    description: 'Flags acronyms and jargon used without a definition.',
    severity: 'suggestion',
    recommended: true
  },
  check() {}
})
