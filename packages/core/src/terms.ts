// compromise's analysis of a sentence as a flat list of terms whose offsets
// line up with the sentence's nlcst nodes, so a rule can find the words around
// a phrase match (its subject, the verb before it, the noun it modifies).
import type {SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {analyze} from './nlp.js'
import type {Sentence} from './types.js'

/** One compromise term. */
export interface Term {
  /** The word as written; `''` for a term compromise implies ("didn't" → did + not). */
  text: string
  /** Lower-cased normal form; the implied word for implicit terms ("not"). */
  normal: string
  /** compromise tags: `Noun`, `Verb`, `PastTense`, `Negative`, `Person`… */
  tags: Set<string>
  /** compromise's chunk: `Noun`, `Verb`, `Adjective` or `Pivot`. */
  chunk: string
  /** Punctuation and spaces before and after the word. */
  pre: string
  post: string
  /** Offsets in `sentence.text` (half-open). */
  start: number
  end: number
}

interface RawTerm {
  text: string
  pre?: string
  post?: string
  normal?: string
  implicit?: string
  tags?: string[]
  chunk?: string
  offset: {start: number; length: number}
}

const cache = new WeakMap<Sentence, Term[]>()

/** The sentence's terms, in order (loads compromise on first use). */
export function termsOf(sentence: Sentence): Term[] {
  let terms = cache.get(sentence)
  if (!terms) {
    const json = analyze(sentence).json({offset: true}) as Array<{terms: RawTerm[]}>
    terms = json.flatMap((part) =>
      part.terms.map((term) => ({
        text: term.text,
        normal: (term.implicit ?? term.normal ?? term.text).toLowerCase().replace(/’/g, "'"),
        tags: new Set(term.tags),
        chunk: term.chunk ?? '',
        pre: term.pre ?? '',
        post: term.post ?? '',
        start: term.offset.start,
        end: term.offset.start + term.offset.length
      }))
    )
    retagPastTense(terms)
    cache.set(sentence, terms)
  }
  return terms
}

/**
 * compromise reads some unknown "-ed" words as nouns ("Arjun purged the
 * cache"); right after a name and before a determiner, possessive or number
 * such a word is the past-tense verb of the name.
 */
function retagPastTense(terms: Term[]): void {
  for (const [index, term] of terms.entries()) {
    const [before, after] = [terms[index - 1], terms[index + 1]]
    if (!before || !after || isBoundary(before, term) || isBoundary(term, after)) continue
    if (!/..[^e]ed$/.test(term.normal) || !term.tags.has('Noun') || term.tags.has('ProperNoun') || term.tags.has('Pronoun')) continue
    const named = ['Person', 'ProperNoun', 'AtMention'].some((tag) => before.tags.has(tag)) || /^\p{Lu}/u.test(before.text)
    if (named && ['Determiner', 'Possessive', 'Cardinal'].some((tag) => after.tags.has(tag))) {
      term.tags = new Set(['Verb', 'PastTense'])
      term.chunk = 'Verb'
    }
  }
}

/** Where `nodes` (children of `sentence.node`) sit in `sentence.text`. */
export function textSpan(sentence: Sentence, nodes: SentenceContent[]): {start: number; end: number} {
  const siblings = sentence.node.children
  const start = toString(siblings.slice(0, siblings.indexOf(nodes[0]))).length
  return {start, end: start + toString(nodes).length}
}

/** The children of `sentence.node` that overlap `[start, end)` of `sentence.text`: the inverse of `textSpan`. */
export function nodesIn(sentence: Sentence, start: number, end: number): SentenceContent[] {
  const nodes: SentenceContent[] = []
  let offset = 0
  for (const node of sentence.node.children) {
    const length = toString(node).length
    if (offset < end && offset + length > start) nodes.push(node)
    offset += length
  }
  return nodes
}

/**
 * Indices `[first, end)` of the terms that overlap `nodes`, or `undefined`
 * when compromise tokenised the text too differently to line up.
 */
export function termRange(sentence: Sentence, nodes: SentenceContent[]): TermRange | undefined {
  const {start, end} = textSpan(sentence, nodes)
  const terms = termsOf(sentence)
  // Implied terms ("not" in "didn't") have no width and sit at the end of their word.
  const inside = (term: Term) => (term.text === '' ? term.start > start && term.start <= end : term.start < end && term.end > start)
  const first = terms.findIndex(inside)
  if (first === -1) return undefined
  let last = first
  while (last + 1 < terms.length && inside(terms[last + 1])) last++
  return [first, last + 1]
}

/** A half-open range of term indices. */
export type TermRange = [number, number]

/** Whether clause punctuation (comma, colon, dash, bracket, sentence end) separates two adjacent terms. */
export function isBoundary(before: Term | undefined, after: Term | undefined): boolean {
  if (!before || !after) return true
  return /[,;:()[\]—–.!?"“”]|\s-\s/.test(before.post + after.pre)
}

/**
 * Words that deny what follows them in their clause, besides the ones
 * compromise tags `Negative` ("not", "never", the "not" of "didn't").
 */
export const negations: ReadonlySet<string> = new Set(['no', 'not', 'never', 'nobody', 'none', 'neither', 'nor', 'nothing', 'hardly', 'barely', 'scarcely'])

export interface NegationOptions {
  /** Look back no further than this term (default: to the start of the clause). */
  from?: number
  /** Words that deny in the rule's sense besides `negations` ("far" in "far from obvious"). */
  also?: ReadonlySet<string>
  /** Words that open a new clause without punctuation ("because", "but"): a negation before them does not count. */
  stopAt?: ReadonlySet<string>
}

/**
 * Whether a negation stands before term `index` in its clause: "nobody
 * could have known", "it was not immediately obvious", "none of the
 * responders were careless". The clause ends at punctuation (see
 * `isBoundary`) and at `stopAt` words.
 */
export function negatedBefore(terms: Term[], index: number, options: NegationOptions = {}): boolean {
  for (let at = index - 1; at >= (options.from ?? 0) && !isBoundary(terms[at], terms[at + 1]); at--) {
    const term = terms[at]
    if (term.tags.has('Negative') || negations.has(term.normal) || options.also?.has(term.normal)) return true
    if (options.stopAt?.has(term.normal)) return false
  }
  return false
}

const has = (term: Term, ...tags: string[]) => tags.some((tag) => term.tags.has(tag))
const relativePronouns = new Set(['who', 'that', 'which', 'whom'])
/** compromise tags these as nouns; in a sentence they are adverbs of place and time. */
const adverbNouns = new Set(['here', 'there', 'today', 'yesterday', 'tonight'])

/** Words that can sit inside a noun phrase ("the new on-call engineer's"). */
export const isNominal = (term: Term) =>
  term.normal === 'no' ||
  (term.tags.has('Hyphenated') && term.post === '-') ||
  (has(term, 'Noun', 'Adjective', 'Determiner', 'Possessive', 'Value', 'Pronoun') &&
    !relativePronouns.has(term.normal) &&
    !adverbNouns.has(term.normal) &&
    !has(term, 'Preposition', 'Conjunction'))

/** Copulas, auxiliaries, negation and adverbs between a subject and its predicate ("was not really"). */
export const isVerbGroup = (term: Term) =>
  ((has(term, 'Verb', 'Negative', 'Adverb', 'Auxiliary', 'Particle') || term.normal === 'to') && !has(term, 'Gerund', 'Noun')) ||
  adverbNouns.has(term.normal)

/** The noun phrase that ends just before `end` (exclusive), as far back as the clause allows. */
export function phraseBefore(terms: Term[], end: number): TermRange {
  let start = end
  while (start > 0 && isNominal(terms[start - 1]) && !isBoundary(terms[start - 1], terms[start])) start--
  return [start, end]
}

/** The noun phrase that starts at `start`. */
export function phraseAfter(terms: Term[], start: number): TermRange {
  let end = start
  while (end < terms.length && isNominal(terms[end]) && (end === start || !isBoundary(terms[end - 1], terms[end]))) end++
  return [start, end]
}

/**
 * The subject of a predicate that starts at term `index` ("the reviewer" in
 * "The reviewer who approved it was to blame"): back over the verb group
 * ("was not"), then the noun phrase before it, preferring the head of "X of
 * Y" and the antecedent of a relative clause. With `needsVerb`, a predicate
 * without a verb group before it (an attributive adjective) has no subject.
 */
export function subjectBefore(terms: Term[], index: number, needsVerb = true): TermRange | undefined {
  let cursor = index
  while (cursor > 0 && isVerbGroup(terms[cursor - 1]) && !isBoundary(terms[cursor - 1], terms[cursor])) cursor--
  if (needsVerb && !terms.slice(cursor, index).some((term) => term.tags.has('Verb'))) return undefined
  let subject = phraseBefore(terms, cursor)
  while (subject[0] > 0 && !isBoundary(terms[subject[0] - 1], terms[subject[0]])) {
    const previous = terms[subject[0] - 1]
    if (subject[0] === subject[1] && /^who(ever)?$/.test(previous.normal)) return [subject[0] - 1, subject[0]]
    if (subject[0] === subject[1]) break
    // A subject pronoun is never a preposition's object: "as I was", "when we were".
    if (subject[1] - subject[0] === 1 && /^(i|we|he|she|they)$/.test(terms[subject[0]].normal)) break
    const reduced = reducedRelative(terms, subject[0])
    if (reduced) {
      subject = reduced
      continue
    }
    if (previous.tags.has('Preposition')) {
      const owner = phraseBefore(terms, subject[0] - 1)
      if (owner[0] === owner[1]) break
      subject = owner
      continue
    }
    // A relative clause between the subject and its predicate.
    let verb = subject[0]
    while (verb > 0 && isVerbGroup(terms[verb - 1]) && !isBoundary(terms[verb - 1], terms[verb])) verb--
    const pronoun = terms[verb - 1]
    if (verb === subject[0] || !pronoun || isBoundary(pronoun, terms[verb])) break
    if (pronoun.normal === 'whoever') return [verb - 1, verb]
    if (!relativePronouns.has(pronoun.normal)) break
    const antecedent = phraseBefore(terms, verb - 1)
    if (antecedent[0] === antecedent[1]) break
    subject = antecedent
  }
  return subject[0] === subject[1] ? undefined : subject
}

/**
 * The noun that a reduced relative clause ending just before `start`
 * qualifies: "the developer" in "the developer creating the PR", "the engineer
 * assigned to the ticket".
 */
function reducedRelative(terms: Term[], start: number): TermRange | undefined {
  let verb = start - 1
  const preposition = has(terms[verb], 'Preposition')
  if (preposition) verb--
  if (verb < 1 || isBoundary(terms[verb], terms[verb + 1]) || isBoundary(terms[verb - 1], terms[verb])) return undefined
  if (!has(terms[verb], 'Gerund') && !(preposition && has(terms[verb], 'PastTense'))) return undefined
  const antecedent = phraseBefore(terms, verb)
  return antecedent[0] === antecedent[1] ? undefined : antecedent
}

/** The complement after a verb group that follows term `index` ("the contractor" in "the culprit was the contractor"). */
export function complementAfter(terms: Term[], index: number): TermRange | undefined {
  let cursor = index + 1
  while (cursor < terms.length && isVerbGroup(terms[cursor]) && !isBoundary(terms[cursor - 1], terms[cursor])) cursor++
  if (cursor === index + 1 || isBoundary(terms[cursor - 1], terms[cursor])) return undefined
  const phrase = phraseAfter(terms, cursor)
  return phrase[0] === phrase[1] ? undefined : phrase
}

/** The noun phrase around `range` ("a careless config edit" around "careless"). */
export function phraseAround(terms: Term[], [first, end]: TermRange): TermRange {
  const [start] = phraseBefore(terms, first)
  let stop = end
  while (stop < terms.length && isNominal(terms[stop]) && !isBoundary(terms[stop - 1], terms[stop]) && !terms[stop].tags.has('Determiner')) stop++
  return [start, stop]
}
