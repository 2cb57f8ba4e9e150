import {
  defineRule,
  findCounterfactuals,
  findingOf,
  findPeople,
  findPhrases,
  isMention,
  loadPhraseTable,
  nodesIn,
  personAt,
  possiblePeople,
  reportNodes,
  subjectOf,
  termRange,
  termsOf,
  type Counterfactual,
  type Finding,
  type PeopleOptions,
  type Person,
  type PhraseEntry,
  type PhraseMatch,
  type PhraseMatchOf,
  type PhraseTable,
  type Sentence,
  wordNear,
  wordText
} from '@blamelint/core'

type SentenceContent = Sentence['node']['children'][number]

const dataFile = (name: string) => new URL(`../data/${name}`, import.meta.url)
const predicates = loadPhraseTable(dataFile('predicates.yml'), {
  lists: ['discoveries', 'remedies'],
  fields: {withNextWord: 'boolean', unlessExplained: 'boolean'},
  kinds: ['object', 'faulty-object']
})
const causes = loadPhraseTable(dataFile('causes.yml'), {lists: ['failures', 'reliefs', 'systemStates'], kinds: ['effect']})
const possessions = loadPhraseTable(dataFile('possessions.yml'), {kinds: ['adjective']})

/** A person tied to a failure: who, and the nodes to report. */
interface Tie {
  people: Person[]
  nodes: SentenceContent[]
  expected?: string[]
}

const isWord = (node: SentenceContent | undefined) => node?.type === 'WordNode'
const wordAt = (sentence: Sentence, index: number) => (isWord(sentence.node.children[index]) ? wordText(sentence.node.children[index]) : '')

/** Index of the first word at or after node `index`, across whitespace (and, with `punctuation`, a colon or dash), or -1. */
const nextWord = (sentence: Sentence, index: number, punctuation = false) => wordNear(sentence.node.children, index - 1, 1, punctuation ? /^[:\-–—]$/ : undefined)

/** Index of the word before node `index`, across whitespace only, or -1. */
const previousWord = (sentence: Sentence, index: number) => wordNear(sentence.node.children, index, -1)

const span = (sentence: Sentence, start: number, end: number) => sentence.node.children.slice(start, end)

/** The person owning the noun that ends at `index`: "Sam's commit", "Mo's new config". */
function possessorBefore(sentence: Sentence, people: Person[], index: number): Person | undefined {
  let at = index
  for (let step = 0; step < 3 && at >= 0; step++) {
    const owner = people.find((person) => person.possessive && person.end === at + 1)
    if (owner) return owner
    at = previousWord(sentence, at)
  }
  return undefined
}

/** The person named as agent by a "by" after node `start`: "broken by Sam". */
function agentAfter(sentence: Sentence, people: Person[], start: number): Person | undefined {
  for (let at = start, step = 0; at !== -1 && step < 6; at = nextWord(sentence, at + 1), step++) {
    if (wordAt(sentence, at) === 'by') return personAt(sentence, people, at + 1)
  }
  return undefined
}

/** compromise's tags for the word at node `index`. */
function tagsAt(sentence: Sentence, index: number): Set<string> {
  const terms = termsOf(sentence)
  const range = termRange(sentence, [sentence.node.children[index]])
  return new Set(range ? terms.slice(...range).flatMap((term) => [...term.tags]) : [])
}

const objectTags = ['Noun', 'Determiner', 'Adjective', 'Value', 'Preposition', 'Possessive', 'Adverb', 'Particle']

/**
 * The verb that a faulty object or manner belongs to ("deleted" in "deleted
 * the old topic by mistake"): back over the noun phrase and prepositions.
 */
function verbBefore(sentence: Sentence, index: number): number {
  for (let at = previousWord(sentence, index); at !== -1; at = previousWord(sentence, at)) {
    const tags = tagsAt(sentence, at)
    // A particle belongs to the verb before it: "looked over it".
    if (tags.has('Verb') && !tags.has('Auxiliary') && !tags.has('Particle')) return at
    if (!objectTags.some((tag) => tags.has(tag))) return -1
  }
  return -1
}

/** Who a predicate ties to its failure: its subject, the owner of its subject, or a passive agent. */
function tiePredicate(sentence: Sentence, people: Person[], match: PhraseMatchOf<typeof predicates>): Tie | undefined {
  const {entry} = match
  let start = match.index
  let end = match.index + match.nodes.length
  if (entry.unlessExplained && sentence.node.children.slice(end).some((node) => isWord(node) && /^(because|since)$/.test(wordText(node)))) return undefined
  if (entry.kind === 'object' || entry.kind === 'faulty-object') {
    const verb = verbBefore(sentence, match.index)
    const excluded = entry.kind === 'object' ? predicates.discoveries : [...predicates.discoveries, ...predicates.remedies]
    if (verb !== -1 && excluded.includes(wordAt(sentence, verb))) return undefined
    if (verb !== -1) start = verb
    // Show the object the marker qualifies: "the wrong Kafka topic".
    if (entry.kind === 'faulty-object' || /^(the|a|an)$/.test(wordAt(sentence, match.index))) end = phraseEnd(sentence, end)
  } else if (entry.withNextWord) {
    const next = nextWord(sentence, end)
    if (next !== -1) end = next + 1
  }
  const subjects = subjectOf(sentence, people, start)
  if (subjects.length > 0) {
    const first = subjects[subjects.length - 1]
    return {people: [...subjects].reverse(), nodes: span(sentence, first.start, end)}
  }
  const owner = possessorBefore(sentence, people, previousWord(sentence, start))
  if (owner) return {people: [owner], nodes: span(sentence, owner.start, end)}
  // A passive: "was broken by Sam", "was deleted by Yusuf by mistake".
  const agent = agentAfter(sentence, people, start)
  if (agent) return {people: [agent], nodes: span(sentence, start, Math.max(end, agent.end))}
  return undefined
}

/**
 * The end of the noun phrase that starts at node `start`: adjectives, the
 * head, and nouns compounded with it ("untested migration", "wrong Kafka topic").
 */
function phraseEnd(sentence: Sentence, start: number): number {
  let end = start
  let head = false
  for (let at = nextWord(sentence, start), step = 0; at !== -1 && step < 4; at = nextWord(sentence, at + 1), step++) {
    const tags = tagsAt(sentence, at)
    if (head && !tags.has('Noun')) break
    end = at + 1
    head ||= !tags.has('Adjective')
  }
  return end
}

/** A person right after a cause phrase: "caused by Lee", "the root cause was Raj's change". */
function tieCause(sentence: Sentence, people: Person[], match: PhraseMatchOf<typeof causes>): Tie | undefined {
  const end = match.index + match.nodes.length
  const at = nextWord(sentence, end, true)
  const person = at === -1 ? undefined : personAt(sentence, people, at)
  if (!person) return undefined
  if (match.entry.kind === 'effect') {
    if (person.possessive) return undefined
    const words = sentence.node.children.filter((node, index) => isWord(node) && (index < match.index || index >= person.end)).map(wordText)
    if (!words.some((word) => causes.failures.includes(word)) || words.some((word) => causes.reliefs.includes(word))) return undefined
  }
  const following = [nextWord(sentence, person.end)]
  following.push(following[0] === -1 ? -1 : nextWord(sentence, following[0] + 1))
  if (following.some((at) => causes.systemStates.includes(wordAt(sentence, at)))) return undefined
  return {people: [person], nodes: span(sentence, match.index, person.possessive ? phraseEnd(sentence, person.end) : person.end)}
}

/** A fault noun or adjective right after a possessive person: "Dylan's mistake", "Mo's bad deploy". */
function tiePossession(sentence: Sentence, people: Person[], match: PhraseMatchOf<typeof possessions>): Tie | undefined {
  const before = previousWord(sentence, match.index)
  const owner = people.find((person) => person.possessive && person.end === before + 1)
  if (!owner) return undefined
  let end = match.index + match.nodes.length
  const {entry} = match
  if (entry.kind !== 'adjective') {
    // "Kofi's error budget", "the proxy's fault tolerance" are compounds, not faults.
    const next = end < sentence.node.children.length && sentence.node.children[end].type === 'WhiteSpaceNode' ? nextWord(sentence, end) : -1
    return next !== -1 && tagsAt(sentence, next).has('Noun') ? undefined : {people: [owner], nodes: span(sentence, owner.start, end)}
  }
  end = phraseEnd(sentence, owner.end)
  const noun = wordAt(sentence, end - 1)
  if (end - 1 === match.index) return undefined
  return {people: [owner], nodes: span(sentence, owner.start, end), expected: entry.expected?.map((text) => text.replace('{noun}', noun))}
}

const counterfactualMessage =
  '`{actual}` ties {person} to what, with hindsight, should have happened. Naming who should have acted turns the ' +
  'review into a verdict on that person. Say what they saw and why their action made sense at the time, and what ' +
  'would have made the other path visible.'

/** Named subjects of counterfactuals: "Dylan should have checked the lag". */
function tieCounterfactuals(sentence: Sentence, counterfactuals: Counterfactual[], people: Person[]): Tie[] {
  const terms = termsOf(sentence)
  const children = sentence.node.children
  return counterfactuals.flatMap(({range, passive}) => {
    const modal = children.indexOf(nodesIn(sentence, terms[range[0]].start, terms[range[0]].end)[0])
    const subjects = passive ? [] : subjectOf(sentence, people, modal)
    if (subjects.length === 0) return []
    const end = children.indexOf(nodesIn(sentence, terms[range[1] - 1].start, terms[range[1] - 1].end)[0]) + 1
    return [{people: [...subjects].reverse(), nodes: span(sentence, subjects[subjects.length - 1].start, end)}]
  })
}


export default defineRule({
  meta: {
    id: 'no-named-blame',
    description: 'Flags a named person tied to a failure ("Dylan forgot to…", "caused by @lee").',
    severity: 'error',
    recommended: true,
    options: {
      notPeople: {
        type: 'string[]',
        default: [],
        description: 'Capitalised names of systems, products and teams that are not people (added to the built-in list).'
      },
      blockquotes: {
        type: 'boolean',
        default: true,
        description: 'Lint blockquotes, which often hold pasted chat; set to `false` to skip them.'
      }
    }
  },
  check(document, context) {
    const options: PeopleOptions = {people: context.settings.people, notPeople: context.options.notPeople}
    const sentences = context.options.blockquotes ? document.sentences : document.sentences.filter((sentence) => !sentence.block.quoted)
    const reported = new Set<Person>()
    const report = (sentence: Sentence, found: Tie | undefined, {message, note}: Finding) => {
      if (!found || isMention(document.source, sentence, found.nodes) || found.people.some((one) => reported.has(one))) return
      for (const one of found.people) reported.add(one)
      const person = found.people.map((one) => one.text.replace(/['’]s$/, '')).join(' and ')
      reportNodes(document, context, sentence, found.nodes, {message, expected: found.expected, note, values: {person}})
    }
    // A phrase match (or a modal) and a possible person, found without compromise, are the prefilter.
    // The ties are then found once, with the possible people (some ties ask compromise for tags), and
    // compromise's lexicon judges the names only of the people in them: a tie stands when every one
    // is a person as found. Only when the lexicon reads a name differently ("Yesterday Anna" is
    // "Anna") are the ties found again with the people it confirms.
    const tied = (sentence: Sentence, tie: (people: Person[]) => Tie[]): Tie[] => {
      const possible = possiblePeople(sentence, options)
      const found = possible.length > 0 ? tie(possible) : []
      if (found.length === 0) return []
      const people = findPeople(sentence, options)
      const confirmed = found.map((one) => ({...one, people: one.people.flatMap((person) => people.filter((other) => other.start === person.start && other.end === person.end))}))
      return confirmed.every((one, index) => one.people.length === found[index].people.length) ? confirmed : tie(people)
    }

    const tieMatches = <Entry extends PhraseEntry>(table: PhraseTable<Entry>, tie: (sentence: Sentence, people: Person[], match: PhraseMatch<Entry>) => Tie | undefined) => {
      for (const match of findPhrases(document, table, sentences)) {
        for (const found of tied(match.sentence, (people) => [tie(match.sentence, people, match)].filter((one) => one !== undefined))) {
          report(match.sentence, found, findingOf(match.entry, table))
        }
      }
    }
    // Most specific first: a person is reported once, for the first tie found.
    tieMatches(causes, tieCause)
    tieMatches(possessions, tiePossession)
    tieMatches(predicates, tiePredicate)
    for (const sentence of sentences) {
      // Only a possible person right before a modal can be the subject of a counterfactual.
      const possible = possiblePeople(sentence, options)
      const modals = sentence.node.children.flatMap((node, index) => (/^(should|could|ought)/.test(wordText(node)) ? [index] : []))
      if (!modals.some((index) => subjectOf(sentence, possible, index).length > 0)) continue
      const counterfactuals = findCounterfactuals(sentence)
      if (counterfactuals.length === 0) continue
      for (const found of tied(sentence, (people) => tieCounterfactuals(sentence, counterfactuals, people))) report(sentence, found, {message: counterfactualMessage, note: predicates.note})
    }
  }
})
