// Where the "disable" code actions put their control comments, and that the
// document keeps its structure (every list, table and paragraph) and loses
// the diagnostic.
import type {Nodes} from 'mdast'
import {Linter, type InputFormat} from 'blamelint'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {describe, expect, it} from 'vitest'
import {codeActions, lintDocument} from '../src/index.js'
import {applyEdits} from './client.js'

const linter = new Linter({config: {}})
const languages: Record<InputFormat, string> = {markdown: 'markdown', text: 'plaintext', html: 'html'}

const forLine = (rule: string) => `Disable ${rule} for this line`
const inFile = (rule: string) => `Disable ${rule} in this file`

/** The diagnostics of `rule` in `text`. */
function diagnosticsOf(text: string, format: InputFormat, rule: string) {
  const document = TextDocument.create('untitled:test', languages[format], 1, text)
  return {document, diagnostics: lintDocument(linter, document, format).filter((diagnostic) => diagnostic.code === rule)}
}

/** Apply the action titled `title` for the first diagnostic of `rule`; returns the edited text. */
function apply(text: string, title: (rule: string) => string, rule = 'no-human-error', format: InputFormat = 'markdown'): string {
  const {document, diagnostics} = diagnosticsOf(text, format, rule)
  expect(diagnostics, 'the rule fires before the edit').not.toHaveLength(0)
  const action = codeActions(document, format, [diagnostics[0]]).find((candidate) => candidate.title === title(rule))
  expect(action, title(rule)).toBeDefined()
  const edited = applyEdits(text, action!.edit!.changes!['untitled:test'])
  const after = diagnosticsOf(edited, format, rule).diagnostics
  expect(after.map((diagnostic) => diagnostic.range.start.line)).not.toContain(diagnostics[0].range.start.line + (edited.split('\n').length - text.split('\n').length))
  expect(after).toHaveLength(title === inFile ? 0 : diagnostics.length - 1)
  return edited
}

const processor = unified().use(remarkParse).use(remarkGfm)

/** The Markdown structure as tags and text, without HTML (comments) and with white space collapsed. */
function structure(markdown: string): string {
  const render = (node: Nodes): string => {
    if (node.type === 'html') return ' '
    if (node.type === 'text') return node.value
    const inner = 'children' in node ? node.children.map((child) => render(child as Nodes)).join('') : ''
    return `<${node.type}>${inner}</${node.type}>`
  }
  return render(processor.parse(markdown)).replace(/\s+/g, ' ').replace(/\s*(<\/?[a-zA-Z]+>)\s*/g, '$1')
}

/** Disable for the line and check the Markdown structure is unchanged. */
function disableLine(text: string, rule = 'no-human-error'): string {
  const edited = apply(text, forLine, rule)
  expect(structure(edited)).toBe(structure(text))
  return edited
}

describe('disable for this line', () => {
  it('puts a comment line above the first line of a paragraph or heading', () => {
    expect(disableLine('Intro.\n\nThe human error was late.\nSecond line.\n')).toBe(
      'Intro.\n\n<!-- blamelint-disable-next-line no-human-error -->\nThe human error was late.\nSecond line.\n'
    )
    expect(disableLine('# A human error\n\nText.\n')).toBe('<!-- blamelint-disable-next-line no-human-error -->\n# A human error\n\nText.\n')
  })

  it('ends a continuation line with a disable-line comment, which would otherwise split the paragraph', () => {
    expect(disableLine('Intro.\n\nFirst line\nthen human error.\nLast.\n')).toBe('Intro.\n\nFirst line\nthen human error. <!-- blamelint-disable-line no-human-error -->\nLast.\n')
  })

  it('keeps a hard line break at the end of the line', () => {
    expect(disableLine('First line  \nthen human error  \nlast\n')).toBe('First line  \nthen human error <!-- blamelint-disable-line no-human-error -->  \nlast\n')
    expect(disableLine('First line\\\nthen human error\\\nlast\n')).toBe('First line\\\nthen human error <!-- blamelint-disable-line no-human-error -->\\\nlast\n')
  })

  it('indents the comment into the list so the list stays one list', () => {
    expect(disableLine('- First item.\n- A human error.\n- Last item.\n')).toBe(
      '- First item.\n  <!-- blamelint-disable-next-line no-human-error -->\n- A human error.\n- Last item.\n'
    )
    expect(disableLine('- First item.\n\n- A human error.\n')).toBe('- First item.\n\n  <!-- blamelint-disable-next-line no-human-error -->\n- A human error.\n')
    expect(disableLine('9. Ninth.\n10. A human error.\n')).toBe('9. Ninth.\n    <!-- blamelint-disable-next-line no-human-error -->\n10. A human error.\n')
    expect(disableLine('Steps:\n1. A human error.\n2. Next.\n')).toBe('Steps:\n   <!-- blamelint-disable-next-line no-human-error -->\n1. A human error.\n2. Next.\n')
    expect(disableLine('- Parent.\n  - Child.\n  - A human error.\n- Last.\n')).toBe(
      '- Parent.\n  - Child.\n    <!-- blamelint-disable-next-line no-human-error -->\n  - A human error.\n- Last.\n'
    )
    expect(disableLine('## Action items\n\n- [ ] Done.\n- [ ] Guard against human error.\n')).toBe(
      '## Action items\n\n- [ ] Done.\n  <!-- blamelint-disable-next-line no-human-error -->\n- [ ] Guard against human error.\n'
    )
  })

  it('keeps the comment inside a block quote', () => {
    expect(disableLine('> Chat:\n>\n> A human error.\n')).toBe('> Chat:\n>\n> <!-- blamelint-disable-next-line no-human-error -->\n> A human error.\n')
  })

  it('puts the comment in the last cell of a table row, which a comment line would end', () => {
    expect(disableLine('| When | What |\n|---|---|\n| 10:00 | Fine. |\n| 10:02 | A human error. |\n| 10:05 | Fine. |\n')).toBe(
      '| When | What |\n|---|---|\n| 10:00 | Fine. |\n| 10:02 | A human error. <!-- blamelint-disable-line no-human-error --> |\n| 10:05 | Fine. |\n'
    )
  })

  it('adds the rule to a disable-next-line comment already above the line', () => {
    expect(disableLine('<!-- blamelint-disable-next-line no-dramatic-language -->\nA human error, a disaster.\n')).toBe(
      '<!-- blamelint-disable-next-line no-dramatic-language no-human-error -->\nA human error, a disaster.\n'
    )
  })

  it('keeps CRLF line endings', () => {
    expect(disableLine('Intro.\r\n\r\nA human error.\r\n')).toBe('Intro.\r\n\r\n<!-- blamelint-disable-next-line no-human-error -->\r\nA human error.\r\n')
  })

  it('works in plain text and HTML', () => {
    expect(apply('Summary\n\nThe deploy failed\nbecause of human error.\n', forLine, 'no-human-error', 'text')).toBe(
      'Summary\n\nThe deploy failed\n<!-- blamelint-disable-next-line no-human-error -->\nbecause of human error.\n'
    )
    expect(apply('<p>The deploy failed\n  because of human error.</p>\n', forLine, 'no-human-error', 'html')).toBe(
      '<p>The deploy failed\n  <!-- blamelint-disable-next-line no-human-error -->\n  because of human error.</p>\n'
    )
  })
})

describe('disable in this file', () => {
  it('puts the comment at the top, after front matter', () => {
    const text = '---\ntitle: Review\n---\n\nA human error.\n\nAnother human error.\n'
    const edited = apply(text, inFile)
    expect(edited).toBe('---\ntitle: Review\n---\n<!-- blamelint-disable no-human-error -->\n\nA human error.\n\nAnother human error.\n')
    expect(diagnosticsOf(edited, 'markdown', 'no-human-error').diagnostics).toEqual([])
    expect(structure(edited)).toBe(structure(text))
  })

  it('adds the rule to a disable comment already at the top', () => {
    expect(apply('<!-- blamelint-disable no-dramatic-language -->\n\nA human error.\n', inFile)).toBe(
      '<!-- blamelint-disable no-dramatic-language no-human-error -->\n\nA human error.\n'
    )
  })

  it('goes after the doctype in HTML and on top in plain text', () => {
    expect(apply('<!DOCTYPE html>\n<p>A human error.</p>\n', inFile, 'no-human-error', 'html')).toBe(
      '<!DOCTYPE html>\n<!-- blamelint-disable no-human-error -->\n\n<p>A human error.</p>\n'
    )
    expect(apply('The deploy failed because of human error.\n', inFile, 'no-human-error', 'text')).toBe(
      '<!-- blamelint-disable no-human-error -->\n\nThe deploy failed because of human error.\n'
    )
  })
})

describe('quick fixes', () => {
  it('replace with each suggestion, capitalised at the start of a sentence', () => {
    const {document, diagnostics} = diagnosticsOf('Human error, again.\n', 'markdown', 'no-human-error')
    const [first] = codeActions(document, 'markdown', diagnostics)
    expect(first).toMatchObject({title: 'Replace “Human error” with “A missing safeguard”', kind: 'quickfix'})
    // Two suggestions: neither is preferred, the writer chooses.
    expect(first.isPreferred).toBeUndefined()
    expect(applyEdits(document.getText(), first.edit!.changes!['untitled:test'])).toBe('A missing safeguard, again.\n')
  })

  it('remove a word with one of the spaces around it', () => {
    const {document, diagnostics} = diagnosticsOf('And of course it failed.\n', 'markdown', 'no-dramatic-language')
    const [remove] = codeActions(document, 'markdown', diagnostics)
    expect(remove).toMatchObject({title: 'Remove “of course”', isPreferred: true})
    expect(applyEdits(document.getText(), remove.edit!.changes!['untitled:test'])).toBe('And it failed.\n')
  })
})
