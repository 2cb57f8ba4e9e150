import {
  actionPhraseFields,
  defineRule,
  findActionPhrases,
  findRecurrences,
  loadPhraseTable,
  reportActionMatches,
  sourceText,
  uniteStretches,
  type ActionItem,
  type Document,
  type PhraseMatchOf,
  type Sentence,
  type Stretch
} from '@blamelint/core'

const table = loadPhraseTable(new URL('../data/phrases.yml', import.meta.url), {fields: actionPhraseFields, kinds: ['recurrence']})
const recurrence =
  table.entries.find((entry) => entry.kind === 'recurrence') ??
  fail('action-item-bounded/data/phrases.yml: an entry of kind `recurrence` words the message for "this never happens again"')

function fail(message: string): never {
  throw new Error(message)
}

type Match = PhraseMatchOf<typeof table> & {item: ActionItem}

const overlaps = (a: Stretch, b: Stretch) => a.sentence === b.sentence && a.first < b.end && b.first < a.end
const stretchOf = (match: Match): Stretch => ({sentence: match.sentence, first: match.index, end: match.index + match.nodes.length})

/**
 * The matches in action items: promises that the incident never recurs (as
 * no-never-again finds them, joined with this table's own), and the other
 * entries where no such promise covers them ("never" in "never happens
 * again" is the promise, not a habit).
 */
function matchesIn(document: Document): Match[] {
  const found = findActionPhrases(document, table)
  const itemOf = new Map<Sentence, ActionItem>()
  for (const item of document.actionItems) for (const sentence of item.sentences) if (!itemOf.has(sentence)) itemOf.set(sentence, item)
  const own = found.filter((match) => match.entry === recurrence)
  const promises = uniteStretches([...own.map(stretchOf), ...findRecurrences(document, [...itemOf.keys()])]).map(
    ({sentence, first, end}): Match => {
      const nodes = sentence.node.children.slice(first, end)
      return {entry: recurrence, sentence, nodes, actual: sourceText(document, nodes), index: first, item: itemOf.get(sentence)!}
    }
  )
  // By sentence: only a promise in the match's own sentence can cover it.
  const promisesIn = new Map<Sentence, Match[]>()
  for (const promise of promises) {
    const own = promisesIn.get(promise.sentence) ?? []
    own.push(promise)
    promisesIn.set(promise.sentence, own)
  }
  const others = found.filter(
    (match) => match.entry !== recurrence && !(promisesIn.get(match.sentence) ?? []).some((promise) => overlaps(stretchOf(promise), stretchOf(match)))
  )
  const order = new Map(document.actionItems.map((item, index) => [item, index]))
  const start = (match: Match) => match.nodes[0].position?.start.offset ?? 0
  return [...promises, ...others].sort((a, b) => order.get(a.item)! - order.get(b.item)! || start(a) - start(b))
}

export default defineRule({
  meta: {
    id: 'action-item-bounded',
    description: 'Flags action items that rely on people remembering or have no end ("be more careful").',
    severity: 'warning',
    recommended: true
  },
  check(document, context) {
    reportActionMatches(document, context, table, matchesIn(document), {firstPerItem: true})
  }
})
