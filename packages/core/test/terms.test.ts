import {describe, expect, it} from 'vitest'
import {parseDocument, subjectBefore, termsOf} from '../src/index.js'

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
