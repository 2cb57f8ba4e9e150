// Promises that an incident never recurs: "this will never happen again",
// "keep it from recurring ever again", "we never want to see a failure like
// that again". no-never-again reports them in prose and action-item-bounded
// in action items; both find them here, so they agree on what a promise is.
// The words are in data/recurrence.yml.
import {loadWordLists} from './data.js'
import {isMention} from './mention.js'
import {checkPhrases, findPhrases, wordText, type PhraseTable} from './phrases.js'
import type {Document, Sentence} from './types.js'

const url = new URL('../data/recurrence.yml', import.meta.url)
const lists = loadWordLists(url, ['phrases', 'neverAgainFacts', 'happen', 'undergo', 'incident', 'pointer'])
const table: Pick<PhraseTable, 'entries'> = {entries: [{phrases: lists.phrases}, {phrases: ['never again'], unlessFollowedBy: lists.neverAgainFacts}]}
checkPhrases(table.entries, url)
const happen = new Set(lists.happen)
const undergo = new Set(lists.undergo)
const incident = new Set(lists.incident)
const pointer = new Set(lists.pointer)

/** How many words "never"/"ever" may sit from "again". */
const window = 8

/** A stretch of a sentence: node indexes `[first, end)` of `sentence.node.children`. */
export interface Stretch {
  sentence: Sentence
  first: number
  end: number
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
 * either order: "never happens again", "keep it from recurring ever again",
 * "never face a failure like that again". A verb that takes the
 * incident as its object ("face", "see") counts only when the incident is
 * named before "again".
 */
function clauseRecurrences(sentence: Sentence): Stretch[] {
  const found: Stretch[] = []
  for (const words of clausesOf(sentence)) {
    words.forEach((word, again) => {
      if (word.text !== 'again') return
      let anchor = again - 1
      while (anchor >= 0 && again - anchor <= window && !/^n?ever$/.test(words[anchor].text)) anchor--
      if (anchor < 0 || again - anchor > window) return
      // "never happens again" has the verb between; "recurring ever again" before "ever".
      const between = anchor + 1 < again ? words.slice(anchor + 1, again) : words.slice(Math.max(0, anchor - 3), anchor)
      const verb = between.findIndex((item) => happen.has(item.text))
      const object = between.findIndex((item) => undergo.has(item.text))
      const after = (index: number) => words.slice(index + 1, again).map((item) => item.text)
      const named = object !== -1 && (after(words.indexOf(between[object])).some((text) => incident.has(text)) || pointer.has(words[again - 1].text))
      if (verb === -1 && !named) return
      found.push({sentence, first: Math.min(words[anchor].at, between[verb === -1 ? object : verb].at), end: word.at + 1})
    })
  }
  return found
}

/**
 * Join stretches of a sentence that overlap ("never ever happen" and "ever
 * happen again" in "never ever happen again"), each joined one keeping the
 * other fields of the first.
 */
export function uniteStretches<Found extends Stretch>(stretches: Found[]): Found[] {
  const united: Found[] = []
  // By sentence: only stretches of one sentence can overlap, and a document may hold thousands.
  const bySentence = new Map<Sentence, Found[]>()
  for (const stretch of stretches) {
    const own = bySentence.get(stretch.sentence) ?? []
    const other = own.find((item) => item.first < stretch.end && stretch.first < item.end)
    if (other) {
      Object.assign(other, {first: Math.min(other.first, stretch.first), end: Math.max(other.end, stretch.end)})
      continue
    }
    const copy = {...stretch}
    united.push(copy)
    own.push(copy)
    bySentence.set(stretch.sentence, own)
  }
  return united
}

/** Promises in `sentences` that an incident never recurs, overlapping ones joined; quoted ones are mentions. */
export function findRecurrences(document: Document, sentences: Sentence[] = document.sentences): Stretch[] {
  const found: Stretch[] = findPhrases(document, table, sentences).map(({sentence, index, nodes}) => ({sentence, first: index, end: index + nodes.length}))
  // Only sentences with "again" can hold a recurrence clause.
  for (const sentence of sentences) {
    if (!/\bagain\b/i.test(sentence.text)) continue
    for (const stretch of clauseRecurrences(sentence)) {
      if (!isMention(document.source, sentence, sentence.node.children.slice(stretch.first, stretch.end))) found.push(stretch)
    }
  }
  return uniteStretches(found)
}
