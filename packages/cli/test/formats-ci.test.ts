import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv} from 'ajv'
import {SaxesParser} from 'saxes'
import {rules} from 'blamelint'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {afterAll, describe, expect, it} from 'vitest'
import {formatters, type FileResult} from '../dist/index.js'
import {blamelint, pinnedConfig, removeTemporary, temporaryDirectory} from './ci-helpers.js'

afterAll(removeTemporary)

const context = {cwd: '/repo', rules, version: '0.0.0-test', color: false}

/** User text with everything XML and Markdown must survive: markup, quotes, a CDATA end, controls, a lone surrogate, a non-character. */
const hostile = `Tom & Jerry's <b>"fault"</b> ]]> tab\there\u0001bell\u0007 lone\uD800 non\uFFFE end`
/** The same text as an XML parser must read it back: characters XML cannot hold become U+FFFD. */
const hostileRead = `Tom & Jerry's <b>"fault"</b> ]]> tab\there\uFFFDbell\uFFFD lone\uFFFD non\uFFFD end`

function message(reason: string, options: {ruleId: string; line: number; column: number; endLine?: number; fatal?: boolean; actual?: string}): VFileMessage {
  const start = {line: options.line, column: options.column}
  const result = new VFileMessage(reason, {place: {start, end: {line: options.endLine ?? options.line, column: options.column + 5}}, ruleId: options.ruleId, source: 'blamelint'})
  result.fatal = options.fatal
  result.actual = options.actual
  result.url = `https://example.com/${options.ruleId}`
  return result
}

function results(): FileResult[] {
  const bad = new VFile({path: 'docs/a&b <c>.md'})
  bad.messages.push(
    message(hostile, {ruleId: 'no-human-error', line: 3, column: 26, fatal: true, actual: hostile}),
    message('`catastrophic` is dramatic.', {ruleId: 'no-dramatic-language', line: 4, column: 10, endLine: 5, fatal: false, actual: 'catastrophic'}),
    message('`catastrophic` is dramatic.', {ruleId: 'no-dramatic-language', line: 9, column: 1, fatal: false, actual: 'catastrophic'}),
    message('Consider a softer word.', {ruleId: 'no-dramatic-language', line: 11, column: 1, actual: 'chaos'})
  )
  return [
    {path: 'docs/a&b <c>.md', file: bad},
    {path: 'docs/clean.md', file: new VFile({path: 'docs/clean.md'})}
  ]
}

interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
}

/** Parse with a conforming XML parser (saxes rejects anything not well-formed). */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser()
  const document: XmlElement = {name: '#document', attributes: {}, children: [], text: ''}
  const stack = [document]
  parser.on('error', (error) => {
    throw error
  })
  parser.on('opentag', (tag) => {
    const element = {name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: ''}
    stack[stack.length - 1].children.push(element)
    stack.push(element)
  })
  parser.on('closetag', () => stack.pop())
  parser.on('text', (text) => {
    stack[stack.length - 1].text += text
  })
  parser.write(xml).close()
  expect(document.children).toHaveLength(1)
  return document.children[0]
}

const childrenNamed = (element: XmlElement, name: string) => element.children.filter((child) => child.name === name)

describe('the XML parser used here', () => {
  it('rejects what is not well-formed, so passing it means something', () => {
    expect(() => parseXml('<a>\u0001</a>')).toThrow()
    expect(() => parseXml('<a b="x & y"/>')).toThrow()
    expect(() => parseXml('<a><b></a>')).toThrow()
  })
})

describe('--format junit', () => {
  it('is well-formed XML with one failing testcase per message and a passing one per clean file', () => {
    const suites = parseXml([...formatters.junit(results(), context)].join(''))
    expect(suites.name).toBe('testsuites')
    expect(suites.attributes).toMatchObject({tests: '5', failures: '4'})
    const [bad, clean] = childrenNamed(suites, 'testsuite')
    expect(bad.attributes).toMatchObject({name: 'docs/a&b <c>.md', tests: '4', failures: '4'})
    const cases = childrenNamed(bad, 'testcase')
    expect(cases.map((testcase) => testcase.attributes.name)).toEqual([
      'no-human-error at docs/a&b <c>.md:3:26',
      'no-dramatic-language at docs/a&b <c>.md:4:10',
      'no-dramatic-language at docs/a&b <c>.md:9:1',
      'no-dramatic-language at docs/a&b <c>.md:11:1'
    ])
    const failure = childrenNamed(cases[0], 'failure')[0]
    expect(failure.attributes).toEqual({message: hostileRead, type: 'error'})
    expect(failure.text).toContain(`Found: ${hostileRead}`)
    expect(cases.map((testcase) => childrenNamed(testcase, 'failure')[0].attributes.type)).toEqual(['error', 'warning', 'warning', 'suggestion'])
    expect(clean.attributes).toMatchObject({name: 'docs/clean.md', tests: '1', failures: '0'})
    expect(childrenNamed(clean, 'testcase')).toHaveLength(1)
    expect(childrenNamed(clean, 'testcase')[0].children).toEqual([])
  })
})

describe('--format checkstyle', () => {
  it('is well-formed XML with a <file> per file and an <error> per message', () => {
    const root = parseXml([...formatters.checkstyle(results(), context)].join(''))
    expect(root.name).toBe('checkstyle')
    const [bad, clean] = childrenNamed(root, 'file')
    expect(bad.attributes.name).toBe('docs/a&b <c>.md')
    expect(childrenNamed(bad, 'error').map((error) => error.attributes)).toEqual([
      {line: '3', column: '26', severity: 'error', message: `${hostileRead} (https://example.com/no-human-error)`, source: 'blamelint.no-human-error'},
      {line: '4', column: '10', severity: 'warning', message: '`catastrophic` is dramatic. (https://example.com/no-dramatic-language)', source: 'blamelint.no-dramatic-language'},
      {line: '9', column: '1', severity: 'warning', message: '`catastrophic` is dramatic. (https://example.com/no-dramatic-language)', source: 'blamelint.no-dramatic-language'},
      {line: '11', column: '1', severity: 'info', message: 'Consider a softer word. (https://example.com/no-dramatic-language)', source: 'blamelint.no-dramatic-language'}
    ])
    expect(clean.attributes.name).toBe('docs/clean.md')
    expect(clean.children).toEqual([])
  })
})

// GitLab's documented Code Quality report format
// (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):
// an array of objects, each with a description, a check_name, a unique
// fingerprint, a severity (info, minor, major, critical or blocker), and a
// location with the path relative to the repository and either
// lines.begin or positions.begin.line.
const gitlabSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: {type: 'string', minLength: 1},
      check_name: {type: 'string', minLength: 1},
      fingerprint: {type: 'string', minLength: 1},
      severity: {enum: ['info', 'minor', 'major', 'critical', 'blocker']},
      location: {
        type: 'object',
        required: ['path'],
        properties: {
          path: {type: 'string', minLength: 1, not: {pattern: '^(/|\\./)'}},
          lines: {type: 'object', required: ['begin'], properties: {begin: {type: 'integer', minimum: 1}, end: {type: 'integer', minimum: 1}}},
          positions: {type: 'object', required: ['begin'], properties: {begin: {type: 'object', required: ['line'], properties: {line: {type: 'integer', minimum: 1}}}}}
        },
        anyOf: [{required: ['lines']}, {required: ['positions']}]
      }
    }
  }
}

describe('--format gitlab', () => {
  const validate = new Ajv({allErrors: true}).compile(gitlabSchema)

  it('matches GitLab’s documented report format, with unique fingerprints and mapped severities', () => {
    const report = JSON.parse([...formatters.gitlab(results(), context)].join(''))
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
    expect(report).toHaveLength(4)
    expect(report.map((issue: {severity: string}) => issue.severity)).toEqual(['major', 'minor', 'minor', 'info'])
    expect(report[1].location).toEqual({path: 'docs/a&b <c>.md', lines: {begin: 4, end: 5}})
    expect(report[0].description).toBe(hostile)
    // The same finding twice in one file is two issues: GitLab shows only one issue per fingerprint.
    expect(new Set(report.map((issue: {fingerprint: string}) => issue.fingerprint)).size).toBe(4)
  })

  it('keeps fingerprints when lines above a finding move, so GitLab does not call old issues new', () => {
    const dir = temporaryDirectory()
    writeFileSync(join(dir, '.blamelintrc.json'), pinnedConfig)
    const lint = (text: string) => {
      writeFileSync(join(dir, 'incident.md'), text)
      const result = blamelint(['--format', 'gitlab', 'incident.md'], dir)
      expect(result.status).toBe(1)
      const report = JSON.parse(result.stdout)
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
      return report as Array<{fingerprint: string; check_name: string; location: {lines: {begin: number}}}>
    }
    const before = lint('# Incident\n\nThe outage was caused by human error.\n\nIt was a disaster.\n')
    const after = lint('# Incident\n\nA new first paragraph.\n\nThe outage was caused by human error.\n\nIt was a disaster.\n')
    expect(before.map((issue) => [issue.check_name, issue.location.lines.begin])).toEqual([
      ['no-human-error', 3],
      ['no-dramatic-language', 5]
    ])
    expect(after.map((issue) => issue.location.lines.begin)).toEqual([5, 7])
    expect(after.map((issue) => issue.fingerprint)).toEqual(before.map((issue) => issue.fingerprint))
  })
})

describe('CI formats from the command line', () => {
  it('writes well-formed XML for a file whose name and text need escaping', () => {
    const dir = temporaryDirectory()
    writeFileSync(join(dir, '.blamelintrc.json'), pinnedConfig)
    const name = `R&D "notes" <draft>'s.md`
    writeFileSync(join(dir, name), '# R&D <notes>\n\nIt was a disaster & caused by "Bob\'s" human error.\n')

    const junit = blamelint(['--format', 'junit', name], dir)
    expect(junit.status).toBe(1)
    const suite = childrenNamed(parseXml(junit.stdout), 'testsuite')[0]
    expect(suite.attributes.name).toBe(name)
    expect(childrenNamed(suite, 'testcase').map((testcase) => testcase.attributes.name)).toEqual([`no-dramatic-language at ${name}:3:10`, `no-human-error at ${name}:3:39`])

    const checkstyle = blamelint(['--format', 'checkstyle', name], dir)
    expect(checkstyle.status).toBe(1)
    const file = childrenNamed(parseXml(checkstyle.stdout), 'file')[0]
    expect(file.attributes.name).toBe(name)
    expect(childrenNamed(file, 'error').map((error) => `${error.attributes.line}:${error.attributes.column} ${error.attributes.source}`)).toEqual([
      '3:10 blamelint.no-dramatic-language',
      '3:39 blamelint.no-human-error'
    ])
  })
})
