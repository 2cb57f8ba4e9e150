// A long document is linted in parts, each part's trees dropped once the
// rules have seen it (see `Document` in @blamelint/core). Rules that judge
// the whole document collect facts part by part, so the part size must
// never change a message: here every top-level block is a part of its own.
import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {loadCases} from '@blamelint/core/testing'
import {defineRule, formatFromPath, lintText, resolveConfig, rules, type Document, type InputFormat} from '../src/index.js'

const root = new URL('../../../', import.meta.url)
const all = resolveConfig(rules, {preset: 'all'})

/** Messages as plain data, to compare. */
function lint(text: string, format: InputFormat, config: ReturnType<typeof resolveConfig>, partSize: number) {
  return lintText(text, rules, {format, config, partSize}).messages.map((message) => ({...message}))
}

/** The parts a document is linted in. */
function partsOf(text: string, partSize: number): Document[] {
  const parts: Document[] = []
  const probe = defineRule({meta: {id: 'probe', description: 'Collects parts.', severity: 'warning', recommended: false}, check: (part) => void parts.push(part)})
  lintText(text, [probe], {config: resolveConfig([probe], {preset: 'all'}), partSize})
  return parts
}

describe('linting in parts', () => {
  const fixtures = readdirSync(new URL('fixtures/', root)).filter((name) => formatFromPath(name))

  it.each(fixtures)('gives the messages of the whole document: fixtures/%s', (name) => {
    const text = readFileSync(new URL(`fixtures/${name}`, root), 'utf8')
    const format = formatFromPath(name)!
    expect(lint(text, format, all, 1)).toEqual(lint(text, format, all, Infinity))
  })

  it.each(rules.map((rule) => rule.meta.id))('gives the messages of the whole document: the cases of %s', (id) => {
    const {valid, invalid} = loadCases(new URL(`rules/${id}/cases.yml`, root))
    for (const testCase of [...valid, ...invalid]) {
      const config = resolveConfig(rules, {preset: 'none', rules: {[id]: ['warning', testCase.options ?? {}]}, people: testCase.people})
      const format = testCase.format ?? 'markdown'
      expect(lint(testCase.text, format, config, 1), testCase.text).toEqual(lint(testCase.text, format, config, Infinity))
    }
  })

  // Lists of definitions in separate top-level blocks, which are one legend only if they are in one part.
  it.each([
    ['markdown', '## Action items\n\n- P1: blocks the next release\n\n* P2: can wait\n\nUsed below.\n\n- [P1] Add an alert on queue depth\n- [P2] Document the runbook\n'],
    ['markdown', '## Action items\n\n> - P1: blocks the next release\n\n- P2: can wait\n\nUsed below.\n\n- [P1] Add an alert on queue depth\n- [P2] Document the runbook\n'],
    ['text', 'Action items\n\n- P1: blocks the next release\n\n- P2: can wait\n\nThe labels are used below.\n\n- [P1] Add an alert on queue depth (@kim)\n- [P2] Document the runbook (@lee)\n']
  ] as const)('gives the messages of the whole document: a legend over two blocks (%s)', (format, text) => {
    expect(lint(text, format, all, 1)).toEqual(lint(text, format, all, Infinity))
  })

  it('throws a stack overflow in a rule, rather than reading the document again as plain text', () => {
    const deeper = (depth: number): number => deeper(depth + 1) + 1
    const overflowing = defineRule({meta: {id: 'overflowing', description: 'Overflows.', severity: 'warning', recommended: true}, check: () => void deeper(0)})
    expect(() => lintText('Some text.\n', [overflowing], {config: resolveConfig([overflowing], {preset: 'all'})})).toThrow(RangeError)
  })

  it('refuses a part size that is not a positive number', () => {
    for (const partSize of [0, -1, Number.NaN]) expect(() => lintText('Some text.\n', rules, {partSize})).toThrow('partSize must be a positive number')
  })

  it('cuts between top-level blocks once a part holds enough prose', () => {
    const text = readFileSync(new URL('fixtures/mixed.md', root), 'utf8')
    const parts = partsOf(text, 1)
    expect(parts.length).toBeGreaterThan(5)
    expect(parts.flatMap((part) => part.blocks)).toEqual(partsOf(text, Infinity)[0].blocks)
    expect(partsOf(text, 1000).length).toBeLessThan(parts.length)
  })

  it('keeps a part open while a list may be a legend of labels used later', () => {
    const text = '## Action items\n\n- P1: blocks the next release\n- P2: can wait\n\nThe labels are used below.\n\n- [P1] Add an alert on queue depth (@kim)\n- [P2] Document the runbook (@lee)\n\n## Timeline\n\nAt 10:02 the alert fired.\n'
    const parts = partsOf(text, 1)
    expect(parts.map((part) => part.blocks.map((block) => block.text))).toEqual([
      ['Action items'],
      ['P1: blocks the next release', 'P2: can wait', 'The labels are used below.', '[P1] Add an alert on queue depth (@kim)', '[P2] Document the runbook (@lee)'],
      ['Timeline'],
      ['At 10:02 the alert fired.']
    ])
    expect(parts[1].actionItems.map((item) => item.text)).toEqual(['[P1] Add an alert on queue depth (@kim)', '[P2] Document the runbook (@lee)'])
  })
})
