import {defineRule, findPhrases, isBoundary, loadPhraseTable, termRange, termsOf, wordText, type PhraseMatch} from '@blamelint/core'

const table = loadPhraseTable(new URL('../data/phrases.yml', import.meta.url))

/** Words that deny or set aside a single cause: "rarely a single root cause", "rather than the root cause". */
const setAside = new Set(['rarely', 'seldom', 'hardly', 'without', 'instead', 'rather', 'beyond', 'avoid', 'avoids', 'avoided', 'myth'])

/** How far back, in words, a negation still governs the phrase ("there is no such thing as the root cause"). */
const reach = 5

/** Whether a negation in the same clause, shortly before the phrase, denies it: "there was no single root cause". */
function isNegated(match: PhraseMatch): boolean {
  const range = termRange(match.sentence, match.nodes)
  if (!range) return false
  const terms = termsOf(match.sentence)
  for (let index = range[0] - 1; index >= 0 && index >= range[0] - reach; index--) {
    if (isBoundary(terms[index], terms[index + 1])) break
    if (terms[index].tags.has('Negative') || setAside.has(terms[index].normal)) return true
  }
  return false
}

/** A heading, or a table cell or paragraph that holds nothing but the phrase (a label): a title, not a claim. */
const isTitle = (match: PhraseMatch) =>
  match.sentence.block.kind === 'heading' || match.sentence.block.text.trim().replace(/[:*_.]+$/, '').length <= match.actual.length

const determiners = new Set(['our', 'their', 'its', 'this', 'that', 'my', 'your', 'his', 'her', 'a', 'an', 'the', 'one', 'no'])

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

export default defineRule({
  meta: {
    id: 'no-single-root-cause',
    description: 'Suggests contributing factors instead of "the root cause".',
    severity: 'suggestion',
    recommended: true
  },
  check(document, context) {
    let previous: PhraseMatch | undefined
    for (const match of findPhrases(document, table)) {
      // "The root cause was" matches two phrases; report it once.
      const overlaps = previous?.sentence === match.sentence && match.index < previous.index + previous.nodes.length
      if (overlaps || isTitle(match) || isNegated(match)) continue
      previous = match
      const {entry, actual} = match
      const initial = match.index === 0 && /^\p{Lu}/u.test(actual)
      // After "our" or "this" a replacement with its own article would not read.
      const before = match.sentence.node.children.slice(0, match.index).findLast((node) => node.type === 'WordNode')
      const determined = before !== undefined && determiners.has(wordText(before))
      context.report({
        node: match.nodes,
        message: (entry.message ?? table.message).replaceAll('{actual}', actual),
        actual,
        expected: determined ? undefined : entry.expected?.map((text) => (initial ? capitalise(text) : text)),
        note: entry.note ?? table.note
      })
    }
  }
})
