// Who or what a phrase is about. Blame rules care whether a judgement or a
// question lands on a person ("the reviewer", "someone", "@dylan"), on what a
// person did ("the review", "a hasty edit"), on the writer ("I", "our"), or on
// a system ("the timestamp format"). compromise tags names but not roles, and
// tags many components as actors ("controller", "worker"), so roles and
// conduct nouns are listed here; names and handles come from people.ts.
import {findPeople, type PeopleOptions} from './people.js'
import {termsOf, textSpan, type Term} from './terms.js'
import type {Sentence} from './types.js'

/** What a noun phrase refers to. */
export type Referent = 'self' | 'person' | 'conduct' | 'thing'

const selfWords = new Set(['i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves'])

const personPronouns = new Set([
  'he', 'him', 'his', 'she', 'her', 'hers', 'they', 'them', 'their', 'you', 'your',
  'someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody', 'nobody', 'whoever', 'who'
])

/** Nouns for people and groups of people. */
const roles = new Set(
  (
    'engineer developer dev programmer coder operator admin administrator sysadmin responder first-responder ' +
    'reviewer approver author committer contributor contractor consultant employee staffer hire newcomer ' +
    'intern trainee manager lead owner maintainer user person individual human colleague coworker co-worker ' +
    'teammate team squad crew department on-call oncall on-caller sre dba tester analyst architect designer ' +
    'director executive cto vp member volunteer guy folk vendor supplier agency investor founder vc'
  )
    .split(' ')
    .flatMap((word) => [word, `${word}s`])
    .concat(['staff', 'people', 'folks', 'humans', 'ops', 'qa', 'whoever'])
)

/** Groups of people that are also activities: people only on their own ("senior management", not "certificate management"). */
const collectives = new Set(['management', 'leadership'])

/** Nouns for what people do: judging these judges the people who did it. */
const conduct = new Set(
  (
    'review reviewing work job mistake edit move decision choice attitude behaviour behavior handling testing ' +
    'coding engineering planning practice habit oversight slip response communication handover handoff writing ' +
    'thinking effort attempt judgement judgment call idea deploy deployment rollout change merge commit'
  )
    .split(' ')
    .flatMap((word) => [word, `${word}s`, `${word}es`])
)

/** Whether a term names a person: a pronoun or a role ("the reviewer", "someone"). */
export function isPersonTerm(term: Term): boolean {
  const word = term.normal.replace(/'s?$/, '')
  return personPronouns.has(word) || roles.has(word)
}

/**
 * The terms of a sentence that belong to a named person (a name, handle,
 * e-mail, chat mention or roster entry; see `findPeople`).
 */
export function namedTerms(sentence: Sentence, options: PeopleOptions = {}): Set<Term> {
  const spans = findPeople(sentence, options).map((person) => textSpan(sentence, person.nodes))
  return new Set(termsOf(sentence).filter((term) => spans.some((span) => term.start < span.end && term.end > span.start)))
}

/**
 * What the noun phrase `terms` refers to, judged by its head (the last noun)
 * and its owner: `self` for "I", "we", "our review"; `person` for "the
 * reviewer", "someone", "no one", a term in `named`; `conduct` for "the
 * review", "the engineer's change", a gerund clause ("leaving the token…");
 * `thing` for anything else with a noun.
 */
export function referentOf(terms: Term[], named: ReadonlySet<Term> = new Set()): Referent | undefined {
  const words = terms.filter((term) => term.text !== '')
  if (words.length === 0) return undefined
  const isPerson = (term: Term) => named.has(term) || isPersonTerm(term)
  const nouns = words.filter((term) => term.tags.has('Noun') || term.tags.has('Pronoun') || isPerson(term))
  const head = nouns[nouns.length - 1]
  if (words.some((term, index) => term.normal === 'no' && words[index + 1]?.normal === 'one')) return 'person'
  if (!head) return words[0].tags.has('Gerund') ? 'conduct' : undefined
  if (selfWords.has(head.normal)) return 'self'
  if (isPerson(head) || (collectives.has(head.normal) && nouns.length === 1)) return 'person'
  if (words[0].tags.has('Gerund')) return 'conduct'
  if (words.some((term) => selfWords.has(term.normal))) return 'self'
  return conduct.has(head.normal) || words.some((term) => term.tags.has('Possessive') && isPerson(term)) ? 'conduct' : 'thing'
}
