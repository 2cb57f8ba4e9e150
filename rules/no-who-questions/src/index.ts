import {
  defineRule,
  findingOf,
  findPhrases,
  isBoundary,
  isVerbGroup,
  loadPhraseTable,
  namedTerms,
  negatedBefore,
  nodesIn,
  phraseAfter,
  referentOf,
  reportNodes,
  termRange,
  termsOf,
  wordText,
  type PhraseMatchOf,
  type Sentence,
  type Term,
  type TermRange
} from '@blamelint/core'

/** The words the rule reads around a question word (see the data file). */
const vocabulary = ['blame', 'fault', 'duty', 'failure', 'flawed', 'lapse', 'ownership', 'inquiry'] as const
type Kind = (typeof vocabulary)[number]

const table = loadPhraseTable(new URL('../data/questions.yml', import.meta.url), {lists: vocabulary, kinds: ['who', 'why', 'how']})

/** Each kind's phrases as words, by their first word. */
const phrasesOf = new Map(
  vocabulary.map((kind) => {
    const byFirst = new Map<string, string[][]>()
    for (const phrase of table[kind]) {
      const words = phrase.split(' ')
      byFirst.set(words[0], [...(byFirst.get(words[0]) ?? []), words])
    }
    return [kind, byFirst]
  })
)

/** Kinds whose nouns stand for their plurals too: "mistake", "mistakes". */
const countable = new Set<Kind>(['fault', 'failure'])
const singular = (word: string) => (word.length > 3 ? [word.replace(/s$/, ''), word.replace(/es$/, '')] : [])

/** Words that may open a question clause before the question word: "So who pushed it?" */
const openers = new Set(['and', 'but', 'so', 'then', 'also', 'or', 'ok', 'okay', 'well', 'now'])

/** Where the vocabulary's phrases start and end (exclusive) in a sentence's terms, by kind. */
interface Lexicon {
  starts: Map<Kind, Set<number>>
  ends: Map<Kind, Set<number>>
}

/** The phrases of `kinds` in a sentence, as its nodes. */
function vocabularyIn(sentence: Sentence, kinds: readonly Kind[]): Array<{kind: Kind; nodes: Sentence['node']['children']}> {
  const children = sentence.node.children
  const words = children.flatMap((node, index) => (node.type === 'WordNode' ? [{text: wordText(node), index}] : []))
  return kinds.flatMap((kind) => {
    const byFirst = phrasesOf.get(kind)!
    return words.flatMap((word, first) => {
      const forms = countable.has(kind) ? [word.text, ...singular(word.text)] : [word.text]
      const phrase = forms.flatMap((form) => byFirst.get(form) ?? []).find((parts) => parts.every((part, offset) => offset === 0 || words[first + offset]?.text === part))
      return phrase ? [{kind, nodes: children.slice(word.index, words[first + phrase.length - 1].index + 1)}] : []
    })
  })
}

/** The vocabulary of a question, by term index. */
function lexiconOf(sentence: Sentence): Lexicon {
  const lexicon: Lexicon = {starts: new Map(), ends: new Map()}
  for (const {kind, nodes} of vocabularyIn(sentence, vocabulary)) {
    const range = termRange(sentence, nodes)
    if (!range) continue
    if (!lexicon.starts.has(kind)) lexicon.starts.set(kind, new Set())
    if (!lexicon.ends.has(kind)) lexicon.ends.set(kind, new Set())
    lexicon.starts.get(kind)!.add(range[0])
    lexicon.ends.get(kind)!.add(range[1])
  }
  return lexicon
}

const at = (lexicon: Lexicon, kind: Kind, index: number) => lexicon.starts.get(kind)?.has(index) ?? false
const after = (lexicon: Lexicon, kind: Kind, index: number) => lexicon.ends.get(kind)?.has(index) ?? false

/** The end of the verb group that starts at `index` ("should have caught"). */
function verbGroupEnd(terms: Term[], index: number): number {
  let end = index
  while (end < terms.length && isVerbGroup(terms[end]) && (end === index || !isBoundary(terms[end - 1], terms[end]))) end++
  return end
}

const isHelper = (term: Term) => ['Auxiliary', 'Modal', 'Copula', 'Negative', 'Adverb'].some((tag) => term.tags.has(tag)) || term.text === ''

/** The end of the main verb at or after `index`, with its particle: "should have caught", "turned off". */
function mainVerbEnd(terms: Term[], index: number): number {
  let verb = index
  while (verb < terms.length - 1 && (isHelper(terms[verb]) || (terms[verb].normal === 'have' && terms[verb + 1].tags.has('PastTense')))) verb++
  return terms[verb + 1]?.tags.has('Particle') ? verb + 2 : verb + 1
}

/** The noun phrase at `start`, through a participle compromise reads as a verb: "the botched certificate rotation". */
function objectAfter(terms: Term[], start: number): TermRange {
  const [, end] = phraseAfter(terms, start)
  const participle = terms[end]
  if (end > start && participle?.tags.has('PastTense') && !isBoundary(terms[end - 1], participle)) {
    const rest = phraseAfter(terms, end + 1)
    if (rest[1] > rest[0] && !isBoundary(participle, terms[end + 1])) return [start, rest[1]]
  }
  return [start, end]
}

/**
 * Whether a modifier in the noun phrase `range` makes it a failure: "the
 * broken deploy", "a bad config push"; not a compound ("the failed-job
 * dashboard"). "broken" and "failed" are listed as lapses, and count here as
 * adjectives.
 */
function isFlawed(terms: Term[], [start, end]: TermRange, lexicon: Lexicon): boolean {
  for (let index = start; index < end - 1; index++) {
    const term = terms[index]
    if (term.post === '-') continue
    if (at(lexicon, 'flawed', index) || (at(lexicon, 'lapse', index) && term.tags.has('Adjective'))) return true
  }
  return false
}

/**
 * Where a culprit-seeking who-question that starts at term `index` ends, or
 * `undefined` for questions about ownership, review or the future. Culprit
 * questions ask about a past action ("Who pushed…?", "Who let…?", "Who has
 * touched…?"), a counterfactual ("Who should have caught…?") or fault in any
 * tense ("Who is to blame?", "Whose fault…?").
 */
function culpritQuestionEnd(terms: Term[], index: number, lexicon: Lexicon): number | undefined {
  let cursor = index + 1
  if (terms[index].normal === 'whose') {
    const [, end] = phraseAfter(terms, cursor)
    for (let word = cursor; word < end; word++) if (at(lexicon, 'fault', word)) return end
    cursor = end
  }
  if (terms[cursor]?.normal === 'else') cursor++
  // "Who actually deleted…", "Who just merged…": the verb follows the adverb.
  while (terms[cursor]?.tags.has('Adverb') && !terms[cursor].tags.has('Verb')) cursor++
  const end = verbGroupEnd(terms, cursor)
  const group = terms.slice(cursor, end)
  const first = group[0]
  if (!first?.tags.has('Verb')) return undefined
  // Fault in any tense ("Who is to blame?"); responsibility in the past or for a failure ("Who is responsible for this mess?").
  for (let word = cursor + 1; word <= end && word < terms.length; word++) {
    if (at(lexicon, 'blame', word)) return Math.max(end, word + 1)
    if (at(lexicon, 'duty', word)) {
      const object = terms[word + 1]?.normal === 'for' ? objectAfter(terms, word + 2) : undefined
      const failure = object !== undefined && object[0] < object[1] && (at(lexicon, 'failure', object[1] - 1) || isFlawed(terms, object, lexicon))
      return first.tags.has('PastTense') || failure ? Math.max(end, word + 1) : undefined
    }
  }
  if (at(lexicon, 'ownership', cursor + group.findIndex((term) => !term.tags.has('Auxiliary') && !term.tags.has('Modal')))) return undefined
  if (first.tags.has('Copula')) {
    // "Who was the engineer that pushed the change?"
    const [start, stop] = phraseAfter(terms, end)
    const pronoun = terms[stop]
    return start < stop && pronoun && /^(who|that)$/.test(pronoun.normal) && terms[stop + 1]?.tags.has('PastTense') ? stop + 2 : undefined
  }
  const verbEnd = mainVerbEnd(terms, cursor)
  if (first.tags.has('Modal')) {
    // Only the counterfactual: "Who should have caught this?"
    const perfect = group.findIndex((term) => term.normal === 'have')
    return perfect > 0 && group[perfect + 1]?.tags.has('PastTense') ? verbEnd : undefined
  }
  if (/^(do|does|did)$/.test(first.normal)) {
    // "Who did we page?" asks for an object, not an agent; "Who did the deploy?" and "Who didn't run…?" do not.
    const [start, stop] = phraseAfter(terms, end)
    const alone = group.every((term, index) => index === 0 || term.tags.has('Negative'))
    if (alone && start < stop && terms[stop]?.tags.has('Verb')) return undefined
    return first.normal === 'did' ? verbEnd : undefined
  }
  if (first.tags.has('PastTense')) return verbEnd
  // "has touched" is a past action; "has access" is not.
  if (first.tags.has('Auxiliary')) return group.slice(1).some((term) => term.tags.has('PastTense')) ? verbEnd : undefined
  // A bare form after "who" cannot be present tense ("who owns"), so it is a past form: "Who let the certificate expire?"
  return !/s$/.test(first.normal) && !first.tags.has('Gerund') ? verbEnd : undefined
}

/**
 * Where a why- or how-question about a person ends: "Why did Dylan not
 * check", "Why would anyone deploy", "How could the reviewer miss". `lapse`
 * asks for a negation or a verb of a missed step (for how-questions).
 */
function personQuestionEnd(terms: Term[], range: TermRange, lexicon: Lexicon, named: ReadonlySet<Term>, lapse: boolean): number | undefined {
  let cursor = range[1]
  const aux = terms[cursor]
  if (aux?.tags.has('Verb')) {
    if (aux.tags.has('Copula')) return undefined
    cursor = verbGroupEnd(terms, cursor)
  } else if (terms[range[0]].normal !== 'how' || terms[range[1] - 1].normal !== 'come') {
    return undefined
  }
  const phrase = phraseAfter(terms, cursor)
  // compromise may read the verb as a noun ("the reviewer miss this"): a person ends the subject.
  let personEnd = phrase[0]
  while (personEnd < phrase[1] && (terms[personEnd].tags.has('Possessive') || referentOf(terms.slice(phrase[0], personEnd + 1), named) !== 'person')) personEnd++
  const subject: TermRange = [phrase[0], Math.min(personEnd + 1, phrase[1])]
  const referent = referentOf(terms.slice(...subject), named)
  if (personEnd === phrase[1] || referent === 'self') return undefined
  // The verb of the question, with a negation on the way: "did Dylan not check".
  const end = mainVerbEnd(terms, subject[1])
  if (!lapse) return end
  const negated = negatedBefore(terms, end, {from: range[1]})
  const missed = terms.slice(subject[0], end).some((_, offset) => at(lexicon, 'lapse', subject[0] + offset))
  return negated || missed ? end : undefined
}

/** Whether the question word at term `index` opens a question: at the start of a clause, or after "find out". */
function opensQuestion(sentence: Sentence, terms: Term[], index: number, lexicon: Lexicon): 'direct' | 'indirect' | undefined {
  if (after(lexicon, 'inquiry', index)) return 'indirect'
  const previous = terms[index - 1]
  const initial = !previous || isBoundary(previous, terms[index]) || openers.has(previous.normal)
  return initial && sentence.text.slice(terms[index].start).includes('?') ? 'direct' : undefined
}

export default defineRule({
  meta: {
    id: 'no-who-questions',
    description: 'Flags culprit-seeking questions ("Who pushed the button?").',
    severity: 'suggestion',
    recommended: true
  },
  check(document, context) {
    const bySentence = new Map<Sentence, Array<PhraseMatchOf<typeof table>>>()
    for (const match of findPhrases(document, table)) bySentence.set(match.sentence, [...(bySentence.get(match.sentence) ?? []), match])
    for (const [sentence, questions] of bySentence) {
      // Cheap prefilter: a question word, and a question mark or "find out"; then the words around it, then grammar.
      if (!sentence.text.includes('?') && vocabularyIn(sentence, ['inquiry']).length === 0) continue
      const terms = termsOf(sentence)
      const lexicon = lexiconOf(sentence)
      for (const match of questions) {
        const range = termRange(sentence, match.nodes)
        if (!range) continue
        const kind = opensQuestion(sentence, terms, range[0], lexicon)
        if (!kind || (kind === 'indirect' && match.entry.kind !== 'who')) continue
        const end =
          match.entry.kind === 'who'
            ? culpritQuestionEnd(terms, range[0], lexicon)
            : personQuestionEnd(terms, range, lexicon, namedTerms(sentence, {people: context.settings.people}), match.entry.kind === 'how')
        if (end === undefined) continue
        reportNodes(document, context, sentence, nodesIn(sentence, terms[range[0]].start, terms[end - 1].end), findingOf(match.entry, table))
      }
    }
  }
})
