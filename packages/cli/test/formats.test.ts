import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {project, run} from './run.js'

const isolated = JSON.stringify({preset: 'none', rules: {'no-human-error': 'error', 'no-dramatic-language': 'warning'}})
const files = {
  '.blamelintrc': isolated,
  'docs/incident report.md': 'The root cause was human error.\n\nIt was a total mess, 100% "bad", with 50%:commas.\n',
  'docs/clean.md': 'The deploy job read a cached copy of the flag file.\n'
}

// The official SARIF validator and its schema, from the Linux-only optional
// dependency @microsoft/sarif-multitool-linux (installed on the CI machine).
const multitoolDir = fileURLToPath(new URL('../../../node_modules/@microsoft/sarif-multitool-linux/', import.meta.url))
const schemaPath = join(multitoolDir, 'sarif-2.1.0.json')
const validator = join(multitoolDir, 'Sarif.Multitool')
const hasMultitool = existsSync(validator) && existsSync(schemaPath)

describe('--format json', () => {
  it('gives per file the path, counts and full messages', async () => {
    const cwd = project(files)
    const {code, stdout} = await run(['--format', 'json', 'docs'], {cwd})
    expect(code).toBe(1)
    const report = JSON.parse(stdout)
    expect(report.map((file: {path: string}) => file.path)).toEqual(['docs/clean.md', 'docs/incident report.md'])
    expect(report[0]).toEqual({path: 'docs/clean.md', errorCount: 0, warningCount: 0, suggestionCount: 0, messages: []})
    expect(report[1]).toMatchObject({errorCount: 1, warningCount: 1, suggestionCount: 0})
    expect(report[1].messages[0]).toEqual({
      ruleId: 'no-human-error',
      severity: 'error',
      line: 1,
      column: 20,
      endLine: 1,
      endColumn: 31,
      message: expect.stringContaining('`human error`'),
      actual: 'human error',
      expected: ['a missing safeguard', 'an unguarded manual step'],
      note: expect.any(String),
      url: 'https://github.com/blamelint/blamelint/blob/main/docs/rules/no-human-error.md'
    })
  })
})

describe('--format sarif', () => {
  const sarifFor = async (args: string[]) => {
    const cwd = project(files)
    const {stdout} = await run(['--format', 'sarif', ...args], {cwd})
    return {cwd, stdout, log: JSON.parse(stdout)}
  }

  it('describes every rule with its help URI and each result with its region', async () => {
    const {log} = await sarifFor(['docs'])
    expect(log.version).toBe('2.1.0')
    const [sarifRun] = log.runs
    expect(sarifRun.tool.driver.rules.find((rule: {id: string}) => rule.id === 'no-human-error')).toMatchObject({
      helpUri: 'https://github.com/blamelint/blamelint/blob/main/docs/rules/no-human-error.md',
      defaultConfiguration: {level: 'error'}
    })
    expect(sarifRun.results).toHaveLength(2)
    expect(sarifRun.results[0]).toMatchObject({
      ruleId: 'no-human-error',
      level: 'error',
      locations: [{physicalLocation: {artifactLocation: {uri: 'docs/incident%20report.md', uriBaseId: '%SRCROOT%'}, region: {startLine: 1, startColumn: 20, endLine: 1, endColumn: 31}}}]
    })
    expect(sarifRun.results[0].fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('a missing safeguard')
    expect(sarifRun.results[1].level).toBe('warning')
  })

  it.skipIf(!hasMultitool)('is valid against the SARIF 2.1.0 JSON schema', async () => {
    const {log} = await sarifFor(['docs'])
    const ajv = new Ajv2020.default({strict: false, allErrors: true})
    addFormats.default(ajv)
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')))
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it.skipIf(!hasMultitool)('passes the official SARIF validator (Sarif.Multitool validate)', async () => {
    const {cwd, stdout} = await sarifFor(['docs', join(project(files), 'docs/incident report.md')])
    const output = join(cwd, 'out.sarif')
    writeFileSync(output, stdout)
    const result = execFileSync(validator, ['validate', output], {encoding: 'utf8', env: {...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1'}})
    expect(result).toContain('Analysis completed successfully')
    expect(result).not.toMatch(/: error /)
  })
})

describe('--format github', () => {
  it('emits one workflow command per message, escaping data and properties', async () => {
    const cwd = project({
      '.blamelintrc': isolated,
      'a,b:c.md': 'The root cause was human error.\n\nIt was a total mess.\n'
    })
    const {code, stdout} = await run(['--format', 'github', 'a,b:c.md'], {cwd})
    expect(code).toBe(1)
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^::error file=a%2Cb%3Ac\.md,line=1,col=20,endLine=1,endColumn=31,title=blamelint\(no-human-error\)::`human error` names a person/)
    expect(lines[1]).toMatch(/^::warning file=a%2Cb%3Ac\.md,line=3,col=10,endLine=3,endColumn=20,title=blamelint\(no-dramatic-language\)::/)
    expect(lines[0]).toContain('(https://github.com/blamelint/blamelint/blob/main/docs/rules/no-human-error.md)')
  })

  it('maps suggestions to notices and escapes newlines and percent signs', async () => {
    const {github} = await import('../src/formatters/github.js')
    const {VFile} = await import('vfile')
    const file = new VFile({path: 'x.md'})
    const message = file.message('50% done\nsecond line', {place: {line: 2, column: 3}, ruleId: 'some-rule', source: 'blamelint'})
    message.fatal = undefined
    expect([...github([{path: 'x.md', file}], {cwd: '/', rules: [], version: '0', color: false})].join('')).toBe(
      '::notice file=x.md,line=2,col=3,title=blamelint(some-rule)::50%25 done%0Asecond line\n'
    )
  })
})

describe('--format stylish', () => {
  it('lists problems per file with rule ids and a summary, leaving clean files out', async () => {
    const cwd = project(files)
    const {stdout} = await run(['docs'], {cwd})
    expect(stdout).not.toContain('clean.md')
    expect(stdout).toContain('docs/incident report.md')
    expect(stdout).toMatch(/1:20-1:31\s+error\s+`human error`.*no-human-error\s+blamelint/)
    expect(stdout).toContain('2 messages (✖ 1 error, ⚠ 1 warning)')
  })
})
