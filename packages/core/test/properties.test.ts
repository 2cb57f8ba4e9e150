// Properties of linting any text at all, with every rule on: it never
// throws, every range lies inside the document, the result does not depend
// on what was linted before (caches), and a disable comment suppresses
// exactly the rule it names.
import {Linter, type InputFormat} from 'blamelint'
import fc from 'fast-check'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'

const linter = new Linter({config: {preset: 'all', people: ['Dylan']}})
const formats: InputFormat[] = ['markdown', 'html', 'text']

/** Pieces that make rules fire, markup of every format, and Unicode that breaks naive code. */
const pieces = [
  // Prose the rules react to.
  'human error', 'Dylan deleted the database', 'I should have known', 'It was a total mess.', 'never again', 'Who pushed it?',
  'The root cause was', 'a full outage', 'The MTTR was long.', 'AI: fix it', 'TODO(@kim): look into it', '## Action items', '- [ ] Fix it',
  '@kim', 'kim@example.com', '"human error"', 'the term human error',
  // Markup.
  '#', '## ', '> ', '- ', '* ', '1. ', '*', '**', '_', '~~', '`', '```', '~~~', '    ', '[', '](u)', ']', '[^1]', '[^1]: ', '![x](y)', '|', '|---|',
  '---', '<b>', '</b>', '<p>', '<ul><li>', '</li></ul>', '<table><tr><td>', '<script>', '</script>', '<br>', '<!--', '-->', '<!-- note -->',
  '&amp;', '&#0;', '&#x1F600;', '&', '<', '\\', 'https://example.com/a_(b)', 'www.example.com.',
  // Unicode.
  '😀', '👩‍👩‍👧', '🇩🇪', 'e\u0301', '\u0301', 'שלום עולם', 'مرحبا', '\u202E', '\u200F', '\u200D', '\u0000', '\uD800', '\uDFFF', '\uDC00\uD800',
  '\uFEFF', '\u00A0', '\u2028', '\u0085', '\u000B', '\u000C', '\u0007',
  // Line endings and space.
  '\n', '\n\n', '\r\n', '\r', '\r\r\n', '\t', ' '
]

const text = fc
  .array(fc.oneof({weight: 4, arbitrary: fc.constantFrom(...pieces)}, {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 6})}, {weight: 1, arbitrary: fc.string({maxLength: 12})}), {maxLength: 40})
  .map((parts) => parts.join(' '.repeat(parts.length % 2)))
  // Control comments are added by the properties that test them.
  .filter((value) => !value.includes('blamelint-'))

const lint = (value: string, format: InputFormat) => linter.lint(value, {format}).messages

/** What a message says and where, comparable with `toEqual`. */
const shape = (message: VFileMessage) => {
  const place = message.place && 'start' in message.place ? message.place : undefined
  return {ruleId: message.ruleId, reason: message.reason, line: message.line, column: message.column, endLine: place?.end.line, endColumn: place?.end.column, actual: message.actual, expected: message.expected}
}

const runs = {numRuns: 250}

describe.each(formats)('linting arbitrary text as %s', (format) => {
  it('never throws, and every range lies inside the document with start <= end', () => {
    fc.assert(
      fc.property(text, (value) => {
        for (const message of lint(value, format)) {
          const place = message.place && 'start' in message.place ? message.place : undefined
          const start = place?.start ?? (message.place as {offset?: number} | undefined)
          const end = place?.end ?? start
          expect(start?.offset, message.reason).toBeGreaterThanOrEqual(0)
          expect(end!.offset!).toBeLessThanOrEqual(value.length)
          expect(start!.offset!).toBeLessThanOrEqual(end!.offset!)
          expect(start!.line).toBeGreaterThanOrEqual(1)
          expect(start!.line < end!.line || (start!.line === end!.line && start!.column <= end!.column)).toBe(true)
        }
      }),
      runs
    )
  })

  it('gives the same result every time, whatever was linted before', () => {
    fc.assert(
      fc.property(text, text, (value, other) => {
        const first = lint(value, format).map(shape)
        lint(other, format)
        lint(`${other}\n\n${value}`, format)
        expect(lint(value, format).map(shape)).toEqual(first)
      }),
      runs
    )
  })

  it('suppresses every message of the rule a disable comment names, and nothing else', () => {
    fc.assert(
      fc.property(text, (value) => {
        for (const ruleId of new Set(lint(value, format).map((message) => message.ruleId))) {
          if (ruleId === 'unknown-rule' || ruleId === 'nesting-limit') continue
          // An enable comment with nothing disabled changes nothing; it has the same length and words.
          const enabled = lint(`<!-- blamelint-enable  ${ruleId} -->\n\n${value}`, format)
          const disabled = lint(`<!-- blamelint-disable ${ruleId} -->\n\n${value}`, format)
          expect(disabled.map(shape)).toEqual(enabled.filter((message) => message.ruleId !== ruleId).map(shape))
        }
      }),
      {numRuns: 100}
    )
  })
})

describe('phrases in configuration are literal text', () => {
  // Each holds regular-expression syntax; read as patterns they would match
  // (or hang on, or fail to compile), read as text they match nothing here.
  const patterns = ['human.*', 'human\\s+error', '(a+)+$', '[', 'h.man error', '*', 'C++', '(?<x>', '\\']
  const text = `The root cause was human error. Dylan and Kim ran the deploy. ${'a'.repeat(5_000)}! The ETL and CAB steps failed.`
  const ids = (config: object) =>
    new Linter({config: {preset: 'all', ...config}})
      .lint(text, {format: 'markdown'})
      .messages.map((message) => `${message.ruleId}:${message.actual}`)
  const plain = ids({})

  it('matches `allow` entries as whole text, never as patterns', () => {
    expect(plain).toContain('no-human-error:human error')
    expect(ids({allow: patterns})).toEqual(plain)
    expect(ids({allow: ['Human Error']})).toEqual(plain.filter((id) => id !== 'no-human-error:human error'))
  })

  it('matches `people` and rule options as text, never as patterns', () => {
    expect(ids({people: patterns})).toEqual(plain)
    expect(ids({rules: {'define-acronyms': ['warning', {allow: patterns}], 'no-named-blame': ['warning', {notPeople: patterns}]}})).toEqual(
      ids({rules: {'define-acronyms': 'warning', 'no-named-blame': 'warning'}})
    )
    expect(plain.filter((id) => id.startsWith('define-acronyms'))).toEqual(['define-acronyms:ETL', 'define-acronyms:CAB'])
    expect(ids({rules: {'define-acronyms': ['warning', {allow: ['etl', 'CAB']}]}}).filter((id) => id.startsWith('define-acronyms'))).toEqual([])
  })
})
