import {defineRule, findingOf, findPhrases, isMention, loadPhraseTable, reportNodes, wordText, type PhraseEntry, type PhraseTable, type Sentence} from '@blamelint/core'

interface Recurrence {
  happen: string[]
  undergo: string[]
  incident: string[]
  pointer: string[]
  window: number
}

type Table = PhraseTable & {
  declined: string[]
  declinedAfter: string[]
  preventVerbs: string[]
  bounded: string[]
  sameKind: string[]
  recurrence: Recurrence
}

const table = loadPhraseTable(new URL('../data/phrases.yml', import.meta.url)) as Table
for (const key of ['declined', 'declinedAfter', 'preventVerbs', 'bounded', 'sameKind'] as const) {
  if (!Array.isArray(table[key])) throw new Error(`data/phrases.yml: \`${key}\` must be a list of words`)
}
const {recurrence} = table
for (const key of ['happen', 'undergo', 'incident', 'pointer'] as const) {
  if (!Array.isArray(recurrence?.[key])) throw new Error(`data/phrases.yml: \`recurrence.${key}\` must be a list of words`)
}
const happen = new Set(recurrence.happen)
const undergo = new Set(recurrence.undergo)
const incident = new Set(recurrence.incident)
const pointer = new Set(recurrence.pointer)

type Node = Sentence['node']['children'][number]

/** Whether the word sequence `phrase` ("cannot promise") occurs in `words`. */
const contains = (words: string[], phrase: string) => {
  const parts = phrase.split(' ')
  return words.some((_, start) => parts.every((part, offset) => words[start + offset] === part))
}

/** A promise found in a sentence: node indexes `[first, end)` and the table entry it reports with. */
interface Pledge {
  sentence: Sentence
  first: number
  end: number
  entry: PhraseEntry
}

/** The sentence's words with their node indexes, split into clauses at punctuation. */
function clausesOf(sentence: Sentence): Array<Array<{text: string; at: number}>> {
  const clauses: Array<Array<{text: string; at: number}>> = [[]]
  sentence.node.children.forEach((node, at) => {
    if (node.type === 'WordNode') clauses[clauses.length - 1].push({text: wordText(node), at})
    else if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') clauses.push([])
  })
  return clauses
}

/**
 * "never"/"ever" with a verb of recurrence and "again" in one clause, in
 * either order: "never happens again", "prevent this from happening ever
 * again", "never have an incident like this again". A verb that takes the
 * incident as its object ("have", "see") counts only when the incident is
 * named before "again".
 */
function recurrences(source: string, sentence: Sentence): Pledge[] {
  const found: Pledge[] = []
  for (const words of clausesOf(sentence)) {
    words.forEach((word, again) => {
      if (word.text !== 'again') return
      let anchor = again - 1
      while (anchor >= 0 && again - anchor <= recurrence.window && !/^n?ever$/.test(words[anchor].text)) anchor--
      if (anchor < 0 || again - anchor > recurrence.window) return
      // "never happens again" has the verb between; "happening ever again" before "ever".
      const between = anchor + 1 < again ? words.slice(anchor + 1, again) : words.slice(Math.max(0, anchor - 3), anchor)
      const verb = between.findIndex((item) => happen.has(item.text))
      const object = between.findIndex((item) => undergo.has(item.text))
      const after = (index: number) => words.slice(index + 1, again).map((item) => item.text)
      const named = object !== -1 && (after(words.indexOf(between[object])).some((text) => incident.has(text)) || pointer.has(words[again - 1].text))
      if (verb === -1 && !named) return
      const first = Math.min(words[anchor].at, between[verb === -1 ? object : verb].at)
      found.push({sentence, first, end: word.at + 1, entry: recurrenceEntry})
    })
  }
  return found.filter((promise) => !isMention(source, sentence, nodesOf(promise)))
}

/** Recurrences report with the table's message. */
const recurrenceEntry: PhraseEntry = {phrases: []}

const nodesOf = (promise: Pledge): Node[] => promise.sentence.node.children.slice(promise.first, promise.end)

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
    const promises: Pledge[] = findPhrases(document, table)
      .filter((match) => match.entry.kind !== 'target' || !isBounded(match.sentence, match.index + match.nodes.length))
      .map((match) => ({sentence: match.sentence, first: match.index, end: match.index + match.nodes.length, entry: match.entry}))
    // Only sentences with "again" can hold a recurrence.
    for (const sentence of document.sentences) if (/\bagain\b/i.test(sentence.text)) promises.push(...recurrences(document.source, sentence))
    // "never ever happen again" is found twice ("never ever happen", "ever happen again"): report the union once.
    const merged: Pledge[] = []
    for (const promise of promises) {
      const other = merged.find((item) => item.sentence === promise.sentence && item.first < promise.end && promise.first < item.end)
      if (!other) merged.push({...promise})
      else Object.assign(other, {first: Math.min(other.first, promise.first), end: Math.max(other.end, promise.end)})
    }
    for (const promise of merged) {
      if (isDeclined(promise)) continue
      const nodes = promise.sentence.node.children.slice(reportStart(promise), promise.end)
      reportNodes(document, context, promise.sentence, nodes, findingOf(promise.entry, table))
    }
  }
})
