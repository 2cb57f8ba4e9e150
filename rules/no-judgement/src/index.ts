import {
  complementAfter,
  defineRule,
  isBoundary,
  isNominal,
  loadPhraseTable,
  namedTerms,
  negatedBefore,
  phraseAfter,
  phraseAround,
  phraseBefore,
  referentOf,
  reportPhrases,
  subjectBefore,
  termRange,
  termsOf,
  type PhraseMatch,
  type Referent,
  type Term,
  type TermRange
} from '@blamelint/core'

const table = loadPhraseTable(new URL('../data/judgements.yml', import.meta.url), {kinds: ['trait', 'work', 'blame', 'deed', 'doing', 'made']})

/** The first noun phrase of the clause that holds term `index` ("I" in "I changed it in an act of laziness"). */
function clauseOpening(terms: Term[], index: number): TermRange | undefined {
  let start = index
  while (start > 0 && !isBoundary(terms[start - 1], terms[start])) start--
  while (start < index && !isNominal(terms[start])) start++
  const phrase = phraseAfter(terms, start)
  return phrase[0] < phrase[1] && phrase[1] <= index ? phrase : undefined
}

/**
 * Whom or what the judgement at `range` is about: the subject of a verb
 * ("the team screwed up"), the noun it modifies ("lazy code review"), the
 * subject it is said of ("the engineer was sloppy"), the one named as the
 * culprit ("the culprit was the contractor"), the conduct in "it was stupid
 * to run…", or else whoever opens the clause.
 */
function judged(terms: Term[], range: TermRange, named: ReadonlySet<Term>, adjective: boolean): Referent | undefined {
  const about = (span: TermRange | undefined) => (span ? referentOf(terms.slice(...span), named) : undefined)
  const first = terms[range[0]]
  const noun = terms[range[1]]
  // compromise reads some adjectives before a noun as past tenses ("inexperienced managers").
  if (adjective && first.tags.has('PastTense') && noun && isNominal(noun) && !isBoundary(first, noun)) return about(phraseAfter(terms, range[1]))
  if ((first.tags.has('Verb') && !first.tags.has('Adjective')) || first.tags.has('Adverb')) {
    return about(subjectBefore(terms, range[0], false) ?? clauseOpening(terms, range[0]))
  }
  // "at fault" and "to blame" are predicates, not part of a noun phrase.
  const phrase = isNominal(first) ? phraseAround(terms, range) : range
  if (about(phrase) === 'self') return 'self'
  // Attributive: the phrase continues after the match ("a careless config edit").
  if (terms.slice(range[1], phrase[1]).some((term) => term.tags.has('Noun'))) return about([range[1], phrase[1]])
  const next = terms[phrase[1]]
  const after = terms[phrase[1] + 1]
  // "it was stupid to run the script", "too lazy to check".
  if (next?.normal === 'to' && after?.tags.has('Infinitive')) return 'conduct'
  // "stupid of him", "careless of me".
  if (next?.normal === 'of' && after?.tags.has('Pronoun')) return about([phrase[1] + 1, phrase[1] + 2])
  const subject = subjectBefore(terms, phrase[0])
  if (subject) return about(subject)
  // "We cordoned the node as the likely culprit."
  if (terms[phrase[0] - 1]?.normal === 'as') return about(phraseBefore(terms, phrase[0] - 1))
  // After its noun: "the person at fault".
  const owner = subjectBefore(terms, phrase[0], false)
  if (owner && owner[1] === phrase[0]) return about(owner)
  // "The culprit was the contractor who…"
  const complement = complementAfter(terms, phrase[1] - 1)
  return complement ? about(complement) : about(clauseOpening(terms, phrase[0]))
}

const linkingVerbs = new Set(['be', 'been', 'being', 'get', 'got', 'gotten', 'become', 'became', 'seem', 'seemed', 'seems', 'appear', 'appeared', 'appears'])

/** Auxiliaries, copulas, negation and adverbs: the verb group of a predicate, without its main verb. */
const isLinking = (term: Term) =>
  term.text === '' || linkingVerbs.has(term.normal) || ['Copula', 'Auxiliary', 'Modal', 'Negative', 'Adverb'].some((tag) => term.tags.has(tag))

/**
 * Whether the judgement is denied: "the reviewer wasn't careless", "no one
 * was to blame", "none of the responders were careless". Looks back through
 * the verb group and the subject, stopping at the clause's other words.
 */
function isDenied(terms: Term[], [first]: TermRange): boolean {
  let from = first
  const inClause = () => from > 0 && !isBoundary(terms[from - 1], terms[from])
  // The words just before the judgement and the verb group ("was not a", "wasn't"), then the subject ("no one", "none of the responders").
  while (inClause() && (isLinking(terms[from - 1]) || terms[from - 1].tags.has('Determiner'))) from--
  while (inClause() && (isNominal(terms[from - 1]) || terms[from - 1].normal === 'of')) from--
  return negatedBefore(terms, first, {from})
}

const makeVerbs = new Set(['make', 'makes', 'made', 'making', 'create', 'creates', 'created', 'creating', 'leave', 'leaves', 'left', 'leaving', 'cause', 'causes', 'caused'])

/**
 * Who made the result at `range` ("the mess"): the owner in "their mess", the
 * subject of "the mess they created", or of "the vendor made a mess of it".
 */
function maker(terms: Term[], range: TermRange, named: ReadonlySet<Term>): Referent | undefined {
  const about = (span: TermRange) => (span[0] < span[1] ? referentOf(terms.slice(...span), named) : undefined)
  const [start] = phraseBefore(terms, range[0])
  const owner = terms.slice(start, range[0]).findIndex((term) => term.tags.has('Possessive'))
  if (owner !== -1) return about([start + owner, start + owner + 1])
  // A relative clause after it: "the mess they created", "the mess that the vendor left".
  const end = range[1]
  const relative = phraseAfter(terms, end + (/^(that|which)$/.test(terms[end]?.normal ?? '') ? 1 : 0))
  if (makeVerbs.has(terms[relative[1]]?.normal ?? '') && !isBoundary(terms[end - 1], terms[end])) return about(relative)
  // The subject of a make verb: "the vendor made a mess of it".
  const subject = makeVerbs.has(terms[start - 1]?.normal ?? '') ? subjectBefore(terms, start) : undefined
  return subject && about(subject)
}

/** Whether the match judges someone other than the writer (see `kind` in the table). */
function judgesPerson(match: PhraseMatch, people: readonly string[]): boolean {
  const range = termRange(match.sentence, match.nodes)
  if (!range) return false
  const terms = termsOf(match.sentence)
  if (isDenied(terms, range)) return false
  const named = namedTerms(match.sentence, {people})
  if (match.entry.kind === 'made') return maker(terms, range, named) === 'person'
  const referent = judged(terms, range, named, match.entry.kind === 'trait' || match.entry.kind === 'work')
  switch (match.entry.kind) {
    case 'work':
      return referent === 'person' || referent === 'conduct'
    case 'blame':
      return referent === 'person'
    case 'doing':
      return referent !== 'self' && referent !== 'thing'
    default:
      return referent !== 'self'
  }
}

export default defineRule({
  meta: {
    id: 'no-judgement',
    description: 'Flags judgements of character or competence ("careless", "negligent", "the culprit").',
    severity: 'error',
    recommended: true
  },
  check(document, context) {
    reportPhrases(document, context, table, (match) => judgesPerson(match, context.settings.people))
  }
})
