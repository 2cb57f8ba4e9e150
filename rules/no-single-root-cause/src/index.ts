import {defineRule, findingOf, findPhrases, loadPhraseTable, negatedBefore, reportNodes, sourceText, termRange, termsOf, wordNear, wordText, type PhraseMatch, type Sentence} from '@blamelint/core'

type SentenceContent = PhraseMatch['nodes'][number]

const lists = ['definite', 'indefinite', 'modifiers', 'singular', 'copulas', 'placeholders', 'denials', 'clauseOpeners'] as const
const table = loadPhraseTable(new URL('../data/phrases.yml', import.meta.url), {lists, kinds: ['root-cause']})
const words = Object.fromEntries(lists.map((key) => [key, new Set(table[key])])) as Record<(typeof lists)[number], Set<string>>

/** Whether a denial earlier in the same clause sets the phrase aside: "neither A nor B alone was the root cause". */
function isNegated(match: PhraseMatch): boolean {
  const range = termRange(match.sentence, match.nodes)
  return range !== undefined && negatedBefore(termsOf(match.sentence), range[0], {also: words.denials, stopAt: words.clauseOpeners})
}

const isWord = (node: SentenceContent) => node.type === 'WordNode'

/** A claim that the incident had one root cause: where it starts, and how it is made. */
interface Claim {
  start: number
  form: 'determined' | 'label' | 'copula'
}

/**
 * Whether "root cause" at `match` claims one cause, reading the words around
 * it: a definite or singular determiner ("the", "its", "a single"); else,
 * with no determiner, a copula ("Root cause was a race") or a label at the
 * start of the sentence followed by its value ("Root cause identified: a
 * full disk"). An indefinite "a root cause" or a bare label claims nothing.
 */
function claimOf(match: PhraseMatch): Claim | undefined {
  const siblings = match.sentence.node.children
  let start = match.index
  let single = false
  // Back over modifiers ("the underlying root cause"), then to the determiner; punctuation ends the phrase.
  const previous = (index: number) => {
    const at = wordNear(siblings, index, -1)
    return at === -1 ? undefined : at
  }
  let before = previous(start)
  while (before !== undefined && words.modifiers.has(wordText(siblings[before]))) {
    single ||= words.singular.has(wordText(siblings[before]))
    start = before
    before = previous(start)
  }
  const determiner = before === undefined ? undefined : wordText(siblings[before])
  if (determiner !== undefined && (words.definite.has(determiner) || /'s?$/.test(determiner))) return {start: before!, form: 'determined'}
  if (single) return {start: determiner === 'a' ? before! : start, form: 'determined'}
  if (determiner !== undefined && !/^\d/.test(determiner)) {
    // Only a copula can follow a bare "root cause" mid-sentence: "we found root cause was…".
    return isCopula(match) && !words.indefinite.has(determiner) ? {start, form: 'copula'} : undefined
  }
  // At the start of the sentence, or after a time stamp ("14:40 Root cause identified: …").
  const opening = siblings.slice(0, match.index).filter(isWord).every((node) => /^\d|^(am|pm|utc)$/.test(wordText(node)))
  if (!opening) return undefined
  if (isCopula(match)) return {start, form: 'copula'}
  return hasValue(match) ? {start, form: 'label'} : undefined
}

const following = (match: PhraseMatch) => match.sentence.node.children.slice(match.index + match.nodes.length)

/** "root cause was a race", not "root cause is unknown". */
function isCopula(match: PhraseMatch): boolean {
  const [verb, value] = following(match).filter(isWord).map(wordText)
  return verb !== undefined && words.copulas.has(verb) && value !== undefined && !words.placeholders.has(value)
}

/** A label followed by its value: "Root cause: a full disk", "Root cause identified — the chain…". */
function hasValue(match: PhraseMatch): boolean {
  const rest = following(match)
  const separator = rest.findIndex((node) => node.type === 'PunctuationNode' && /^[:–—-]$/.test(wordText(node)))
  if (separator === -1 || rest.slice(0, separator).filter(isWord).length > 3) return false
  const value = rest.slice(separator + 1).find(isWord)
  return value !== undefined && !words.placeholders.has(wordText(value))
}

/** A heading, or a table cell or paragraph that holds nothing but the phrase (a label): a title, not a claim. */
const isTitle = (sentence: Sentence, actual: string) =>
  sentence.block.kind === 'heading' || sentence.block.text.trim().replace(/[:*_.]+$/, '').length <= actual.length

/** Better wording for the claim, when one fits in place of the reported words. */
function suggestions(match: PhraseMatch, claim: Claim | undefined): string[] | undefined {
  const first = claim ? wordText(match.sentence.node.children[claim.start]) : ''
  return claim?.form === 'label' ? ['contributing factors'] : claim?.form === 'copula' ? ['a contributing factor'] : claim && first !== 'the' ? undefined : match.entry.expected
}

export default defineRule({
  meta: {
    id: 'no-single-root-cause',
    description: 'Suggests contributing factors instead of "the root cause".',
    severity: 'suggestion',
    recommended: true
  },
  check(document, context) {
    for (const match of findPhrases(document, table)) {
      const claim = match.entry.kind === 'root-cause' ? claimOf(match) : undefined
      if (match.entry.kind === 'root-cause' && !claim) continue
      const nodes = claim ? match.sentence.node.children.slice(claim.start, match.index + match.nodes.length) : match.nodes
      // A label with its value ("## Root cause: a full disk") claims even in a heading.
      if ((claim?.form !== 'label' && isTitle(match.sentence, sourceText(document, nodes))) || isNegated(match)) continue
      reportNodes(document, context, match.sentence, nodes, {...findingOf(match.entry, table), expected: suggestions(match, claim)})
    }
  }
})
