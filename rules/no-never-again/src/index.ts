import {
  defineRule,
  findingOf,
  findPhrases,
  findRecurrences,
  loadPhraseTable,
  reportNodes,
  uniteStretches,
  wordText,
  type PhraseEntry,
  type Sentence,
  type Stretch
} from '@blamelint/core'

const table = loadPhraseTable(new URL('../data/phrases.yml', import.meta.url), {
  lists: ['declined', 'declinedAfter', 'preventVerbs', 'bounded', 'sameKind'],
  kinds: ['target']
})

type Node = Sentence['node']['children'][number]

/** Whether the word sequence `phrase` ("cannot promise") occurs in `words`. */
const contains = (words: string[], phrase: string) => {
  const parts = phrase.split(' ')
  return words.some((_, start) => parts.every((part, offset) => words[start + offset] === part))
}

/** A promise found in a sentence, with the table entry it reports with (none: the table's message). */
interface Pledge extends Stretch {
  entry?: PhraseEntry
}

/** "eliminate all incidents caused by expired certificates" is bounded; "… of this type" is not. */
function isBounded(sentence: Sentence, end: number): boolean {
  const following = sentence.node.children.slice(end).filter((node) => node.type === 'WordNode').map(wordText)
  return table.bounded.includes(following[0]) && !table.sameKind.some((phrase) => contains(following.slice(1, 1 + phrase.split(' ').length), phrase))
}

/**
 * Where the report starts: at the verb of "prevent this from ever happening
 * again", so the whole promise is shown, else at the promise.
 */
function reportStart({sentence, first}: Pledge): number {
  const before = sentence.node.children.slice(0, first).flatMap((node, at) => (node.type === 'WordNode' ? [{text: wordText(node), at}] : []))
  if (before.at(-1)?.text !== 'from') return first
  for (let index = before.length - 2; index >= Math.max(0, before.length - 7); index--) {
    if (table.preventVerbs.includes(before[index].text)) return before[index].at
  }
  return first
}

/** Whether the sentence declines the promise: "we cannot promise …", "… would not be honest". */
function isDeclined({sentence, first, end}: Pledge): boolean {
  const words = (nodes: Node[]) => nodes.filter((node) => node.type === 'WordNode').map(wordText)
  const siblings = sentence.node.children
  // A verdict on the promise sits in the same part of the sentence: up to a semicolon, colon or dash.
  const stop = siblings.findIndex((node, at) => at >= end && node.type === 'PunctuationNode' && /^[;:—–]$/.test(wordText(node)))
  const after = words(siblings.slice(end, stop === -1 ? undefined : stop))
  return table.declined.some((phrase) => contains(words(siblings.slice(0, first)), phrase)) || table.declinedAfter.some((phrase) => contains(after, phrase))
}

export default defineRule({
  meta: {
    id: 'no-never-again',
    description: 'Flags promises that an incident can never recur ("this will never happen again").',
    severity: 'warning',
    recommended: true
  },
  check(document, context) {
    const targets: Pledge[] = findPhrases(document, table)
      .filter((match) => !isBounded(match.sentence, match.index + match.nodes.length))
      .map((match) => ({sentence: match.sentence, first: match.index, end: match.index + match.nodes.length, entry: match.entry}))
    // A target that is also a recurrence ("never have another incident") is reported once, as the target.
    for (const promise of uniteStretches<Pledge>([...targets, ...findRecurrences(document)])) {
      if (isDeclined(promise)) continue
      const nodes = promise.sentence.node.children.slice(reportStart(promise), promise.end)
      reportNodes(document, context, promise.sentence, nodes, findingOf(promise.entry ?? {}, table))
    }
  }
})
