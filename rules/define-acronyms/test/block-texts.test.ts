import {describe, expect, it} from 'vitest'
import {BlockTexts} from '../src/block-texts.js'

describe('BlockTexts', () => {
  it('gives back every block’s text in order, whether kept as offsets or as a copy', () => {
    const source = 'Plain prose.\n\nThe **change advisory board** met.\n\nMore prose.'
    const blocks = [
      {text: 'Plain prose.', span: {start: 0, end: 12}},
      {text: 'The change advisory board met.', span: {start: 14, end: 48}},
      {text: 'More prose.', span: {start: 50, end: 61}}
    ]
    const texts = new BlockTexts()
    for (const block of blocks) texts.add(source, block)
    expect(texts.join()).toBe('Plain prose.\nThe change advisory board met.\nMore prose.')
  })

  it('is empty with no blocks', () => {
    expect(new BlockTexts().join()).toBe('')
  })
})
