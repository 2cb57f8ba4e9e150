// Text without literal autolinks is parsed without looking for them (see
// parse/markdown.ts): there, both parsers must build the same tree.
import {readFileSync, readdirSync} from 'node:fs'
import fc from 'fast-check'
import type {Root} from 'mdast'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
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
  '\\', '&#46;', '&#64;', 'ww', 'www', 'wwwx', 'http', 'https:', 'http:/', 'ftp://example.com', 'h', 'w', '.', ':', '/', 'example.com', 'kim', 'Dylan',
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
    const hidden = ['See www\\.example.com', 'See www&#46;example.com', 'See w&#119;w.example.com', 'Mail kim&#64;example.com', 'See https&#58;//example.com']
    for (const text of ['See www.example.com.', 'See https://example.com', 'Mail kim@example.com', 'HTTP://EXAMPLE.COM', 'WWW.EXAMPLE.COM', ...hidden]) {
      expect(mayHoldLiteralAutolink.test(text), text).toBe(true)
      expect(markdownProcessors.withoutLiteralAutolinks.parse(text)).not.toEqual(markdownProcessors.gfm.parse(text))
    }
  })
})

// patches/micromark@4.0.3.patch: micromark combines a parse's syntax
// extensions with its own constructs once per list of extensions, not on
// every parse.
describe('micromark with its extensions combined once', () => {
  it('parses with each processor in turn as with its extensions combined afresh', () => {
    const {gfm, withoutLiteralAutolinks} = markdownProcessors
    /** Parse with an equal copy of the processor's list of extensions, which micromark has not combined yet. */
    const afresh = (processor: typeof gfm, text: string) => {
      const data = processor.data() as {micromarkExtensions: unknown[]}
      const list = data.micromarkExtensions
      data.micromarkExtensions = [...list]
      try {
        return processor.parse(text)
      } finally {
        data.micromarkExtensions = list
      }
    }
    const texts = ['See www.example.com and ~~this~~.', '| a |\n|---|\n| b |', '- [x] done [^1]\n\n[^1]: note', 'Plain *text*.']
    for (const text of texts) {
      const expected = [afresh(gfm, text), afresh(withoutLiteralAutolinks, text)]
      expect([gfm.parse(text), withoutLiteralAutolinks.parse(text), gfm.parse(text)]).toEqual([...expected, expected[0]])
    }
  })

  it('combines a list again when an extension was added to it', () => {
    const processor = unified()
      .use(remarkParse)
      .use(function () {
        Object.assign(this.data(), {micromarkExtensions: [], fromMarkdownExtensions: []})
      })
    const parse = (text: string) => processor.parse(text) as Root
    expect(parse('~~gone~~').children[0]).toMatchObject({children: [{type: 'text'}]})
    // What a plugin would do before a parse, done after one.
    ;(processor.data('micromarkExtensions') as unknown[]).push(gfmStrikethrough())
    ;(processor.data('fromMarkdownExtensions') as unknown[]).push(gfmStrikethroughFromMarkdown())
    expect(parse('~~gone~~').children[0]).toMatchObject({children: [{type: 'delete'}]})
  })
})
