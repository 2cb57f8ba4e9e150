// Helpers for the action-item rules: where an item's action starts (after
// priority tags, ticket ids and "We should"), and phrase tables whose entries
// may be limited to that first word.
import type {SentenceContent, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {findingOf, reportNodes} from './findings.js'
import {findPhrases, wordText, type PhraseEntry, type PhraseMatch, type PhraseTable} from './phrases.js'
import {isTicketKey} from './references.js'
import type {ActionItem, Document, RuleContext, Sentence} from './types.js'

/** Where the action of an item starts. */
export interface ActionLead {
  sentence: Sentence
  /** Index of the first action word among `sentence.node.children`. */
  index: number
  word: Word
  /** The word, lower-cased. */
  text: string
}

/** Priority and status tags written before the action ("P1", "HIGH", "TODO"). */
const tag = /^(?:p[0-4]|sev-?[0-4])$/i
const upperTag = /^(?:HIGH|MEDIUM|MED|LOW|CRITICAL|URGENT|MAJOR|MINOR|BLOCKER|TODO|DONE|WIP|OPEN|FIXED|NEW)$/
/** Who before a modal: "We should…", "Someone will…". */
const subjects = new Set(['we', 'i', 'you', 'they', 'someone', 'somebody'])
/** Modals and their particles, skipped before the verb: "need to", "should also". */
const modals = new Set(['should', 'must', 'will', 'shall', 'could', 'can', 'need', 'needs', 'have', 'has', 'want', 'plan', 'to', 'also', 'then', 'please', "let's", 'let', 'us'])
/** Words that are modal only before "to": "need to", but "have a call". */
const takesTo = new Set(['have', 'has', 'need', 'needs', 'want', 'plan'])
/** Modals that open an item without a subject: "Need to…", "Please…". */
const openers = new Set(['should', 'must', 'need', 'please', "let's", 'let', 'to'])
/** Separators after a label: "Alerting: add…", "Prevent - add…". */
const separator = /^[:\-–—|]$/

const isWord = (node: SentenceContent): node is Word => node.type === 'WordNode'

/**
 * The first action word of an item: its first sentence's first word after
 * priority tags, ticket ids ("#12:", "OPS-3") and modal openings ("We
 * should", "Need to"). With `isVerb`, a short label before a colon or dash
 * ("Alerting: add…") is skipped when the word after it is a verb and the
 * label's first word is not.
 */
export function actionLead(item: ActionItem, isVerb?: (word: string) => boolean): ActionLead | undefined {
  const sentence = item.sentences[0]
  if (!sentence) return undefined
  const children = sentence.node.children
  const lead = (index: number): ActionLead => ({sentence, index, word: children[index] as Word, text: wordText(children[index])})
  const words = children.map((node, index) => ({node, index})).filter(({node}) => isWord(node))
  let at = 0
  const value = (position: number) => toString(words[position].node)
  while (at < words.length && (tag.test(value(at)) || upperTag.test(value(at)) || isTicketKey(value(at)) || isTicketNumber(children, words[at].index))) at++
  at = afterModalOpening(words.map(({node}) => wordText(node)), at)
  if (at >= words.length) return undefined
  const first = words[at].index
  if (isVerb && !isVerb(wordText(children[first]))) {
    const labelEnd = children.findIndex((node, index) => index > first && separator.test(toString(node)) && (node.type === 'PunctuationNode' || node.type === 'SymbolNode'))
    const labelWords = words.filter(({index}) => index >= first && index < labelEnd).length
    const after = words.find(({index}) => index > labelEnd)
    if (labelEnd !== -1 && labelWords <= 5 && after && isVerb(wordText(after.node))) return lead(after.index)
  }
  return lead(first)
}

/** Index of the verb after a modal opening ("We should also", "Need to"), or `at`. */
function afterModalOpening(words: string[], at: number): number {
  let next = at
  if (subjects.has(words[next]) && modals.has(words[next + 1] ?? '')) next++
  else if (!openers.has(words[next])) return at
  while (next < words.length - 1 && modals.has(words[next]) && (!takesTo.has(words[next]) || words[next + 1] === 'to')) next++
  return next
}

/** A number written as `#12`. */
function isTicketNumber(children: SentenceContent[], index: number): boolean {
  const previous = children[index - 1]
  return /^\d+$/.test(toString(children[index])) && previous !== undefined && toString(previous) === '#'
}

/** The entry fields of action-item tables, for `loadPhraseTable`'s `fields`. */
export const actionPhraseFields = {
  atLead: 'boolean',
  afterLead: 'boolean',
  unlessSoonFollowedBy: 'string[]',
  unlessEarlier: 'string[]',
  obligationWithin: 'number'
} as const

/** A phrase-table entry for action items. */
export interface ActionPhraseEntry extends PhraseEntry {
  /** Only match at the item's first action word (see `actionLead`). */
  atLead?: boolean
  /** Only match right after the item's first action word: "Fix **it**". */
  afterLead?: boolean
  /** Skip when one of these words comes within `window` + 2 words after: "make sure everyone **has** access" is a state, not a habit. */
  unlessSoonFollowedBy?: string[]
  /** Skip when one of these words comes earlier in the sentence: "**prevent** its deletion in the future". */
  unlessEarlier?: string[]
  /**
   * Only match when "should", "must", "shall" or "need/has/have/ought to"
   * follows within this many words, so a subject may take a qualifier:
   * "**Everyone** on the rota should".
   */
  obligationWithin?: number
}

export interface ActionPhraseMatch<Entry extends ActionPhraseEntry = ActionPhraseEntry> extends PhraseMatch<Entry> {
  item: ActionItem
}

export interface ActionPhraseOptions {
  /** The items to search (default: all). */
  items?: ActionItem[]
  /** Passed to `actionLead`, to skip labels such as "Alerting:". */
  isVerb?: (word: string) => boolean
  /** Search only the first sentence: the action, not the explanation after it. */
  firstSentence?: boolean
}

/** Find a table's phrases in action items, honouring `atLead`. */
export function findActionPhrases<Entry extends ActionPhraseEntry>(
  document: Document,
  table: PhraseTable<Entry>,
  options: ActionPhraseOptions = {}
): Array<ActionPhraseMatch<Entry>> {
  return (options.items ?? document.actionItems).flatMap((item) => {
    const lead = actionLead(item, options.isVerb)
    return findPhrases(document, table, options.firstSentence ? item.sentences.slice(0, 1) : item.sentences)
      .map((match) => ({...match, item}))
      .filter((match) => contextAllows(match))
      .filter((match) => {
        const {atLead, afterLead} = match.entry
        if (!atLead && !afterLead) return true
        if (!lead || match.sentence !== lead.sentence) return false
        if (atLead) return match.index === lead.index
        const between = lead.sentence.node.children.slice(lead.index + 1, match.index)
        return between.length > 0 && between.every((node) => node.type === 'WhiteSpaceNode')
      })
      .sort((a, b) => (a.nodes[0].position?.start.offset ?? 0) - (b.nodes[0].position?.start.offset ?? 0))
  })
}

function contextAllows({entry, sentence, index, nodes}: ActionPhraseMatch): boolean {
  const children = sentence.node.children
  const after = children.slice(index + nodes.length).filter(isWord).map(wordText)
  const before = children.slice(0, index).filter(isWord).map(wordText)
  if (entry.unlessSoonFollowedBy && after.slice(0, (entry.window ?? 1) + 2).some((word) => entry.unlessSoonFollowedBy!.includes(word))) return false
  if (entry.obligationWithin !== undefined && !after.slice(0, entry.obligationWithin + 1).some((word, at) => isObligation(word, after[at + 1]))) return false
  return !entry.unlessEarlier || !before.some((word) => entry.unlessEarlier!.includes(word))
}

const obligations = new Set(['should', 'must', 'shall'])
const obligationsWithTo = new Set(['need', 'needs', 'has', 'have', 'ought'])
/** "should", "must", "shall", or "need", "has", "have", "ought" before "to". */
const isObligation = (word: string, next: string | undefined) => obligations.has(word) || (obligationsWithTo.has(word) && next === 'to')

export interface ReportActionPhraseOptions<Entry extends ActionPhraseEntry = ActionPhraseEntry> extends ActionPhraseOptions {
  /** Drop matches on conditions of the rule's own. */
  keep?: (match: ActionPhraseMatch<Entry>) => boolean
  /** Report only the first match in each item, so a short item gets one message. */
  firstPerItem?: boolean
}

/**
 * Report a table's phrases in action items, as `reportPhrases` does for
 * prose. Returns the matches it reported.
 */
export function reportActionPhrases<Entry extends ActionPhraseEntry>(
  document: Document,
  context: RuleContext,
  table: PhraseTable<Entry>,
  options: ReportActionPhraseOptions<Entry> = {}
): Array<ActionPhraseMatch<Entry>> {
  return reportActionMatches(document, context, table, findActionPhrases(document, table, options), options)
}

/**
 * Report matches in action items (by item, in source order within each), as
 * `reportActionPhrases` does: for a rule that adds matches of its own.
 */
export function reportActionMatches<Entry extends ActionPhraseEntry>(
  document: Document,
  context: RuleContext,
  table: PhraseTable<Entry>,
  matches: Array<ActionPhraseMatch<Entry>>,
  options: Pick<ReportActionPhraseOptions<Entry>, 'keep' | 'firstPerItem'> = {}
): Array<ActionPhraseMatch<Entry>> {
  const reported: Array<ActionPhraseMatch<Entry>> = []
  const items = new Set<ActionItem>()
  // A sentence in two items (a table row's cells) is reported once.
  const nodes = new Set<SentenceContent>()
  for (const match of matches) {
    if (options.keep && !options.keep(match)) continue
    if ((options.firstPerItem && items.has(match.item)) || nodes.has(match.nodes[0])) continue
    items.add(match.item)
    nodes.add(match.nodes[0])
    reported.push(match)
    reportNodes(document, context, match.sentence, match.nodes, findingOf(match.entry, table))
  }
  return reported
}
