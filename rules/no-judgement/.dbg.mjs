import {parseDocument, termsOf, findPhrases, termRange, loadPhraseTable, phraseAfter, phraseAround} from '@blamelint/core'
const table = loadPhraseTable(new URL('./data/judgements.yml', import.meta.url))
const {document} = parseDocument(process.argv[2])
for (const m of findPhrases(document, table)) { const t = termsOf(m.sentence); const r = termRange(m.sentence, m.nodes); const p = phraseAround(t, r); console.log(m.actual, m.entry.kind, r, p, phraseAfter(t, p[1]), t.map(x=>x.normal+'/'+[...x.tags].join(',')).join(' ')) }
