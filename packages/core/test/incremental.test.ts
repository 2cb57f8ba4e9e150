// The caches that make re-linting after an edit fast must never change a
// result: every parse here is compared with one made without them.
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it, vi} from 'vitest'
import {incrementalParser, splitChunks} from '../src/parse/incremental.js'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])
const parse = (text: string) => processor.parse(text) as Root

/** A deterministic pseudo-random sequence. */
function random(seed: number): (below: number) => number {
  let state = seed
  return (below) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state % below
  }
}

/** Markdown made of pieces that open and close every kind of block. */
const pieces = [
  '```', '~~~', '<!--', '-->', '<pre>', '</pre>', '<div>', '<?', '?>', '<![CDATA[', ']]>', '<script>', '</script>',
  '[a]: /url', '[^1]: note', '[^1]', '[a]', '[a][]', '---', '+++', '***', '===', 'Title\n---',
  '\n', '\n\n', '\n\n', '\n\n', '\r\n', '\r', '\t', '    ', '  ', '   ```', '- ', '  - ', '1. ', '2) ', '> ', '> ```', '* [ ] ',
  '| a | b |\n|---|---|\n', 'word ', 'Word. ', 'https://example.com ', '`code`', '*em*', '\\', '&amp;', '🔥', '日本'
]

function document(next: (below: number) => number): string {
  let text = ''
  const length = 1 + next(40)
  for (let index = 0; index < length; index++) text += pieces[next(pieces.length)]
  return text
}

const cases = [
  // Front matter spanning a blank line, and front-matter-like fences later on.
  '---\ntitle: a\n\nb: c\n---\n\nText.\n',
  '+++\na = 1\n\nb = 2\n+++\nText.\n\nMore.',
  'Para.\n\n---\na\n---\n\nMore.\n',
  // Definitions (in containers too) used before and after them.
  'See [a][b] and [^1].\n\nMiddle.\n\n> [b]: /url\n\nNote [^1].\n\n[^1]: A note.\n\n    More of it.\n\nEnd [b].\n',
  // A fence in a list item closed by the list's end, then a top-level fence.
  '- item\n\n  ```\n  code\n\n```\ncode two\n\nnot code\n',
  // Blocks left open across blank lines.
  '<!--\n\ncomment\n\n-->\n\nAfter.',
  '<pre>\n\nx\n\n</pre>\n\nAfter.',
  'Text.\n\n```\nnever closed\n\nB\n\nC\n\nD\n\nE\n\nF',
  // A block open inside a container before a line that opens another.
  '- <pre>\n\n> quote\n\nText.',
  // Line endings, empty and tiny documents.
  'A\r\rB\r\r```\r\rx\r```\r\rC',
  '', '\n\n\n', 'abc',
  '    code\n\nText.\n\n    more code\n'
]

describe('incremental Markdown parsing', () => {
  it('splits at lines after a blank line that start a leaf block', () => {
    expect(splitChunks('# A\n\nText.\n\n- one\n\n- two\n\n> quote\n\nEnd.').map((chunk) => chunk.text)).toEqual([
      '# A\n\n',
      'Text.\n\n- one\n\n- two\n\n> quote\n\n',
      'End.'
    ])
  })

  it('gives the same tree as a whole-document parse', () => {
    const incremental = incrementalParser(parse)
    for (const text of cases) expect([...incremental(text)], JSON.stringify(text)).toEqual(parse(text).children)
  })

  it('gives the same tree for random documents and after random edits', () => {
    const incremental = incrementalParser(parse, 100)
    const next = random(42)
    for (let round = 0; round < 300; round++) {
      let text = document(next)
      for (let edit = 0; edit < 5; edit++) {
        expect([...incremental(text)], JSON.stringify(text)).toEqual(parse(text).children)
        const at = next(text.length + 1)
        text = next(3) === 0 ? text.slice(0, at) + text.slice(at + 1 + next(5)) : text.slice(0, at) + pieces[next(pieces.length)] + text.slice(at)
      }
    }
  })
})

/** What a parse gives the rules, as data. */
async function model(text: string, format: 'markdown' | 'html' | 'text', fresh: boolean) {
  if (fresh) vi.resetModules()
  const core = await import('../src/index.js')
  const {document, comments} = core.parseDocument(text, format)
  const table = {message: 'Found {actual}.', entries: [{phrases: ['human error']}, {phrases: ['disaster'], unlessFollowedBy: ['recovery']}]}
  return JSON.parse(
    JSON.stringify({
      blocks: document.blocks.map(({kind, tree, text, span, quoted, section}) => ({kind, tree, text, span, quoted, section: section.path})),
      sentences: document.sentences.map((sentence) => sentence.text),
      actionItems: document.actionItems.map(({kind, text, span, depth}) => ({kind, text, span, depth})),
      comments,
      matches: core.findPhrases(document, table).map(({actual, index, sentence}) => ({actual, index, sentence: sentence.text})),
      people: document.sentences.flatMap((sentence) =>
        core.findPeople(sentence, {people: ['Sam']}).map(({nodes, ...person}) => ({...person, at: nodes[0]?.position?.start}))
      )
    })
  )
}

describe('cached paragraphs, phrase matches and people', () => {
  const source = [
    '# Review 🔥',
    '',
    'The deploy failed. It was "human error" they said, a disaster. Dylan forgot the flag and @sam said so.',
    '',
    '> Quoted: a human error.',
    '',
    '| When | What |',
    '|---|---|',
    '| 10:00 | human error in 日本 |',
    '',
    '## Action items',
    '',
    '- Add a check for human error.',
    '- Disaster recovery drill.',
    ''
  ].join('\r\n')

  it('gives what a fresh parse gives after edits that move blocks', async () => {
    for (const format of ['markdown', 'text', 'html'] as const) {
      const text = format === 'html' ? `<p>${source.replaceAll('\r\n\r\n', '</p><p>')}</p>` : source
      await model(text, format, false)
      const edits = [
        text.replace('Review', 'Reviews'),
        text.replace('# Review', '# Re\r\nview'),
        text.replace('| 10:00 |', '| 9:00 |'),
        text.replace('deploy failed.', 'deploy failed badly.'),
        `Intro.\r\n\r\n${text}`
      ]
      for (const edited of edits) {
        const cached = await model(edited, format, false)
        expect(cached, `${format}: ${JSON.stringify(edited)}`).toEqual(await model(edited, format, true))
      }
    }
  })
})
