import {defineRule, loadPhraseTable, reportPhrases} from '@blamelint/core'

const table = loadPhraseTable(new URL('../data/phrases.yml', import.meta.url))

export default defineRule({
  meta: {
    id: 'no-dramatic-language',
    description: 'Flags dramatic words ("disaster", "nightmare", "meltdown") that add heat but no information.',
    severity: 'warning',
    recommended: true
  },
  check(document, context) {
    reportPhrases(document, context, table)
  }
})
