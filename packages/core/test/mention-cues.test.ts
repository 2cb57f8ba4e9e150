import {describe, expect, it} from 'vitest'
import {isMention, parseDocument} from '../src/index.js'

// Which words before a phrase make it a mention rather than a use.
const mentioned = (text: string, first: number, count: number) => {
  const {document} = parseDocument(text)
  const [sentence] = document.sentences
  const words = sentence.node.children.filter((node) => node.type === 'WordNode')
  return isMention(document.source, sentence, words.slice(first, first + count))
}

describe('term cues', () => {
  it('treat "words like" and "phrases like" as introducing a term', () => {
    expect(mentioned('We avoid words like never again in reviews.', 4, 2)).toBe(true)
    expect(mentioned('Drop phrases like never again from reviews.', 3, 2)).toBe(true)
  })

  it('do not treat "like" alone as introducing a term', () => {
    expect(mentioned('An incident like this never happens again.', 4, 3)).toBe(false)
    expect(mentioned('Nothing like this will ever happen again.', 4, 3)).toBe(false)
  })
})
