// Counterfactuals about what someone did: "should have checked", "could
// easily have caught", "shouldn't have merged", "should've rolled back",
// "should have been more careful". Who they are about (the writer, another
// person, a system) is the rule's call; this finds the modal and its verb.
//
// Not counterfactuals: possession or a recommendation ("should have alerting",
// "should have a runbook", "should have automated tests"), a missing thing
// ("should have had a plan"), a "could" about an outcome ("could have lost
// data", "without paging we could have noticed it later"), a negated
// "could" ("could not have known") and plans ("should have migrated by next
// week"). "would have" is found only on request: it is mostly a wish or a
// consequence ("I would have liked more context", "we would have noticed it
// with an alert"), and only a rule that knows the subject can tell.
import {nlp} from './nlp.js'
import {isBoundary, negatedBefore, termsOf, type Term, type TermRange} from './terms.js'
import type {Sentence} from './types.js'

export interface Counterfactual {
  /** Terms from the modal to the verb, or to the complement of "been". */
  range: TermRange
  modal: 'should' | 'could' | 'ought' | 'would'
  /** The verb's normal form: "checked", "known", or "been" before an adjective. */
  verb: string
  /** A passive: "should have been caught". */
  passive: boolean
  /** What happened, said plainly ("did not check"), when the modal is simple enough to rewrite. */
  fact?: string
}

export interface CounterfactualOptions {
  /** Also find "would have" + participle ("anyone would have noticed"). */
  would?: boolean
}

/** Participles that, before a bare noun, describe something to have: "automated tests", "dedicated capacity". */
const adjectival = new Set(
  (
    'automated dedicated documented detailed updated improved centralised centralized structured scheduled integrated ' +
    'standardised standardized versioned signed pinned shared limited advanced enhanced expanded extended unified named ' +
    'labelled labeled managed hosted isolated reserved distributed replicated canned required'
  ).split(' ')
)

/** What a "could have" speculates about rather than an action someone missed: "could have lost data". */
const outcomes = new Set(
  (
    'lost suffered caused leaked corrupted failed crashed seen gone become affected impacted hit ended led resulted ' +
    'taken gotten got exposed triggered broken deleted destroyed cost wiped spread escalated cascaded lasted happened ' +
    'occurred hurt damaged sworn worse used'
  ).split(' ')
)

/** The cheap check before compromise: a modal with "have" soon after ("could easily have", "should've"). */
const prefilter = (modals: string) => new RegExp(`\\b(?:${modals})(?:n['’]t|['’]ve\\b|(?:\\s+\\S+){0,2}?\\s+have\\b)`, 'i')
const mayHaveCounterfactual = prefilter('should|could|ought')
const mayHaveWould = prefilter('should|could|ought|would')

/** A time still to come: "we should have migrated all services by next week" is a plan. */
const future = /\b(next (week|sprint|month|quarter|year|release)|tomorrow|in the future|going forward|from now on|by the end of (the|this|next))\b/i

/** Words that set up a worse imagined world for a "could": "without paging we could have noticed it later". */
const hypothetical = new Set(['without', 'otherwise', 'fortunately', 'luckily', 'thankfully'])

/** "had", "received": something missing or expected from the system, not something done. */
const possession = new Set(['had', 'got', 'gotten', 'received', 'heard'])

const has = (term: Term | undefined, ...tags: string[]) => term !== undefined && tags.some((tag) => term.tags.has(tag))
const isParticiple = (term: Term | undefined) => has(term, 'PastTense', 'Participle', 'Perfect') && !/ing$/.test(term!.normal)
const isBareNoun = (term: Term | undefined) => has(term, 'Noun') && !has(term, 'Pronoun', 'Determiner')

/** The counterfactual modals in a sentence. Loads compromise only when a modal has "have" after it. */
export function findCounterfactuals(sentence: Sentence, options: CounterfactualOptions = {}): Counterfactual[] {
  if (!(options.would ? mayHaveWould : mayHaveCounterfactual).test(sentence.text) || future.test(sentence.text)) return []
  const modals = new Set(['should', 'could', 'ought', ...(options.would ? ['would'] : [])])
  const terms = termsOf(sentence)
  const found: Counterfactual[] = []
  for (const [index, term] of terms.entries()) {
    if (!modals.has(term.normal)) continue
    const modal = term.normal as Counterfactual['modal']
    let negated = false
    let at = index + 1
    // Adverbs and negation between the words: "should really not have", "ought to have".
    const skip = () => {
      while (at < terms.length && !isBoundary(terms[at - 1], terms[at]) && (has(terms[at], 'Adverb', 'Negative') || (modal === 'ought' && terms[at].normal === 'to'))) {
        negated ||= has(terms[at], 'Negative')
        at++
      }
    }
    // A compound verb: "load tested", "double checked".
    const compound = () => {
      if (!isParticiple(terms[at]) && has(terms[at], 'Noun', 'Adjective') && isParticiple(terms[at + 1]) && !isBoundary(terms[at], terms[at + 1])) at++
    }
    skip()
    if (terms[at]?.normal !== 'have' || isBoundary(terms[at - 1], terms[at])) continue
    at++
    skip()
    // "could not have known" and "nobody could have known" deny the counterfactual; "would not have noticed" too.
    if ((modal === 'could' || modal === 'would') && (negated || negatedBefore(terms, index))) continue
    if (terms[at]?.normal === 'been') {
      at++
      // "could have been worse" is an outcome; "could have been more careful" is not.
      const comparative = /^(more|less)$/.test(terms[at]?.normal ?? '') || has(terms[at], 'Comparative')
      skip()
      compound()
      const judged = modal !== 'could' || (comparative && !outcomes.has(terms[at]?.normal ?? ''))
      if (judged && has(terms[at], 'Adjective') && !isParticiple(terms[at])) found.push({range: [index, at + 1], modal, verb: 'been', passive: false})
      else if (isParticiple(terms[at])) found.push({range: [index, at + 1], modal, verb: terms[at].normal, passive: true})
      continue
    }
    compound()
    const verb = terms[at]
    if (!isParticiple(verb) || possession.has(verb.normal)) continue
    if (adjectival.has(verb.normal) && isBareNoun(terms[at + 1])) continue
    if (modal === 'could' && (outcomes.has(verb.normal) || terms.slice(0, index).some((term) => hypothetical.has(term.normal)))) continue
    // "should have checked" → "did not check"; not "should not have…" or "should have load tested".
    const fact = !negated && modal !== 'would' && terms[at - 1].normal === 'have' ? `did not ${infinitiveOf(verb.normal)}` : undefined
    found.push({range: [index, at + 1], modal, verb: verb.normal, passive: false, fact})
  }
  return found
}

type ToInfinitive = (word: string, model: object, tense: string) => string

/**
 * The infinitive of a past participle ("caught" → "catch", "known" → "know"),
 * for suggestions such as "did not catch". compromise's conjugation table is
 * tried as a participle, then as a past tense; a guess that is not an English
 * word is dropped ("run" stays "run", not the name "Rin").
 */
export function infinitiveOf(participle: string): string {
  const world = nlp().world() as {methods: {two: {transform: {verb: {toInfinitive: ToInfinitive}}}}}
  const model = nlp().model() as {one: {lexicon: Record<string, string | string[]>}}
  const toInfinitive = world.methods.two.transform.verb.toInfinitive
  const fromParticiple = toInfinitive(participle, model, 'Participle')
  if (fromParticiple && fromParticiple !== participle) return fromParticiple
  const fromPast = toInfinitive(participle, model, 'PastTense')
  const known = [model.one.lexicon[fromPast] ?? []].flat().some((tag) => !/Name$/.test(tag))
  return fromPast && (participle.endsWith('ed') || known) ? fromPast : participle
}
