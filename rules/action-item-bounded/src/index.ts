import {defineRule, loadPhraseTable, reportActionPhrases} from '@blamelint/core'

const table = loadPhraseTable(new URL('../data/phrases.yml', import.meta.url))

export default defineRule({
  meta: {
    id: 'action-item-bounded',
    description: 'Flags action items that rely on people remembering or have no end ("be more careful").',
    severity: 'warning',
    recommended: true
  },
  check(document, context) {
    reportActionPhrases(document, context, table, {firstPerItem: true})
  }
})
