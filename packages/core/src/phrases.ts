// The shared matcher for table-driven rules. A phrase table is data (YAML
// beside the rule); this module finds its phrases in sentences with
// `nlcst-search`, applies each entry's context conditions, skips mentions,
// and reports.
import {LRUCache} from 'lru-cache'
import type {Nodes, Root, SentenceContent} from 'nlcst'
import {normalize} from 'nlcst-normalize'
import {search as searchTree} from 'nlcst-search'
import {toString} from 'nlcst-to-string'
import {loadData} from './data.js'
import {findingOf, reportNodes} from './findings.js'
import {isMention} from './mention.js'
import {paragraphKey} from './parse/paragraph.js'
import type {Document, RuleContext, Sentence} from './types.js'

/** One row of a phrase table. */
export interface PhraseEntry {
  /** Phrases to find, case-insensitive; `*` matches any one word. */
  phrases: string[]
  /** Message for this entry; `{actual}` is replaced by the matched text. */
  message?: string
  /** Better phrasings (`''` = remove). */
  expected?: string[]
  note?: string
  /** Skip when the next word is one of these (e.g. `disaster` + `recovery`). */
  unlessFollowedBy?: string[]
  /** Skip when the previous word is one of these. */
  unlessPrecededBy?: string[]
  /** Only match when the next word is one of these (within `window` words). */
  onlyFollowedBy?: string[]
  /** Skip when capitalised but not at the start of the sentence (a name: "Meltdown"). */
  skipProperNoun?: boolean
  /** Only match when written in capitals (the acronym PICNIC, not a picnic). */
  uppercase?: boolean
  /** How many following words `onlyFollowedBy` looks at (default 1). */
  window?: number
  /** A category the rule's own code interprets (e.g. which context check applies). */
  kind?: string
}

/** A phrase table: defaults for every entry, then the entries. */
export interface PhraseTable {
  /** Default message; `{actual}` is replaced by the matched text. */
  message: string
  note?: string
  entries: PhraseEntry[]
}

const listKeys = ['phrases', 'expected', 'unlessFollowedBy', 'unlessPrecededBy', 'onlyFollowedBy'] as const

/** Read and validate a phrase table (YAML). */
export function loadPhraseTable(url: URL): PhraseTable {
  const data = loadData(url) as PhraseTable
  const where = url.pathname
  if (!data || typeof data.message !== 'string' || !Array.isArray(data.entries)) {
    throw new Error(`${where}: a phrase table needs \`message\` and \`entries\``)
  }
  const seen = new Set<string>()
  for (const entry of data.entries) {
    for (const key of listKeys) {
      const value = entry[key]
      if (value !== undefined && !(Array.isArray(value) && value.every((item) => typeof item === 'string'))) {
        throw new Error(`${where}: \`${key}\` must be a list of strings (${JSON.stringify(entry.phrases)})`)
      }
    }
    if (!entry.phrases?.length) throw new Error(`${where}: an entry has no \`phrases\``)
    if (entry.kind !== undefined && typeof entry.kind !== 'string') throw new Error(`${where}: \`kind\` must be a string (${JSON.stringify(entry.phrases)})`)
    for (const phrase of entry.phrases) {
      const key = normalizePhrase(phrase)
      if (key !== phrase) throw new Error(`${where}: write \`${phrase}\` as \`${key}\` (lower case, single spaces)`)
      if (seen.has(key)) throw new Error(`${where}: \`${phrase}\` is listed twice`)
      seen.add(key)
    }
  }
  return data
}

function normalizePhrase(phrase: string): string {
  return phrase.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** Lower-cased words, with `’` as `'`. */
export const wordText = (node: SentenceContent) => toString(node).toLowerCase().replace(/’/g, "'")

export interface PhraseMatch {
  entry: PhraseEntry
  sentence: Sentence
  /** The matched nodes. */
  nodes: SentenceContent[]
  /** The matched text as written. */
  actual: string
  /** Index of the first matched node in the sentence. */
  index: number
}

/** A match as node indexes in its sentence. */
interface Found {
  phrase: string
  index: number
  length: number
}

/**
 * Matches found by earlier lints, per table, block paragraph (see
 * `paragraphKey`) and sentence, so an editor re-linting after an edit only
 * searches the blocks that changed.
 */
const memo = new WeakMap<PhraseTable, {byPhrase: Map<string, PhraseEntry>; filter: Prefilter; cache: LRUCache<string, Found[][]>}>()

/**
 * A table's phrases by one of their words (normalised as `nlcst-search`
 * does), each with its other words; `always` when a phrase is all wildcards.
 */
interface Prefilter {
  always: boolean
  byWord: Map<string, string[][]>
}

function prefilter(phrases: string[]): Prefilter {
  const byWord = new Map<string, string[][]>()
  let always = false
  for (const phrase of phrases) {
    const [anchor, ...rest] = phrase
      .split(' ')
      .filter((word) => word !== '*')
      .map((word) => normalize(word))
    if (anchor === undefined) always = true
    else byWord.set(anchor, [...(byWord.get(anchor) ?? []), rest])
  }
  return {always, byWord}
}

/** Each sentence's normalised words, computed once for all tables. */
const sentenceWords = new WeakMap<Nodes, Set<string>>()

/**
 * Whether a sentence has every word of some phrase of the table. Walking the
 * tree costs `nlcst-search` far more than its match test, and few sentences
 * hold all the words of a phrase, so this cheap test decides which sentences
 * it needs to see; the matches are the same.
 */
function mayMatch(sentence: Sentence, filter: Prefilter): boolean {
  if (filter.always) return true
  let words = sentenceWords.get(sentence.node)
  if (!words) {
    words = new Set()
    for (const child of sentence.node.children) if (child.type === 'WordNode') words.add(normalize(child))
    sentenceWords.set(sentence.node, words)
  }
  for (const word of words) {
    if (filter.byWord.get(word)?.some((rest) => rest.every((other) => words.has(other)))) return true
  }
  return false
}

/**
 * Find a table's phrases in the document's sentences, skipping mentions and
 * entries whose conditions rule the match out.
 */
export function findPhrases(document: Document, table: PhraseTable, sentences: Sentence[] = document.sentences): PhraseMatch[] {
  let prepared = memo.get(table)
  if (!prepared) {
    const byPhrase = new Map<string, PhraseEntry>()
    for (const entry of table.entries) for (const phrase of entry.phrases) byPhrase.set(phrase, entry)
    memo.set(table, (prepared = {byPhrase, filter: prefilter([...byPhrase.keys()]), cache: new LRUCache({max: 5000})}))
  }
  const {byPhrase, filter, cache} = prepared
  const known = new Map<Sentence, Found[]>()
  for (const sentence of sentences) {
    const found = cache.get(paragraphKey(sentence.block.tree) ?? '')?.[sentence.block.tree.children.indexOf(sentence.node)]
    if (found) known.set(sentence, found)
  }
  const missing = sentences.filter((sentence) => !known.has(sentence))
  if (missing.length > 0) {
    for (const [sentence, found] of search(document, missing, byPhrase, filter)) {
      known.set(sentence, found)
      const key = paragraphKey(sentence.block.tree)
      if (key === undefined) continue
      const entry = cache.get(key) ?? []
      entry[sentence.block.tree.children.indexOf(sentence.node)] = found
      cache.set(key, entry)
    }
  }
  return sentences.flatMap((sentence) =>
    known.get(sentence)!.map(({phrase, index, length}) => {
      const nodes = sentence.node.children.slice(index, index + length)
      return {entry: byPhrase.get(phrase)!, sentence, nodes, actual: toString(nodes), index}
    })
  )
}

/** Matches per sentence. One `search` over all the sentences: it prepares the phrases on every call. */
function search(document: Document, sentences: Sentence[], byPhrase: Map<string, PhraseEntry>, filter: Prefilter): Map<Sentence, Found[]> {
  const found = new Map<Sentence, Found[]>(sentences.map((sentence) => [sentence, []]))
  const candidates = sentences.filter((sentence) => mayMatch(sentence, filter))
  if (candidates.length === 0) return found
  const bySentenceNode = new Map<Nodes, Sentence>(candidates.map((sentence) => [sentence.node, sentence]))
  const root = {type: 'RootNode', children: candidates.map((sentence) => sentence.node)} as unknown as Root
  searchTree(
    root,
    [...byPhrase.keys()],
    (nodes, index, parent, phrase) => {
      const sentence = bySentenceNode.get(parent)!
      if (!conditionsHold(byPhrase.get(phrase)!, sentence.node.children, index, index + nodes.length)) return
      if (isMention(document.source, sentence, nodes)) return
      found.get(sentence)!.push({phrase, index, length: nodes.length})
    },
    {allowLiterals: true}
  )
  for (const [sentence, list] of found) if (list.length > 1) found.set(sentence, outermost(list))
  return found
}

/**
 * When phrases overlap ("fat finger" in "fat fingers"), keep the longest:
 * drop each match inside a longer one. Sorted by start, longest first, a
 * match is inside another when an earlier one reaches as far (identical
 * ranges are kept together): linear after the sort, for sentences with
 * thousands of matches.
 */
function outermost(list: Found[]): Found[] {
  const sorted = [...list].sort((a, b) => a.index - b.index || b.length - a.length)
  const inside = new Set<Found>()
  let reach = -1
  for (let from = 0; from < sorted.length; ) {
    const {index, length} = sorted[from]
    let to = from
    while (to < sorted.length && sorted[to].index === index && sorted[to].length === length) to++
    if (index + length <= reach) for (let at = from; at < to; at++) inside.add(sorted[at])
    reach = Math.max(reach, index + length)
    from = to
  }
  return list.filter((match) => !inside.has(match))
}

/**
 * Up to `count` words next to a match: after it from `from` (step 1) or
 * before it (step -1). Only as far as needed, so that a long sentence with
 * many matches costs linear time.
 */
function wordsNear(siblings: SentenceContent[], from: number, step: 1 | -1, count: number): string[] {
  const words: string[] = []
  for (let index = from; index >= 0 && index < siblings.length && words.length < count; index += step) {
    if (siblings[index].type === 'WordNode') words.push(wordText(siblings[index]))
  }
  return words
}

function conditionsHold(entry: PhraseEntry, siblings: SentenceContent[], start: number, end: number): boolean {
  const following = wordsNear(siblings, end, 1, entry.onlyFollowedBy ? Math.max(entry.window ?? 1, 1) : 1)
  const previous = wordsNear(siblings, start - 1, -1, 1)[0]
  if (entry.unlessFollowedBy?.includes(following[0])) return false
  if (entry.unlessPrecededBy?.includes(previous)) return false
  if (entry.onlyFollowedBy && !following.slice(0, entry.window ?? 1).some((word) => entry.onlyFollowedBy!.includes(word))) {
    return false
  }
  if (entry.skipProperNoun && previous !== undefined && /^\p{Lu}/u.test(toString(siblings[start]))) return false
  if (entry.uppercase && /\p{Ll}/u.test(toString(siblings.slice(start, end)))) return false
  return true
}

/**
 * Report every match of a phrase table: the whole check of a table-driven
 * rule. `accept`, when given, decides per match (a rule's context check).
 */
export function reportPhrases(document: Document, context: RuleContext, table: PhraseTable, accept?: (match: PhraseMatch) => boolean): void {
  for (const match of findPhrases(document, table)) {
    if (!accept || accept(match)) reportNodes(document, context, match.sentence, match.nodes, findingOf(match.entry, table))
  }
}
