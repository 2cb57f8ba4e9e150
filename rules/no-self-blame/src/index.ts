import {
  defineRule,
  findCounterfactuals,
  findingOf,
  findPhrases,
  isBoundary,
  isMention,
  isNominal,
  loadPhraseTable,
  negatedBefore,
  nodesIn,
  referentOf,
  reportNodes,
  sourceText,
  subjectBefore,
  termRange,
  termsOf,
  type Sentence,
  type Term,
  type TermRange
} from '@blamelint/core'

const table = loadPhraseTable(new URL('../data/idioms.yml', import.meta.url), {kinds: ['compound', 'self', 'trait', 'manner', 'inversion']})

const counterfactualMessage =
  '`{actual}` is a counterfactual about your own actions: it says what you failed to do, not why the path you took ' +
  'made sense. Describe what you saw and expected at the time, and what would have pointed to the other path ' +
  '("the replica-lag panel was not on the failover dashboard").'

const counterfactualNote = 'People are harsher on themselves than on others; counterfactuals add shame, not knowledge.'

const has = (term: Term | undefined, tag: string) => term?.tags.has(tag) ?? false

const firstPerson = /\b(i|we|my|our)\b/i

/**
 * The subject of the predicate at term `index`, when it is the writer ("I",
 * "we", "my team and I"). With `needsVerb`, only across a verb ("I was lazy",
 * not "my lazy approach").
 */
function selfSubject(terms: Term[], index: number, needsVerb = false): TermRange | undefined {
  const subject = subjectBefore(terms, index, needsVerb)
  if (!subject || referentOf(terms.slice(...subject)) !== 'self') return undefined
  // From the first pronoun: "I" in "In hindsight I could have…".
  const first = terms.findIndex((term, at) => at >= subject[0] && (has(term, 'Pronoun') || has(term, 'Possessive')))
  return [first === -1 || first >= subject[1] ? subject[0] : first, subject[1]]
}

/** The nodes of terms `[start, end)`. */
const nodesOf = (sentence: Sentence, terms: Term[], start: number, end: number) => nodesIn(sentence, terms[start].start, terms[end - 1].end)

/**
 * Whether "my fault" at terms `[start, end)` runs on into a compound noun: "my
 * fault injection suite", "my error budget", or "my error logs" as the object
 * of a verb (compromise reads "logs" there as a verb).
 */
function isCompound(terms: Term[], start: number, end: number): boolean {
  const next = terms[end]
  if (!next || isBoundary(terms[end - 1], next)) return false
  if (has(next, 'Noun') && !has(next, 'Pronoun')) return true
  let clause = start
  while (clause > 0 && !isBoundary(terms[clause - 1], terms[clause])) clause--
  const objectOfVerb = terms.slice(clause, start).some((term) => has(term, 'Verb') && !has(term, 'Copula'))
  return objectOfVerb && has(next, 'PresentTense') && next.normal.endsWith('s')
}

/**
 * The verb whose clause a manner phrase at term `index` qualifies ("modified"
 * in "I modified the files to include my token out of laziness"): back over
 * its object, and from an infinitive to the verb it depends on.
 */
function clauseVerb(terms: Term[], index: number): number | undefined {
  for (let at = index - 1; at >= 0 && !isBoundary(terms[at], terms[at + 1]); at--) {
    if (has(terms[at], 'Verb') && !has(terms[at], 'Auxiliary')) {
      if (terms[at - 1]?.normal !== 'to') return at
      at--
    } else if (!isNominal(terms[at]) && !has(terms[at], 'Preposition')) return undefined
  }
  return undefined
}

/** The terms to report for an idiom, or `undefined` when its context rules it out (see `kind` in the table). */
function idiomRange(terms: Term[], [start, end]: TermRange, kind: string | undefined): TermRange | undefined {
  switch (kind) {
    case 'self': {
      const subject = selfSubject(terms, start)
      // "I forgot to remove": take the verb after "to".
      return subject ? [subject[0], terms[end - 1].normal === 'to' && has(terms[end], 'Verb') ? end + 1 : end] : undefined
    }
    case 'trait': {
      // "I was careless", "we got complacent"; not "I was not careless", "we were lazy-loading the config".
      const next = terms[end]
      if (terms[end - 1].post.trim() === '-' || (next && has(next, 'Noun') && !has(next, 'Pronoun') && !isBoundary(terms[end - 1], next))) return undefined
      // "I was being careless": "being" is part of the copula.
      const predicate = terms[start - 1]?.normal === 'being' ? start - 1 : start
      const subject = selfSubject(terms, predicate, true)
      return subject && !negatedBefore(terms, start, {from: subject[1]}) ? [subject[0], end] : undefined
    }
    case 'manner': {
      // "I skipped the review out of laziness": the writer did the verb it qualifies.
      const verb = clauseVerb(terms, start)
      return verb !== undefined && selfSubject(terms, verb) ? [start, end] : undefined
    }
    case 'inversion':
      // "Had I checked…" opens the sentence with a verb after the pronoun.
      return start === 0 && has(terms[end], 'Verb') ? [start, end + 1] : undefined
    default: {
      // "It was not my fault" denies it.
      if (negatedBefore(terms, start, {from: start - 2})) return undefined
      if (kind === 'compound' && isCompound(terms, start, end)) return undefined
      // "If only I had read…": run on through the verb group.
      let stop = end
      while (stop < end + 2 && has(terms[stop], 'Verb')) stop++
      return [start, stop]
    }
  }
}

export default defineRule({
  meta: {
    id: 'no-self-blame',
    description: 'Flags first-person self-blame and counterfactuals ("I should have caught", "my fault").',
    severity: 'warning',
    recommended: true
  },
  check(document, context) {
    for (const match of findPhrases(document, table)) {
      const terms = termsOf(match.sentence)
      const found = termRange(match.sentence, match.nodes)
      const range = found && idiomRange(terms, found, match.entry.kind)
      if (!range) continue
      reportNodes(document, context, match.sentence, nodesOf(match.sentence, terms, ...range), findingOf(match.entry, table))
    }

    for (const sentence of document.sentences) {
      // A first-person word is the cheap prefilter before compromise reads the modals.
      if (!firstPerson.test(sentence.text)) continue
      const counterfactuals = findCounterfactuals(sentence)
      if (counterfactuals.length === 0) continue
      const terms = termsOf(sentence)
      for (const {range, passive, fact} of counterfactuals) {
        const subject = passive ? undefined : selfSubject(terms, range[0])
        if (!subject) continue
        const nodes = nodesOf(sentence, terms, subject[0], range[1])
        if (isMention(document.source, sentence, nodes)) continue
        // "I should have checked" → "I did not check", unless markup inside the range would be lost.
        const plain = sentence.text.slice(terms[subject[0]].start, terms[range[1] - 1].end) === sourceText(document, nodes)
        reportNodes(document, context, sentence, nodes, {
          message: counterfactualMessage,
          expected: fact && plain ? [`${sentence.text.slice(terms[subject[0]].start, terms[subject[1] - 1].end)} ${fact}`] : undefined,
          note: counterfactualNote
        })
      }
    }
  }
})
