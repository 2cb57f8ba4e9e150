// The shared matcher for table-driven rules. A phrase table is data (YAML
// beside the rule); this module finds its phrases in sentences (matching as
// `nlcst-search` does), applies each entry's context conditions, skips
// mentions, and reports.
import type {Nodes, SentenceContent} from 'nlcst'
import {normalize} from 'nlcst-normalize'
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
  // Prepared now, at the rule's import, so that every table is in the
  // prefilter's index before the first sentence is tested (see `mayMatch`).
  prepare(data as unknown as PhraseTable)
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
const memo = new WeakMap<object, {byPhrase: Map<string, PhraseEntry>; matcher: Matcher; cache: SentenceMemo<Found[]>}>()

/** What searching `table` needs, made on first use. */
function prepare(table: Pick<PhraseTable, 'entries'>) {
  let prepared = memo.get(table)
  if (!prepared) {
    const byPhrase = new Map<string, PhraseEntry>()
    for (const entry of table.entries) for (const phrase of entry.phrases) byPhrase.set(phrase, entry)
    prepared = {byPhrase, matcher: matcherOf([...byPhrase.keys()]), cache: new SentenceMemo()}
    memo.set(table, prepared)
    register(prepared.matcher)
  }
  return prepared
}

/** A phrase as normalised words; `*` matches any one word. */
type PhraseWords = {phrase: string; words: string[]}

/**
 * A table's phrases by their first word (after those that start with `*`),
 * and by one word they must contain (their longest; `always` when a phrase
 * is all wildcards) with the others.
 */
export interface Matcher {
  byFirst: Map<string, PhraseWords[]>
  wildFirst: PhraseWords[]
  byAnchor: Map<string, string[][]>
  always: boolean
}

export function matcherOf(phrases: string[]): Matcher {
  const matcher: Matcher = {byFirst: new Map(), wildFirst: [], byAnchor: new Map(), always: false}
  for (const phrase of phrases) {
    const words = phrase.split(' ').map((word) => (word === '*' ? word : normalize(word)))
    const entry = {phrase, words}
    if (words[0] === '*') matcher.wildFirst.push(entry)
    else matcher.byFirst.set(words[0], [...(matcher.byFirst.get(words[0]) ?? []), entry])
    const needed = words.filter((word) => word !== '*')
    if (needed.length === 0) {
      matcher.always = true
      continue
    }
    // The anchor is the phrase's longest word, as a rare one: "careless", not "was".
    const at = needed.reduce((longest, word, index) => (word.length > needed[longest].length ? index : longest), 0)
    matcher.byAnchor.set(needed[at], [...(matcher.byAnchor.get(needed[at]) ?? []), needed.filter((_, index) => index !== at)])
  }
  // A word starts the phrases that start with `*` first, as in nlcst-search.
  for (const [word, entries] of matcher.byFirst) matcher.byFirst.set(word, [...matcher.wildFirst, ...entries])
  return matcher
}

/**
 * A sentence's children normalised as words (undefined for other nodes), the
 * set of its words, and the tables it may match (as of `registered`).
 */
interface SentenceWords {
  byChild: Array<string | undefined>
  set: Set<string>
  candidates?: Set<Matcher>
  registered?: number
}

/** Computed once per sentence for all tables. */
const sentenceWords = new WeakMap<Nodes, SentenceWords>()

function wordsOf(sentence: Sentence): SentenceWords {
  let words = sentenceWords.get(sentence.node)
  if (!words) {
    const byChild = sentence.node.children.map((child) => (child.type === 'WordNode' ? normalize(child) : undefined))
    words = {byChild, set: new Set(byChild.filter((word) => word !== undefined))}
    sentenceWords.set(sentence.node, words)
  }
  return words
}

/**
 * Every prepared table's phrases by their anchor, so that one pass over a
 * sentence's words finds all the tables it may match (a pass per table cost
 * twenty). `registered` counts the tables in it: a sentence's candidates
 * found before a table was added are found again, so tables are prepared
 * when they are loaded.
 */
const anchors = new Map<string, Array<{matcher: Matcher; rest: string[]}>>()
let registered = 0

function register(matcher: Matcher): void {
  for (const [anchor, rests] of matcher.byAnchor) {
    let list = anchors.get(anchor)
    if (!list) anchors.set(anchor, (list = []))
    for (const rest of rests) list.push({matcher, rest})
  }
  registered++
}

/**
 * Whether a sentence has every word of some phrase of the table. Few
 * sentences hold all the words of a phrase, so this cheap test decides
 * which sentences are searched (and cached) at all.
 */
function mayMatch(sentence: Sentence, matcher: Matcher): boolean {
  if (matcher.always) return true
  const words = wordsOf(sentence)
  if (words.registered !== registered) {
    const candidates = new Set<Matcher>()
    for (const word of words.set) {
      for (const {matcher: table, rest} of anchors.get(word) ?? []) {
        if (!candidates.has(table) && rest.every((other) => words.set.has(other))) candidates.add(table)
      }
    }
    words.candidates = candidates
    words.registered = registered
  }
  return words.candidates!.has(matcher)
}

/**
 * Find a table's phrases in the document's sentences, skipping mentions and
 * entries whose conditions rule the match out. Create each table once (as
 * `loadPhraseTable` at a module's top level): what is prepared to search it
 * is kept for the life of the process.
 */
export function findPhrases<Entry extends PhraseEntry>(
  document: Document,
  table: Pick<PhraseTable<Entry>, 'entries'>,
  sentences: Sentence[] = document.sentences
): Array<PhraseMatch<Entry>> {
  const {byPhrase, matcher, cache} = prepare(table)
  const matches: Array<PhraseMatch<Entry>> = []
  for (const sentence of sentences) {
    if (!mayMatch(sentence, matcher)) continue
    let found = cache.get(sentence)
    if (!found) {
      found = search(document, sentence, byPhrase, matcher)
      cache.set(sentence, found)
    }
    for (const {phrase, index, length} of found) {
      const nodes = sentence.node.children.slice(index, index + length)
      matches.push({entry: byPhrase.get(phrase) as Entry, sentence, nodes, actual: toString(nodes), index})
    }
  }
  return matches
}

/** A sentence's matches that hold their entry's conditions and are not mentions. */
function search(document: Document, sentence: Sentence, byPhrase: Map<string, PhraseEntry>, matcher: Matcher): Found[] {
  const children = sentence.node.children
  const found: Found[] = []
  for (const {phrase, index, end} of phraseMatches(sentence, matcher)) {
    if (!conditionsHold(byPhrase.get(phrase)!, children, index, end)) continue
    if (isMention(document.source, sentence, children.slice(index, end))) continue
    found.push({phrase, index, length: end - index})
  }
  return found.length > 1 ? outermost(found) : found
}

/**
 * Every place in a sentence where a phrase matches, from child `index` to
 * `end`. This is `nlcst-search` (with `allowLiterals`): each word starts the
 * phrases that start with `*`, then those whose first word it is, and a
 * phrase's words follow each other across white space only. It is written
 * out because `nlcst-search` normalises every word again for every table,
 * and every phrase word at every test: with twenty tables that was a third
 * of the rules' time on a large document. Here each sentence's words are
 * normalised once; a test checks that both find the same matches.
 */
export function phraseMatches(sentence: Sentence, matcher: Matcher): Array<{phrase: string; index: number; end: number}> {
  const children = sentence.node.children
  const words = wordsOf(sentence).byChild
  const matches: Array<{phrase: string; index: number; end: number}> = []
  words.forEach((word, index) => {
    if (word === undefined) return
    for (const candidate of matcher.byFirst.get(word) ?? matcher.wildFirst) {
      const end = matchEnd(candidate.words, children, words, index)
      if (end !== undefined) matches.push({phrase: candidate.phrase, index, end})
    }
  })
  return matches
}

/** Where the phrase starting at word `start` ends (exclusive), if it matches there. */
function matchEnd(phrase: string[], children: SentenceContent[], words: Array<string | undefined>, start: number): number | undefined {
  let position = start + 1
  for (let index = 1; index < phrase.length; index++) {
    while (position < children.length && children[position].type === 'WhiteSpaceNode') position++
    const word = words[position]
    if (word === undefined || (phrase[index] !== '*' && phrase[index] !== word)) return undefined
    position++
  }
  return position
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
