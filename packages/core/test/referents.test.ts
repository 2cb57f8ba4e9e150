import {describe, expect, it} from 'vitest'
import {
  complementAfter,
  findPhrases,
  lintText,
  namedTerms,
  parseDocument,
  phraseAround,
  referentOf,
  reportPhrases,
  resolveConfig,
  subjectBefore,
  termRange,
  termsOf,
  defineRule,
  type PhraseTable
} from '../src/index.js'

/** The terms of `text` and the range of the first match of `phrase`. */
function locate(text: string, phrase: string) {
  const {document} = parseDocument(text)
  const [match] = findPhrases(document, {message: '', entries: [{phrases: [phrase]}]})
  const range = termRange(match.sentence, match.nodes)!
  return {sentence: match.sentence, terms: termsOf(match.sentence), range}
}

const words = (terms: ReturnType<typeof termsOf>, span: [number, number] | undefined) =>
  span ? terms.slice(...span).map((term) => term.text).join(' ') : undefined

describe('terms', () => {
  it('lines compromise terms up with nlcst matches, implied terms included', () => {
    const {terms, range} = locate('Why didn’t the reviewer notice?', "didn't")
    expect(terms.slice(...range).map((term) => term.normal)).toEqual(['did', 'not'])
  })

  it('finds the subject across a relative clause and an of-phrase', () => {
    const relative = locate('The reviewer who approved the change was to blame.', 'to blame')
    expect(words(relative.terms, subjectBefore(relative.terms, relative.range[0]))).toBe('The reviewer')
    const owner = locate('The owner of the service was at fault.', 'at fault')
    expect(words(owner.terms, subjectBefore(owner.terms, owner.range[0]))).toBe('The owner')
    const whoever = locate('Whoever wrote the cron entry was careless.', 'careless')
    expect(words(whoever.terms, subjectBefore(whoever.terms, whoever.range[0]))).toBe('Whoever')
  })

  it('needs a verb between subject and predicate unless told otherwise', () => {
    const attributive = locate('A careless edit broke it.', 'careless')
    expect(subjectBefore(attributive.terms, attributive.range[0])).toBeUndefined()
    const verb = locate('The database team screwed up the failover.', 'screwed up')
    expect(words(verb.terms, subjectBefore(verb.terms, verb.range[0], false))).toBe('The database team')
  })

  it('finds the complement and the phrase around a match', () => {
    const {terms, range} = locate('The culprit was the contractor who changed it.', 'culprit')
    expect(words(terms, complementAfter(terms, range[1] - 1))).toBe('the contractor')
    const here = locate('The main culprit here was the contractor.', 'culprit')
    expect(words(here.terms, complementAfter(here.terms, here.range[1]))).toBe('the contractor')
    const around = locate('It was a careless config change, then a restart.', 'careless')
    expect(words(around.terms, phraseAround(around.terms, around.range))).toBe('a careless config change')
  })
})

describe('referents', () => {
  const referent = (text: string, phrase: string) => {
    const {sentence, terms, range} = locate(text, phrase)
    return referentOf(terms.slice(...range), namedTerms(sentence))
  }

  it('tells the writer, people, conduct and things apart', () => {
    expect(referent('I was there.', 'i')).toBe('self')
    expect(referent('Our review was short.', 'our review')).toBe('self')
    expect(referent('Our on-call engineer was paged.', 'our on-call engineer')).toBe('person')
    expect(referent('The reviewer was paged.', 'the reviewer')).toBe('person')
    expect(referent('No one was paged.', 'no one')).toBe('person')
    expect(referent('The code review was short.', 'the code review')).toBe('conduct')
    expect(referent('The timestamp format was odd.', 'the timestamp format')).toBe('thing')
  })

  it('reads management and leadership as people only on their own', () => {
    expect(referent('Senior management asked for a date.', 'senior management')).toBe('person')
    expect(referent('The leadership approved the freeze.', 'the leadership')).toBe('person')
    expect(referent('Certificate management moved to the platform team.', 'certificate management')).toBe('thing')
    expect(referent('The management cluster was drained.', 'the management cluster')).toBe('thing')
  })

  it('uses findPeople for names and handles', () => {
    expect(referent('Priya Raman was paged.', 'priya raman')).toBe('person')
    expect(referent('Then @mei was paged.', 'mei')).toBe('person')
    expect(referent('Then Kafka was restarted.', 'kafka')).toBe('thing')
  })
})

describe('phrase tables: kind and accept', () => {
  const table: PhraseTable = {
    message: '`{actual}` found.',
    entries: [
      {phrases: ['sloppy'], kind: 'work'},
      {phrases: ['careless'], kind: 'trait'}
    ]
  }
  const rule = defineRule({
    meta: {id: 'kind-rule', description: 'Reports trait entries only.', severity: 'warning', recommended: false},
    check(document, context) {
      reportPhrases(document, context, table, (match) => match.entry.kind === 'trait')
    }
  })

  it('passes each match to `accept`, which sees the entry kind', () => {
    const config = resolveConfig([rule], {preset: 'none', rules: {'kind-rule': 'warning'}})
    const messages = lintText('A sloppy and careless edit.', [rule], {config}).messages
    expect(messages.map((message) => message.actual)).toEqual(['careless'])
  })
})
