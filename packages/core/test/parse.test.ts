import type {Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {describe, expect, it} from 'vitest'
import {parseDocument, type Document, type InputFormat} from '../src/index.js'

/** Every word of the document as `text@line:column-line:column`, with its source slice checked. */
function words(source: string, format: InputFormat = 'markdown'): string[] {
  const {document} = parseDocument(source, format)
  return allWords(document).map((word) => {
    const {start, end} = word.position!
    // The range must hold exactly the word as it appears in the source.
    expect(source.slice(start.offset, end.offset)).toBe(toString(word))
    return `${toString(word)}@${start.line}:${start.column}-${end.line}:${end.column}`
  })
}

function allWords(document: Document): Word[] {
  return document.sentences.flatMap((sentence) => sentence.node.children.filter((node): node is Word => node.type === 'WordNode'))
}

const find = (list: string[], word: string) => list.find((entry) => entry.startsWith(`${word}@`))

describe('positions point into the original source', () => {
  it('in blockquotes spanning lines', () => {
    expect(words('> It was a\n> human error.\n')).toEqual(['It@1:3-1:5', 'was@1:6-1:9', 'a@1:10-1:11', 'human@2:3-2:8', 'error@2:9-2:14'])
  })

  it('in list items with continuation lines and nested lists', () => {
    const list = words('- first line\n  second human\n  - nested error\n')
    expect(find(list, 'human')).toBe('human@2:10-2:15')
    expect(find(list, 'error')).toBe('error@3:12-3:17')
  })

  it('after backslash escapes and entities', () => {
    const list = words('A \\*star\\* &amp; an &copy; human error.\n')
    expect(find(list, 'human')).toBe('human@1:28-1:33')
    expect(find(list, 'error')).toBe('error@1:34-1:39')
  })

  it('with CRLF and lone CR line endings', () => {
    expect(find(words('First line.\r\n\r\nThe human error.\r\n'), 'human')).toBe('human@3:5-3:10')
    expect(find(words('First line.\r\rThe human error.\r', 'text'), 'human')).toBe('human@3:5-3:10')
  })

  it('counting UTF-16 code units after emoji and CJK text', () => {
    // 🔥 is two code units; 日本 two more.
    expect(find(words('🔥 日本 human error\n'), 'human')).toBe('human@1:7-1:12')
  })

  it('in GFM table cells', () => {
    const list = words('| A | B |\n|---|---|\n| one | two human |\n')
    expect(find(list, 'human')).toBe('human@3:13-3:18')
  })

  it('in HTML, across tags and entities', () => {
    const list = words('<p>A &amp; <b>bold</b> human<br>error</p>\n<ul><li>item <code>x</code> words</li></ul>', 'html')
    expect(find(list, 'human')).toBe('human@1:24-1:29')
    expect(find(list, 'error')).toBe('error@1:33-1:38')
    expect(find(list, 'words')).toBe('words@2:29-2:34')
  })

  it('of words that parse-english merges (initialisms, affixes, inner symbols)', () => {
    const list = words('The U.S. team, e.g. the on-call, said "can\'t" at 10:05 (again).\n')
    expect(find(list, 'U.S.')).toBe('U.S.@1:5-1:9')
    expect(find(list, 'on-call')).toBe('on-call@1:25-1:32')
    expect(find(list, "can't")).toBe("can't@1:40-1:45")
    const sentence = parseDocument('Kim paged the on-call.\n').document.sentences[0].node
    expect(sentence.position?.start).toMatchObject({line: 1, column: 1, offset: 0})
    expect(sentence.position?.end).toMatchObject({line: 1, column: 23, offset: 22})
  })

  it('written out in full as JSON', () => {
    const word = allWords(parseDocument('Intro.\n\nA human error.\n').document)[2]
    expect(JSON.parse(JSON.stringify(word))).toEqual({
      type: 'WordNode',
      children: [{type: 'TextNode', value: 'human', position: {start: {line: 3, column: 3, offset: 10}, end: {line: 3, column: 8, offset: 15}}}],
      position: {start: {line: 3, column: 3, offset: 10}, end: {line: 3, column: 8, offset: 15}}
    })
  })

  it('of a paragraph reused from an earlier parse at another place', () => {
    const paragraph = 'The deploy paged the\n> on-call human error.\n'
    words(`Intro.\n\n${paragraph}`)
    // The same paragraph two lines and 7 characters further down, read from the cache.
    expect(find(words(`Intro.\n\nMore.\n\n${paragraph}`), 'human')).toBe('human@6:11-6:16')
  })

  it('in plain text with list items and indentation', () => {
    const list = words('Intro paragraph here.\n\n  - item with human\n    error continued\n', 'text')
    expect(find(list, 'human')).toBe('human@3:15-3:20')
    expect(find(list, 'error')).toBe('error@4:5-4:10')
  })
})

describe('what never reaches the rules', () => {
  it('skips front matter, code, HTML comments and URLs in Markdown', () => {
    const source = [
      '---',
      'title: hidden words',
      '---',
      '',
      'Visible `hidden` text <!-- hidden --> see https://example.com/hidden and <https://hidden.example>.',
      '',
      '```',
      'hidden',
      '```',
      '',
      '    hidden indented code',
      '',
      '<div>hidden html block</div>'
    ].join('\n')
    const list = words(source).map((entry) => entry.split('@')[0])
    expect(list).toEqual(['Visible', 'text', 'see', 'and'])
    const {document} = parseDocument(source)
    // Inline code stays in the sentence as a source node, so words around it are not joined.
    expect(document.sentences[0].node.children.some((node) => node.type === 'SourceNode' && node.value === 'hidden')).toBe(true)
  })

  it('skips scripts, styles, pre and comments in HTML', () => {
    const source = '<html><head><title>hidden</title><style>p{}</style></head><body><p>Shown <kbd>hidden</kbd></p><pre>hidden</pre><script>hidden()</script><!-- hidden --></body></html>'
    expect(words(source, 'html').map((entry) => entry.split('@')[0])).toEqual(['Shown'])
  })
})

describe('document model', () => {
  it('gives each block its kind, section path and quoting', () => {
    const {document} = parseDocument('# Incident\n\nIntro.\n\n## Timeline\n\n- 10:00 Paged.\n\n> Chat line.\n\n### Details\n\n| Col |\n|---|\n| Cell |\n')
    expect(document.blocks.map((block) => [block.kind, block.text, block.section.path.join(' > '), block.quoted])).toEqual([
      ['heading', 'Incident', 'Incident', false],
      ['paragraph', 'Intro.', 'Incident', false],
      ['heading', 'Timeline', 'Incident > Timeline', false],
      ['listItem', '10:00 Paged.', 'Incident > Timeline', false],
      ['paragraph', 'Chat line.', 'Incident > Timeline', true],
      ['heading', 'Details', 'Incident > Timeline > Details', false],
      ['tableCell', 'Col', 'Incident > Timeline > Details', false],
      ['tableCell', 'Cell', 'Incident > Timeline > Details', false]
    ])
    expect(document.sentences.map((sentence) => sentence.text)).toEqual(['Incident', 'Intro.', 'Timeline', '10:00 Paged.', 'Chat line.', 'Details', 'Col', 'Cell'])
  })

  it('marks action sections by heading, inherited by sub-headings', () => {
    const {document} = parseDocument('# Review\n\n## Action items\n\n### Short term\n\n- Add an alert.\n\n## Appendix\n\n- Not an action.\n')
    expect(document.sections.map((section) => [section.title, section.isActionSection])).toEqual([
      ['', false],
      ['Review', false],
      ['Action items', true],
      ['Short term', true],
      ['Appendix', false]
    ])
    expect(document.actionItems.map((item) => [item.kind, item.text])).toEqual([['list', 'Add an alert.']])
  })

  it('detects headings in plain text', () => {
    const {document} = parseDocument('Summary\n\nThe deploy failed.\n\nAction items\n\n- Add a check.\n', 'text')
    expect(document.sections.map((section) => section.title)).toEqual(['', 'Summary', 'Action items'])
    expect(document.actionItems.map((item) => item.text)).toEqual(['Add a check.'])
  })
})

describe('control comments in plain text', () => {
  it('are not prose', () => {
    const list = words('Before <!-- blamelint-disable-next-line no-such-rule --> after.\n', 'text').map((entry) => entry.split('@')[0])
    expect(list).toEqual(['Before', 'after'])
  })
})
