import {toString} from 'nlcst-to-string'
import {describe, expect, it} from 'vitest'
import {findRecurrences, parseDocument, uniteStretches, type Stretch} from '../src/index.js'

/** The promises in `text`, as written. */
function promises(text: string): string[] {
  const {document} = parseDocument(text)
  return findRecurrences(document).map(({sentence, first, end}) => toString(sentence.node.children.slice(first, end)))
}

describe('findRecurrences', () => {
  it('finds fixed phrases and "never"/"ever" with a verb of recurrence and "again" in one clause', () => {
    expect(promises('We made sure this never recurs.')).toEqual(['never recurs'])
    expect(promises('The fix means it won’t happen again.')).toEqual(['won’t happen again'])
    expect(promises('Ensure this won’t ever happen again.')).toEqual(['ever happen again'])
    expect(promises('We must keep it from recurring ever again.')).toEqual(['recurring ever again'])
    expect(promises('We never want to see a failure like that again.')).toEqual(['never want to see a failure like that again'])
  })

  it('joins overlapping finds into one promise', () => {
    expect(promises('This will never ever happen again.')).toEqual(['never ever happen again'])
  })

  it('leaves facts, other clauses, bounded prevention and mentions alone', () => {
    expect(promises('The error never happened again after the patch.')).toEqual([])
    expect(promises('We never again saw the error.')).toEqual([])
    expect(promises('It never paged anyone, and it failed again on Tuesday.')).toEqual([])
    expect(promises('Stop this kind of failure from recurring.')).toEqual([])
    expect(promises('We avoid the phrase "this will never happen again".')).toEqual([])
  })
})

describe('uniteStretches', () => {
  it('joins stretches of one sentence that overlap, keeping the first one’s fields', () => {
    const {document} = parseDocument('One two three four. Five six.')
    const [first, second] = document.sentences
    const stretches: Array<Stretch & {label: string}> = [
      {sentence: first, first: 0, end: 3, label: 'a'},
      {sentence: first, first: 2, end: 5, label: 'b'},
      {sentence: first, first: 6, end: 7, label: 'c'},
      {sentence: second, first: 0, end: 3, label: 'd'}
    ]
    expect(uniteStretches(stretches).map(({first, end, label}) => [first, end, label])).toEqual([
      [0, 5, 'a'],
      [6, 7, 'c'],
      [0, 3, 'd']
    ])
  })
})
