// The shared matcher for table-driven rules. A phrase table is data (YAML
// beside the rule); this module finds its phrases in sentences with
// `nlcst-search`, applies each entry's context conditions, skips mentions,
// and reports.
import type {Nodes, Root, SentenceContent} from 'nlcst'
import {normalize} from 'nlcst-normalize'
import {search as searchTree} from 'nlcst-search'
import {toString} from 'nlcst-to-string'
import {checkKeys, dataName, isFieldValue, isRecord, loadData, type FieldType, type FieldValue} from './data.js'
import {findingOf, reportNodes} from './findings.js'
import {isMention} from './mention.js'
import {SentenceMemo} from './memo.js'
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

/** The types of the fields every entry may have. */
const entryFields: Record<keyof PhraseEntry, FieldType> = {
  phrases: 'string[]',
  message: 'string',
  expected: 'string[]',
  note: 'string',
  unlessFollowedBy: 'string[]',
  unlessPrecededBy: 'string[]',
  onlyFollowedBy: 'string[]',
  skipProperNoun: 'boolean',
  uppercase: 'boolean',
  window: 'number',
  kind: 'string'
}

/** A phrase table: defaults for every entry, then the entries. */
export interface PhraseTable<Entry extends PhraseEntry = PhraseEntry> {
  /** Default message; `{actual}` is replaced by the matched text. */
  message: string
  note?: string
  entries: Entry[]
}

/** What a rule's table holds besides the shared entry fields. */
export interface TableShape<List extends string, Fields extends Record<string, FieldType>, Kind extends string> {
  /** Word lists at the top level of the file, beside `entries`. */
  lists?: readonly List[]
  /** Entry fields the rule's code reads, with their types. */
  fields?: Fields
  /** The values `kind` may take. */
  kinds?: readonly Kind[]
}

/** An entry with a rule's own `fields` and kinds. */
export type EntryWith<Fields extends Record<string, FieldType>, Kind extends string = string> = Omit<PhraseEntry, 'kind'> & {
  kind?: Kind
} & {[Key in keyof Fields]?: FieldValue<Fields[Key]>}

/**
 * Read and validate a phrase table (YAML). `shape` declares the word lists
 * and entry fields the rule reads besides the shared ones; any other key is
 * an error, so that a misspelt condition cannot silently widen the matches.
 */
export function loadPhraseTable<
  const List extends string = never,
  const Fields extends Record<string, FieldType> = Record<never, FieldType>,
  const Kind extends string = string
>(url: URL, shape: TableShape<List, Fields, Kind> = {}): PhraseTable<EntryWith<Fields, Kind>> & Record<List, string[]> {
  const data = loadData(url)
  const where = dataName(url)
  if (!isRecord(data) || typeof data.message !== 'string' || !Array.isArray(data.entries)) {
    throw new Error(`${where}: a phrase table needs \`message\` and \`entries\``)
  }
  const lists = shape.lists ?? []
  checkKeys(data, ['message', 'note', 'entries', ...lists], where)
  if (data.note !== undefined && typeof data.note !== 'string') throw new Error(`${where}: \`note\` must be a string`)
  for (const list of lists) {
    if (!isFieldValue(data[list], 'string[]')) throw new Error(`${where}: \`${list}\` must be a list of strings`)
  }
  const fields: Record<string, FieldType> = {...entryFields, ...shape.fields}
  for (const entry of data.entries as unknown[]) {
    if (!isRecord(entry)) throw new Error(`${where}: an entry must be a mapping`)
    const label = JSON.stringify(entry.phrases)
    checkKeys(entry, Object.keys(fields), `${where} (${label})`)
    for (const [key, value] of Object.entries(entry)) {
      if (!isFieldValue(value, fields[key])) throw new Error(`${where}: \`${key}\` must be ${fields[key] === 'string[]' ? 'a list of strings' : `a ${fields[key]}`} (${label})`)
    }
    if (shape.kinds && entry.kind !== undefined && !shape.kinds.includes(entry.kind as Kind)) {
      throw new Error(`${where}: unknown kind \`${String(entry.kind)}\` (known: ${shape.kinds.join(', ')})`)
    }
  }
  checkPhrases(data.entries as PhraseEntry[], url)
  return data as unknown as PhraseTable<EntryWith<Fields, Kind>> & Record<List, string[]>
}

/** Throw unless every entry has phrases, each written normalised and listed once. */
export function checkPhrases(entries: PhraseEntry[], url: URL): void {
  const where = dataName(url)
  const seen = new Set<string>()
  for (const entry of entries) {
    if (!entry.phrases?.length) throw new Error(`${where}: an entry has no \`phrases\``)
    for (const phrase of entry.phrases) {
      const key = normalizePhrase(phrase)
      if (key !== phrase) throw new Error(`${where}: write \`${phrase}\` as \`${key}\` (lower case, single spaces)`)
      if (seen.has(key)) throw new Error(`${where}: \`${phrase}\` is listed twice`)
      seen.add(key)
    }
  }
}

function normalizePhrase(phrase: string): string {
  return phrase.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** Lower-cased words, with `’` as `'`. */
export const wordText = (node: SentenceContent) => toString(node).toLowerCase().replace(/’/g, "'")

export interface PhraseMatch<Entry extends PhraseEntry = PhraseEntry> {
  entry: Entry
  sentence: Sentence
  /** The matched nodes. */
  nodes: SentenceContent[]
  /** The matched text as written. */
  actual: string
  /** Index of the first matched node in the sentence. */
  index: number
}

/** The matches of a table: `PhraseMatchOf<typeof table>`. */
export type PhraseMatchOf<Table> = Table extends PhraseTable<infer Entry> ? PhraseMatch<Entry> : never

/** A match as node indexes in its sentence. */
interface Found {
  phrase: string
  index: number
  length: number
}

/**
 * Per table: its phrases, and the matches found by earlier lints per
 * sentence, so an editor re-linting after an edit only searches the blocks
 * that changed.
 */
const memo = new WeakMap<object, {byPhrase: Map<string, PhraseEntry>; filter: Prefilter; cache: SentenceMemo<Found[]>}>()

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
export function findPhrases<Entry extends PhraseEntry>(
  document: Document,
  table: Pick<PhraseTable<Entry>, 'entries'>,
  sentences: Sentence[] = document.sentences
): Array<PhraseMatch<Entry>> {
  let prepared = memo.get(table)
  if (!prepared) {
    const byPhrase = new Map<string, PhraseEntry>()
    for (const entry of table.entries) for (const phrase of entry.phrases) byPhrase.set(phrase, entry)
    memo.set(table, (prepared = {byPhrase, filter: prefilter([...byPhrase.keys()]), cache: new SentenceMemo()}))
  }
  const {byPhrase, filter, cache} = prepared
  const known = new Map<Sentence, Found[]>()
  for (const sentence of sentences) {
    const found = cache.get(sentence)
    if (found) known.set(sentence, found)
  }
  const missing = sentences.filter((sentence) => !known.has(sentence))
  if (missing.length > 0) {
    for (const [sentence, found] of search(document, missing, byPhrase, filter)) {
      known.set(sentence, found)
      cache.set(sentence, found)
    }
  }
  return sentences.flatMap((sentence) =>
    known.get(sentence)!.map(({phrase, index, length}) => {
      const nodes = sentence.node.children.slice(index, index + length)
      return {entry: byPhrase.get(phrase) as Entry, sentence, nodes, actual: toString(nodes), index}
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
export function reportPhrases<Entry extends PhraseEntry>(
  document: Document,
  context: RuleContext,
  table: PhraseTable<Entry>,
  accept?: (match: PhraseMatch<Entry>) => boolean
): void {
  for (const match of findPhrases(document, table)) {
    if (!accept || accept(match)) reportNodes(document, context, match.sentence, match.nodes, findingOf(match.entry, table))
  }
}
