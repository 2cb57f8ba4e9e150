import {describe, expect, it} from 'vitest'
import {negatedBefore, parseDocument, subjectBefore, termsOf, type NegationOptions} from '../src/index.js'

const termsIn = (text: string) => termsOf(parseDocument(text).document.sentences[0])

/** The subject of the verb `verb` in a one-sentence text, as written. */
function subject(text: string, verb: string): string | undefined {
  const terms = termsIn(text)
  const range = subjectBefore(terms, terms.findIndex((term) => term.normal === verb), false)
  return range && terms.slice(...range).map((term) => term.text).join(' ')
}

describe('termsOf', () => {
  it('reads an "-ed" word between a name and a determiner as a past tense', () => {
    const purged = termsIn('Arjun purged the old region.').find((term) => term.normal === 'purged')
    expect([...purged!.tags]).toEqual(['Verb', 'PastTense'])
    expect(termsIn('Arjun purged two regions.')[1].tags.has('PastTense')).toBe(true)
  })
})

describe('subjectBefore', () => {
  it('finds the noun a reduced relative clause qualifies', () => {
    expect(subject('The developer creating the pull request misjudged the impact.', 'misjudged')).toBe('The developer')
    expect(subject('The engineer assigned to the ticket overlooked the warning.', 'overlooked')).toBe('The engineer')
  })

  it('stops at a subject pronoun after a conjunction', () => {
    expect(subject('It is a shortcut when I am tired.', 'am')).toBe('I')
    expect(subject('A token is handy since we are busy.', 'are')).toBe('we')
  })
})

describe('negatedBefore', () => {
  /** Whether a negation stands before the first term `word` of `text`. */
  const negated = (text: string, word: string, options?: NegationOptions) => {
    const terms = termsIn(text)
    return negatedBefore(terms, terms.findIndex((term) => term.normal === word), options)
  }

  it('finds negations and negative words anywhere earlier in the clause', () => {
    expect(negated('It was not immediately obvious.', 'obvious')).toBe(true)
    expect(negated("The reviewer wasn't careless.", 'careless')).toBe(true)
    expect(negated('Nobody could have known.', 'could')).toBe(true)
    expect(negated('None of the responders were careless.', 'careless')).toBe(true)
    expect(negated('Neither reviewer could have known.', 'could')).toBe(true)
    expect(negated('Nothing about it was obvious.', 'obvious')).toBe(true)
    // Words that deny by degree count too, in every rule.
    expect(negated('Hardly anyone could have predicted it.', 'could')).toBe(true)
    expect(negated('The reviewer was barely careless.', 'careless')).toBe(true)
  })

  it('stops at the clause: punctuation, `stopAt` words and `from`', () => {
    expect(negated('No, the root cause was the disk.', 'root')).toBe(false)
    expect(negated('It did not page anyone, and it was obvious.', 'obvious')).toBe(false)
    expect(negated('It was not caught because the cause was obvious.', 'obvious', {stopAt: new Set(['because'])})).toBe(false)
    expect(negated('It was not caught because the cause was obvious.', 'obvious')).toBe(true)
    expect(negated('I did not say I was careless.', 'careless', {from: 5})).toBe(false)
  })

  it('takes a rule’s own words with `also`', () => {
    expect(negated('It was far from obvious.', 'obvious')).toBe(false)
    expect(negated('It was far from obvious.', 'obvious', {also: new Set(['far'])})).toBe(true)
  })
})
