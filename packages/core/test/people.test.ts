import {toString} from 'nlcst-to-string'
import {describe, expect, it} from 'vitest'
import {findPeople, parseDocument, personAt, possiblePeople, subjectOf, type PeopleOptions, type Sentence} from '../src/index.js'

const sentenceOf = (text: string): Sentence => parseDocument(text).document.sentences[0]

/** The people a sentence names, as `kind:text`. */
const people = (text: string, options?: PeopleOptions) => findPeople(sentenceOf(text), options).map((person) => `${person.kind}:${person.text}`)

/** The node index of `word` in the sentence. */
const indexOf = (sentence: Sentence, word: string) => sentence.node.children.findIndex((node) => toString(node) === word)

describe('findPeople', () => {
  it('finds handles, e-mail addresses, Slack and Jira mentions', () => {
    expect(people('@priya skipped the canary and mei@ did not notice.')).toEqual(['handle:@priya', 'handle:mei@'])
    expect(people('hamid.rahimi@example.com pushed the bundle.')).toEqual(['email:hamid.rahimi@example.com'])
    expect(people('<@U024BE7LH> restarted the replica.')).toEqual(['slack:<@U024BE7LH>'])
    expect(people('[~chiara.b] deleted the topic.')).toEqual(['jira:[~chiara.b]'])
    expect(people('The fix (@aisha, NET-80) shipped.')).toEqual(['handle:@aisha'])
  })

  it('keeps a possessive with the person', () => {
    const [person] = findPeople(sentenceOf("Kofi's change and @lee's review."))
    expect(person).toMatchObject({kind: 'name', text: "Kofi's", possessive: true})
    expect(people("@lee's review.")).toEqual(["handle:@lee's"])
  })

  it('does not take group handles or times for people', () => {
    expect(people('I pinged @here and @platform-team at 10:02.')).toEqual([])
  })

  it('finds known and unknown first names, and names of two words', () => {
    expect(people('Dylan paged Olusegun and Anna Two.')).toEqual(['name:Dylan', 'name:Olusegun', 'name:Anna Two'])
  })

  it('does not take systems, products, teams or English words for people', () => {
    expect(people('Jenkins retried the build before Argo marked the rollout healthy.')).toEqual([])
    expect(people('Kafka and Redis were fine; PagerDuty paged the Checkout team.')).toEqual([])
    expect(people('Rollback finished. Thanks for the help. Search results were stale.')).toEqual([])
    expect(people('The Ledger service and our Vitesse cluster recovered.')).toEqual([])
    expect(people('Chia Network and the Luna Foundation Guard replied.')).toEqual([])
  })

  it('extends the systems with `notPeople`', () => {
    expect(people('Zorba dropped the connections.')).toEqual(['name:Zorba'])
    expect(people('Zorba dropped the connections.', {notPeople: ['Zorba']})).toEqual([])
  })

  it('takes roster names as written, and lower-case roster handles anywhere', () => {
    expect(people('Will restarted the pod.', {people: ['Will']})).toEqual(['roster:Will'])
    expect(people('It will restart the pod.', {people: ['Will']})).toEqual([])
    expect(people('Then dylanone deleted it, as @dylanone said.', {people: ['@dylanone']})).toEqual(['roster:dylanone', 'roster:@dylanone'])
  })
})

describe('possiblePeople', () => {
  it('finds mentions and capitalised words without judging them', () => {
    const sentence = sentenceOf('Thanks to Kafka, ask @mei or Dylan.')
    expect(findPeople(sentence).map((person) => person.text)).toEqual(['@mei', 'Dylan'])
    expect(possiblePeople(sentence).map((person) => person.text)).toEqual(['Thanks', '@mei', 'Dylan'])
  })

  it('is empty for a sentence with nothing that could name a person', () => {
    expect(possiblePeople(sentenceOf('the cache had no expiry, so a stale file was used.'))).toEqual([])
    expect(possiblePeople(sentenceOf('the Zeta queue was full.'), {notPeople: ['zeta']})).toEqual([])
  })
})

describe('subjectOf and personAt', () => {
  it('finds the subjects of a predicate across adverbs, auxiliaries and coordination', () => {
    const sentence = sentenceOf('Then Kim and @lee had accidentally skipped the canary.')
    const found = findPeople(sentence)
    expect(subjectOf(sentence, found, indexOf(sentence, 'skipped')).map((person) => person.text)).toEqual(['@lee', 'Kim'])
  })

  it('stops at other words', () => {
    const sentence = sentenceOf('Kim said the job skipped the canary.')
    expect(subjectOf(sentence, findPeople(sentence), indexOf(sentence, 'skipped'))).toEqual([])
  })

  it('does not take the object of a preposition as the subject', () => {
    const sentence = sentenceOf('The page on Immunefi did not list it.')
    expect(subjectOf(sentence, findPeople(sentence), indexOf(sentence, 'did'))).toEqual([])
  })

  it('reads "that" before a name as a relative pronoun', () => {
    const sentence = sentenceOf('A change that Ngozi had not tested.')
    expect(subjectOf(sentence, findPeople(sentence), indexOf(sentence, 'had')).map((person) => person.text)).toEqual(['Ngozi'])
  })

  it('does not take a possessive as the subject', () => {
    const sentence = sentenceOf("Kim's script skipped the canary.")
    expect(subjectOf(sentence, findPeople(sentence), indexOf(sentence, 'skipped'))).toEqual([])
  })

  it('finds the person after a word', () => {
    const sentence = sentenceOf('It was caused by Santiago running the script.')
    expect(personAt(sentence, findPeople(sentence), indexOf(sentence, 'by') + 1)?.text).toBe('Santiago')
  })
})
