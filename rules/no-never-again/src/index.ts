import {defineRule, findPhrases, loadPhraseTable, wordText, type PhraseMatch, type PhraseTable} from '@blamelint/core'

type Table = PhraseTable & {declined: string[]; preventVerbs: string[]}

const table = loadPhraseTable(new URL('../data/phrases.yml', import.meta.url)) as Table
for (const key of ['declined', 'preventVerbs'] as const) {
  if (!Array.isArray(table[key])) throw new Error(`data/phrases.yml: \`${key}\` must be a list of words`)
}

const isWord = (node: {type: string}) => node.type === 'WordNode'

/** Whether the word sequence `phrase` ("cannot promise") occurs in `words`. */
const contains = (words: string[], phrase: string) => {
  const parts = phrase.split(' ')
  return words.some((_, start) => parts.every((part, offset) => words[start + offset] === part))
}

/** The words of a sentence before a match, as nodes. */
const nodesBefore = (match: PhraseMatch) => match.sentence.node.children.slice(0, match.index).filter(isWord)

/**
 * Where the report starts: at the verb of "prevent this from ever happening
 * again", so the whole promise is shown, else at the match.
 */
function reportStart(match: PhraseMatch): number {
  const before = nodesBefore(match)
  const words = before.map(wordText)
  const fromAt = words.at(-1) === 'from' ? words.length - 1 : -1
  if (fromAt < 0) return match.nodes[0].position!.start.offset!
  for (let index = fromAt - 1; index >= Math.max(0, fromAt - 6); index--) {
    if (table.preventVerbs.includes(words[index])) return before[index].position!.start.offset!
  }
  return match.nodes[0].position!.start.offset!
}

export default defineRule({
  meta: {
    id: 'no-never-again',
    description: 'Flags promises that an incident can never recur ("this will never happen again").',
    severity: 'warning',
    recommended: true
  },
  check(document, context) {
    for (const match of findPhrases(document, table)) {
      const entry = match.entry
      const before = nodesBefore(match).map(wordText)
      if (table.declined.some((phrase) => contains(before, phrase))) continue
      const start = reportStart(match)
      const end = match.nodes[match.nodes.length - 1].position!.end.offset!
      const actual = document.source.slice(start, end)
      context.report({
        span: {start, end},
        actual,
        message: (entry.message ?? table.message).replaceAll('{actual}', actual),
        expected: entry.expected,
        note: entry.note ?? table.note
      })
    }
  }
})
