import {defineRule, loadPhraseTable, reportPhrases} from '@blamelint/core'

const table = loadPhraseTable(new URL('../data/phrases.yml', import.meta.url))

export default defineRule({
  meta: {
    id: 'no-human-error',
    description: 'Flags "human error" and other labels that name a person as the cause.',
    severity: 'error',
    recommended: true
  },
  check(document, context) {
    reportPhrases(document, context, table)
  }
})
