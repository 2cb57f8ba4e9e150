import {
  complementAfter,
  defineRule,
  isBoundary,
  isNominal,
  loadPhraseTable,
  namedTerms,
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

const table = loadPhraseTable(new URL('../data/judgements.yml', import.meta.url))

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
function judged(terms: Term[], range: TermRange, named: ReadonlySet<Term>): Referent | undefined {
  const about = (span: TermRange | undefined) => (span ? referentOf(terms.slice(...span), named) : undefined)
  const first = terms[range[0]]
  if ((first.tags.has('Verb') && !first.tags.has('Adjective')) || first.tags.has('Adverb')) {
    return about(subjectBefore(terms, range[0], false) ?? clauseOpening(terms, range[0]))
  }
  const phrase = phraseAround(terms, range)
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
  // "The culprit was the contractor who…"
  const complement = complementAfter(terms, phrase[1] - 1)
  return complement ? about(complement) : about(clauseOpening(terms, phrase[0]))
}

/** Whether the match judges someone other than the writer (see `kind` in the table). */
function judgesPerson(match: PhraseMatch, people: readonly string[]): boolean {
  const range = termRange(match.sentence, match.nodes)
  if (!range) return false
  const referent = judged(termsOf(match.sentence), range, namedTerms(match.sentence, {people}))
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
