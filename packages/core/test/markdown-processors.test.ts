// Text without literal autolinks is parsed without looking for them (see
// parse/markdown.ts): there, both parsers must build the same tree.
import {readFileSync, readdirSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {splitChunks} from '../src/parse/incremental.js'
import {markdownProcessors, mayHoldLiteralAutolink} from '../src/parse/markdown.js'

const fixtures = new URL('../../../fixtures/', import.meta.url)

function expectSameTree(text: string): void {
  expect(markdownProcessors.withoutLiteralAutolinks.parse(text)).toEqual(markdownProcessors.gfm.parse(text))
}

/** GFM and CommonMark constructs, and near misses of literal autolinks. */
const pieces = [
  '# ', '## Action items', '- ', '* ', '1. ', '- [ ] ', '- [x] ', '> ', '    ', '```', '~~~', '\n', '\n\n', ' ', '\t',
  '| a | b |', '|---|:-:|', '| c | d |', '[^1]', '[^1]: note', '~~gone~~', '~one~', '*em*', '**strong**', '_', '__', '`code`',
  '[link](https://example.com)', '<https://example.com>', '![alt](x.png)', '[ref]', '[ref]: /url', '<b>', '</b>', '<!-- c -->', '&amp;',
  '\\', 'ww', 'www', 'wwwx', 'http', 'https:', 'http:/', 'ftp://example.com', 'h', 'w', '.', ':', '/', 'example.com', 'kim', 'Dylan',
  'The deploy failed.', 'human error', '---', '***', 'x'
]

describe('Markdown without literal autolinks', () => {
  it('parses every fixture chunk without one as full GFM does', () => {
    let count = 0
    for (const file of readdirSync(fixtures).filter((name) => name.endsWith('.md'))) {
      for (const {text} of splitChunks(readFileSync(new URL(file, fixtures), 'utf8'))) {
        if (mayHoldLiteralAutolink.test(text)) continue
        expectSameTree(text)
        count++
      }
    }
    expect(count).toBeGreaterThan(30)
  })

  it('parses generated Markdown without one as full GFM does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 30}), (parts) => {
        const text = parts.join('')
        fc.pre(!mayHoldLiteralAutolink.test(text))
        expectSameTree(text)
      }),
      {numRuns: 500}
    )
  })

  it('finds the literal autolinks it leaves out only where the guard sees them', () => {
    for (const text of ['See www.example.com.', 'See https://example.com', 'Mail kim@example.com', 'HTTP://EXAMPLE.COM', 'WWW.EXAMPLE.COM']) {
      expect(mayHoldLiteralAutolink.test(text), text).toBe(true)
      expect(markdownProcessors.withoutLiteralAutolinks.parse(text)).not.toEqual(markdownProcessors.gfm.parse(text))
    }
  })
})
