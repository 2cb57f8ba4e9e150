import {defineRule} from '@blamelint/core'

// Skeleton: replace the empty check with the rule (see ../../shared/RULES.md).
export default defineRule({
  meta: {
    id: 'no-named-blame',
    description: 'Flags a named person tied to a failure ("Dylan forgot to…", "caused by @lee").',
    severity: 'error',
    recommended: true
  },
  check() {}
})
