import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {
  BlamelintError,
  ConfigFinder,
  countBySeverity,
  defineRule,
  lintText,
  loadPhraseTable,
  parseDocument,
  isMention,
  reportPhrases,
  resolveConfig,
  validateConfig,
  withoutStackTrace,
  type Rule
} from '../src/index.js'

// A small table-driven rule, defined here so the engine is tested on its own.
const table = loadPhraseTable(new URL('./fixtures/phrases.yml', import.meta.url))
const sample: Rule = defineRule({
  meta: {
    id: 'sample-rule',
    description: 'Flags the sample phrases.',
    severity: 'warning',
    recommended: true,
    options: {limit: {type: 'number', default: 3, description: 'A limit.', minimum: 1}, names: {type: 'string[]', default: [], description: 'Names.'}}
  },
  check(document, context) {
    reportPhrases(document, context, table)
  }
})
const other: Rule = defineRule({
  meta: {id: 'other-rule', description: 'Flags every heading.', severity: 'suggestion', recommended: false},
  check(document, context) {
    for (const section of document.sections) if (section.heading) context.report({node: section.heading.tree, message: 'A heading was found here.'})
  }
})
const rules = [sample, other]

const lint = (text: string, data = {}) =>
  lintText(text, rules, {config: resolveConfig(rules, validateConfig(data, rules))}).messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.actual}`)

describe('phrase tables', () => {
  it('match case-insensitively, with context conditions and overlap resolution', () => {
    expect(lint('A Bad Thing and a bad thing happened. The bad thing rate rose. A very bad thing too.')).toEqual([
      '1:3 sample-rule Bad Thing',
      '1:19 sample-rule bad thing',
      '1:66 sample-rule very bad thing'
    ])
  })

  it('reject malformed tables', () => {
    expect(() => loadPhraseTable(new URL('./fixtures/bad-phrases.yml', import.meta.url))).toThrow(/listed twice/)
  })
})

describe('mentions', () => {
  it('treat quoted phrases and phrases introduced as a term as mentions', () => {
    expect(lint('We avoid "bad thing", “a bad thing” and ‘bad thing’. The term bad thing is banned. It\'s a \'bad thing\'.')).toEqual([])
  })

  it('still flag a phrase next to an apostrophe or after a colon', () => {
    expect(lint("Cause: bad thing. The team's bad thing.")).toEqual(['1:8 sample-rule bad thing', '1:30 sample-rule bad thing'])
    const {document} = parseDocument('He said "this was a bad thing" twice.')
    const [sentence] = document.sentences
    const words = sentence.node.children.filter((node) => node.type === 'WordNode')
    expect(isMention(document.source, sentence, [words[0]])).toBe(false)
    expect(isMention(document.source, sentence, [words[5], words[6]])).toBe(true)
  })
})

describe('messages', () => {
  const limit = Error.stackTraceLimit

  it('are made without recording a stack, leaving the stack trace limit as it was', () => {
    expect(limit).toBeGreaterThan(0)
    expect(new Error('x').stack).toContain('\n    at ')
    expect(withoutStackTrace(() => new Error('x').stack)).toBe('Error: x')
    expect(() => withoutStackTrace(() => { throw new Error('x') })).toThrow('x')
    expect(Error.stackTraceLimit).toBe(limit)
    expect(lintText('A bad thing happened.', rules).messages).toHaveLength(1)
    expect(Error.stackTraceLimit).toBe(limit)
  })

  it('are counted by severity', () => {
    const messages = lintText('A bad thing happened.\n\n# Heading', rules, {config: resolveConfig(rules, validateConfig({rules: {'other-rule': 'error'}}, rules))}).messages
    expect(messages.map((message) => message.ruleId)).toEqual(['sample-rule', 'other-rule'])
    expect(countBySeverity(messages)).toEqual({error: 1, warning: 1, suggestion: 0})
    expect(countBySeverity([])).toEqual({error: 0, warning: 0, suggestion: 0})
  })

  it('leave an absent stack trace limit absent, as while a startup snapshot is built', () => {
    const descriptor = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')!
    delete (Error as {stackTraceLimit?: number}).stackTraceLimit
    try {
      expect(lintText('A bad thing happened.', rules).messages).toHaveLength(1)
      expect(Object.hasOwn(Error, 'stackTraceLimit')).toBe(false)
    } finally {
      Object.defineProperty(Error, 'stackTraceLimit', descriptor)
    }
  })
})

describe('control comments', () => {
  it('disable and enable rules by id, or all rules', () => {
    const text = [
      '# Title',
      '',
      '<!-- blamelint-disable sample-rule -->',
      '',
      'A bad thing.',
      '',
      '<!-- blamelint-enable sample-rule -->',
      '',
      'A bad thing. <!-- blamelint-disable-line -->',
      '',
      '<!-- blamelint-disable-next-line other-rule, sample-rule -->',
      '## Heading with a bad thing',
      '',
      'A bad thing.'
    ].join('\n')
    expect(lint(text, {preset: 'all'})).toEqual(['1:3 other-rule Title', '14:3 sample-rule bad thing'])
  })

  it('warn about unknown rule ids in comments', () => {
    expect(lint('<!-- blamelint-disable no-such-rule -->\n\nA bad thing.')).toEqual(['1:1 unknown-rule no-such-rule', '3:3 sample-rule bad thing'])
  })
})

describe('configuration', () => {
  it('applies presets, severities, options, people and allow', () => {
    expect(resolveConfig(rules).rules).toEqual({
      'sample-rule': {severity: 'warning', options: {limit: 3, names: []}},
      'other-rule': {severity: 'off', options: {}}
    })
    expect(resolveConfig(rules, {preset: 'all'}).rules['other-rule'].severity).toBe('suggestion')
    const config = resolveConfig(rules, validateConfig({preset: 'none', rules: {'sample-rule': [2, {limit: 5}]}, people: ['Dylan'], allow: ['other-rule']}, rules))
    expect(config.rules['sample-rule']).toEqual({severity: 'error', options: {limit: 5, names: []}})
    expect(config.settings.people).toEqual(['Dylan'])
    expect(config.rules['other-rule'].severity).toBe('off')
    expect(lint('A bad thing. A Bad Thing.', {allow: ['bad thing']})).toEqual([])
  })

  it('names the key of a wrong option', () => {
    const bad = (data: unknown) => () => validateConfig(data, rules, '.blamelintrc')
    expect(bad({rules: {'sample-rule': ['warn', {limit: 'ten'}]}})).toThrow(new BlamelintError('rules.sample-rule.limit: expected a number >= 1, got "ten"', '.blamelintrc'))
    expect(bad({rules: {'sample-rule': ['warn', {names: 'Dylan'}]}})).toThrow('rules.sample-rule.names: expected a list of strings')
    expect(bad({rules: {'sample-rule': ['warn', {limit: 0}]}})).toThrow('expected a number >= 1')
    expect(bad({overrides: [{rules: {}}]})).toThrow('overrides[0].files: expected a glob or a list of globs')
    expect(bad({overrides: [{files: '*.md', preset: 'all'}]})).toThrow('overrides[0].preset: unknown configuration key')
    expect(bad({people: 'Dylan'})).toThrow('people: expected a list of strings')
  })

  it('finds the nearest config file, and overrides match relative to it', () => {
    const root = mkdtempSync(join(tmpdir(), 'blamelint-config-'))
    mkdirSync(join(root, 'a/b/c'), {recursive: true})
    writeFileSync(join(root, '.blamelintrc.yml'), 'rules:\n  sample-rule: error\noverrides:\n  - files: a/**/*.txt\n    rules:\n      sample-rule: off\n')
    writeFileSync(join(root, 'a/b/package.json'), JSON.stringify({blamelint: {preset: 'all'}}))
    const finder = new ConfigFinder(rules)
    expect(finder.forFile(join(root, 'a/x.md')).path).toBe(join(root, '.blamelintrc.yml'))
    expect(finder.forFile(join(root, 'a/b/c/x.md')).path).toBe(join(root, 'a/b/package.json'))
    const loaded = finder.forFile(join(root, 'a/notes.txt'))
    expect(resolveConfig(rules, loaded.data, {filePath: join(root, 'a/notes.txt'), baseDir: root}).rules['sample-rule'].severity).toBe('off')
    expect(resolveConfig(rules, loaded.data, {filePath: join(root, 'a/notes.md'), baseDir: root}).rules['sample-rule'].severity).toBe('error')
  })
})

describe('mentions carried through a paragraph', () => {
  it('treat later unquoted uses of a phrase quoted earlier in the same paragraph as mentions', () => {
    expect(lint('We never call it a “bad thing”: any bad thing is a symptom.\n\nA bad thing happened.')).toEqual(['3:3 sample-rule bad thing'])
  })
})
