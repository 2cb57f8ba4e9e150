import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {blameful, clean, dramatic, parseJson, project, run, spawn} from './run.js'

// Only the two phrase rules, so these tests don't change as other rules evolve.
const isolated = JSON.stringify({preset: 'none', rules: {'no-human-error': 'error', 'no-dramatic-language': 'warning'}})

const rulesOf = (stdout: string) => parseJson(stdout).map((file) => [file.path, file.messages.map((message) => message.ruleId)])

describe('blamelint CLI: basics', () => {
  it('prints its version and help', async () => {
    const cwd = project({})
    const version = await run(['--version'], {cwd})
    expect(version).toMatchObject({code: 0})
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
    const help = await run(['--help'], {cwd})
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: blamelint')
    expect(help.stdout).toContain('--max-warnings')
  })

  it('lists every rule with its default severity and docs URL', async () => {
    const {code, stdout} = await run(['--list-rules'], {cwd: project({})})
    expect(code).toBe(0)
    for (const id of ['no-human-error', 'no-dramatic-language', 'no-named-blame', 'max-action-items']) expect(stdout).toContain(id)
    expect(stdout).toContain('docs/rules/no-human-error.md')
  })

  it('exits 1 on errors, 0 on warnings only, 0 when clean', async () => {
    const cwd = project({'.blamelintrc': isolated, 'error.md': blameful, 'warning.md': dramatic, 'clean.md': clean})
    expect((await run(['error.md'], {cwd})).code).toBe(1)
    expect((await run(['warning.md'], {cwd})).code).toBe(0)
    expect(await run(['clean.md'], {cwd})).toEqual({code: 0, stdout: '', stderr: ''})
  })

  it('fails on more warnings than --max-warnings allows', async () => {
    const cwd = project({'.blamelintrc': isolated, 'warning.md': dramatic})
    const strict = await run(['--max-warnings', '0', 'warning.md'], {cwd})
    expect(strict.code).toBe(1)
    expect(strict.stderr).toContain('1 warnings, more than the 0 allowed')
    expect((await run(['--max-warnings', '1', 'warning.md'], {cwd})).code).toBe(0)
    expect((await run(['--max-warnings', 'many', 'warning.md'], {cwd})).code).toBe(2)
  })

  it('reports only errors with --quiet', async () => {
    const cwd = project({'.blamelintrc': isolated, 'both.md': `${blameful}\n${dramatic}`})
    const {code, stdout} = await run(['--quiet', '--format', 'json', 'both.md'], {cwd})
    expect(code).toBe(1)
    expect(rulesOf(stdout)).toEqual([['both.md', ['no-human-error']]])
  })

  it('writes the report to --output-file and nothing to stdout', async () => {
    const cwd = project({'.blamelintrc': isolated, 'error.md': blameful})
    const {code, stdout} = await run(['--format', 'json', '--output-file', 'reports/out.json', 'error.md'], {cwd})
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(rulesOf(readFileSync(join(cwd, 'reports/out.json'), 'utf8'))).toEqual([['error.md', ['no-human-error']]])
    expect(readdirSync(join(cwd, 'reports'))).toEqual(['out.json'])
  })
})

describe('blamelint CLI: finding files', () => {
  const tree = {
    '.blamelintrc': isolated,
    'docs/a.md': blameful,
    'docs/b.txt': dramatic,
    'docs/c.html': '<p>It was a <em>total mess</em>.</p>',
    'docs/d.markdown': blameful,
    'docs/script.js': '// human error',
    'docs/node_modules/dep/readme.md': blameful,
    'docs/drafts/old.md': blameful
  }

  it('searches directories for Markdown, text and HTML files', async () => {
    const cwd = project(tree)
    const {stdout} = await run(['--format', 'json', 'docs'], {cwd})
    expect(parseJson(stdout).map((file) => file.path)).toEqual(['docs/a.md', 'docs/b.txt', 'docs/c.html', 'docs/d.markdown', 'docs/drafts/old.md'])
  })

  it('expands globs and honours .blamelintignore', async () => {
    const cwd = project({...tree, '.blamelintignore': 'docs/drafts/\n'})
    const {stdout} = await run(['--format', 'json', 'docs/**/*.md'], {cwd})
    expect(parseJson(stdout).map((file) => file.path)).toEqual(['docs/a.md'])
  })

  it('lints a file named explicitly whatever its extension, as Markdown', async () => {
    const cwd = project({...tree, 'NOTES': blameful})
    const {code, stdout} = await run(['--format', 'json', 'NOTES'], {cwd})
    expect(code).toBe(1)
    expect(rulesOf(stdout)).toEqual([['NOTES', ['no-human-error']]])
  })

  it('parses HTML and text by extension, with positions in the source', async () => {
    const cwd = project(tree)
    const {stdout} = await run(['--format', 'json', 'docs/c.html', 'docs/b.txt'], {cwd})
    const [html, text] = parseJson(stdout)
    expect(html.messages[0]).toMatchObject({ruleId: 'no-dramatic-language', line: 1, column: 17, endColumn: 27, actual: 'total mess'})
    expect(text.messages[0]).toMatchObject({ruleId: 'no-dramatic-language', line: 1, column: 10, endColumn: 20})
  })

  it.each([
    [['missing.md'], 'missing.md: no such file or directory'],
    [['nothing/**/*.md'], 'nothing/**/*.md: no files match this pattern'],
    [['empty'], 'empty: no .md/.markdown/.txt/.html files in this directory']
  ])('exits 2 with one line for %j', async (args, message) => {
    const cwd = project({'empty/readme.rst': 'x'})
    const {code, stdout, stderr} = await run(args, {cwd})
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe(`blamelint: ${message}\n`)
  })

  it('rejects unknown flags, formats and rules with exit 2', async () => {
    const cwd = project({'a.md': clean})
    for (const args of [['--frobnicate', 'a.md'], ['--format', 'xml', 'a.md'], ['--rule', 'no-such-rule=off', 'a.md'], ['--rule', 'no-human-error=loud', 'a.md'], ['-', 'a.md']]) {
      const {code, stderr} = await run(args, {cwd})
      expect(code, args.join(' ')).toBe(2)
      expect(stderr.trim().split('\n')).toHaveLength(1)
      expect(stderr).toMatch(/^blamelint: /)
    }
  })

  it('skips binary files with a note and repairs invalid UTF-8 with a warning', async () => {
    const cwd = project({
      '.blamelintrc': isolated,
      'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
      'latin1.md': Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' was a total mess.\n')]),
      'bom.md': `\uFEFF${dramatic}`
    })
    const {code, stdout, stderr} = await run(['--format', 'json', 'binary.md', 'latin1.md', 'bom.md'], {cwd})
    expect(code).toBe(0)
    expect(stderr).toContain('blamelint: binary.md: binary file (contains NUL bytes), skipped')
    expect(stderr).toContain('blamelint: latin1.md: invalid UTF-8')
    const files = parseJson(stdout)
    expect(files.map((file) => file.path)).toEqual(['latin1.md', 'bom.md'])
    expect(files[0].messages[0]).toMatchObject({column: 12, actual: 'total mess'})
    // The byte-order mark is not a column.
    expect(files[1].messages[0]).toMatchObject({column: 10, actual: 'total mess'})
  })
})

describe('blamelint CLI: configuration', () => {
  const tree = {
    '.blamelintrc': JSON.stringify({preset: 'none', rules: {'no-human-error': 'error'}}),
    'root.md': `${blameful}\n${dramatic}`,
    'yaml/.blamelintrc.yaml': 'preset: none\nrules:\n  no-dramatic-language: error\n',
    'yaml/doc.md': `${blameful}\n${dramatic}`,
    'pkg/package.json': JSON.stringify({name: 'x', blamelint: {preset: 'none', rules: {'no-dramatic-language': 'suggestion'}}}),
    'pkg/deep/doc.md': `${blameful}\n${dramatic}`,
    'plain/package.json': JSON.stringify({name: 'no-config-key'}),
    'plain/doc.md': `${blameful}\n${dramatic}`
  }

  it('uses the configuration nearest to each file', async () => {
    const cwd = project(tree)
    const {stdout} = await run(['--format', 'json', 'root.md', 'yaml/doc.md', 'pkg/deep/doc.md', 'plain/doc.md'], {cwd})
    const files = parseJson(stdout).map((file) => [file.path, file.messages.map((message) => `${message.ruleId}:${message.severity}`)])
    expect(files).toEqual([
      ['root.md', ['no-human-error:error']],
      ['yaml/doc.md', ['no-dramatic-language:error']],
      ['pkg/deep/doc.md', ['no-dramatic-language:suggestion']],
      // A package.json without a `blamelint` key is skipped; the root rc applies.
      ['plain/doc.md', ['no-human-error:error']]
    ])
  })

  it('uses --config instead of searching, and --rule over any config', async () => {
    const cwd = project({...tree, 'team.json': JSON.stringify({preset: 'none', rules: {'no-dramatic-language': 'warning'}})})
    const explicit = await run(['--format', 'json', '--config', 'team.json', 'root.md', 'yaml/doc.md'], {cwd})
    expect(rulesOf(explicit.stdout)).toEqual([
      ['root.md', ['no-dramatic-language']],
      ['yaml/doc.md', ['no-dramatic-language']]
    ])
    const overridden = await run(['--format', 'json', '--rule', 'no-human-error=off', '--rule', 'no-dramatic-language=warning', 'root.md'], {cwd})
    expect(rulesOf(overridden.stdout)).toEqual([['root.md', ['no-dramatic-language']]])
  })

  it('applies per-glob overrides and the allow list', async () => {
    const cwd = project({
      '.blamelintrc.json': JSON.stringify({
        preset: 'none',
        rules: {'no-human-error': 'error', 'no-dramatic-language': 'warning'},
        allow: ['total mess'],
        overrides: [{files: 'archive/**', rules: {'no-human-error': 'off'}}]
      }),
      'archive/2019.md': `${blameful}\nIt was a disaster.\n`,
      'new.md': `${blameful}\n${dramatic}`
    })
    const {stdout} = await run(['--format', 'json', 'archive/2019.md', 'new.md'], {cwd})
    expect(rulesOf(stdout)).toEqual([
      ['archive/2019.md', ['no-dramatic-language']],
      ['new.md', ['no-human-error']]
    ])
  })

  it('prints the configuration that applies to a file', async () => {
    const cwd = project(tree)
    const {code, stdout} = await run(['--print-config', 'yaml/doc.md'], {cwd})
    expect(code).toBe(0)
    const printed = JSON.parse(stdout)
    expect(printed.configFile).toBe(join(cwd, 'yaml/.blamelintrc.yaml'))
    expect(printed.rules['no-dramatic-language']).toEqual({severity: 'error', options: {}})
    expect(printed.rules['no-human-error'].severity).toBe('off')
  })

  it.each([
    ['.blamelintrc.json', '{\n  "rules": {\n    "no-human-error": "error",\n  }\n}\n', /\.blamelintrc\.json: 4:3: invalid JSON/],
    ['.blamelintrc.yaml', 'rules:\n  no-human-error: [error\n', /\.blamelintrc\.yaml: \d+:\d+: invalid YAML/],
    ['.blamelintrc', '{"rules": {"no-such-rule": "error"}}', /\.blamelintrc: rules\.no-such-rule: unknown rule/],
    ['.blamelintrc', '{"rules": {"no-human-error": "loud"}}', /\.blamelintrc: rules\.no-human-error: expected a severity/],
    ['.blamelintrc', '{"rules": {"no-human-error": ["error", {"bogus": 1}]}}', /rules\.no-human-error\.bogus: unknown option/],
    ['.blamelintrc', '{"peple": ["Dylan"]}', /\.blamelintrc: peple: unknown configuration key/],
    ['.blamelintrc', '{"preset": "strict"}', /preset: expected one of recommended, all, none/]
  ])('exits 2 naming the file and the problem for a bad %s', async (name, content, message) => {
    const cwd = project({[name]: content, 'doc.md': blameful})
    const {code, stdout, stderr} = await run(['doc.md'], {cwd})
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).not.toMatch(/\n\s+at /)
  })
})

describe('blamelint CLI: standard input', () => {
  it('reads `-` and reports it under --stdin-filename, using that path for config and format', async () => {
    const cwd = project({'.blamelintrc': isolated, 'docs/.blamelintrc': JSON.stringify({preset: 'none', rules: {'no-dramatic-language': 'error'}})})
    const {code, stdout} = await run(['--format', 'json', '--stdin-filename', 'docs/page.html', '-'], {cwd, stdin: '<p>It was a <b>total mess</b>. Human error.</p>'})
    expect(code).toBe(1)
    const [file] = parseJson(stdout)
    expect(file.path).toBe('docs/page.html')
    expect(file.messages.map((message) => [message.ruleId, message.severity, message.column])).toEqual([['no-dramatic-language', 'error', 16]])
  })

  it('reads piped input when no paths are given', async () => {
    const cwd = project({'.blamelintrc': isolated})
    const {code, stdout} = await run(['--format', 'json'], {cwd, stdin: blameful})
    expect(code).toBe(1)
    expect(rulesOf(stdout)).toEqual([['<stdin>', ['no-human-error']]])
  })

  it('asks for input when there are no paths and standard input is a terminal', async () => {
    const {code, stderr} = await run([], {cwd: project({})})
    expect(code).toBe(2)
    expect(stderr).toContain('no input')
  })
})

describe('blamelint CLI: what is and is not linted', () => {
  it('honours disable, enable and disable-next-line comments', async () => {
    const cwd = project({
      '.blamelintrc': isolated,
      'doc.md': [
        'Human error, line 1.',
        '',
        '<!-- blamelint-disable-next-line no-human-error -->',
        'Human error, line 4. It was a total mess.',
        '',
        '<!-- blamelint-disable -->',
        'Human error, line 7. It was a total mess.',
        '<!-- blamelint-enable no-dramatic-language -->',
        '',
        'Human error, line 10. It was a total mess.',
        '',
        '<!-- blamelint-enable -->',
        '',
        'Human error, line 14. <!-- blamelint-disable-line -->',
        '',
        '<!-- blamelint-disable-next-line no-such-rule -- a typo -->',
        'Human error, line 17.',
        ''
      ].join('\n')
    })
    const {stdout} = await run(['--format', 'json', 'doc.md'], {cwd})
    const [file] = parseJson(stdout)
    expect(file.messages.map((message) => `${message.line}:${message.ruleId}`)).toEqual([
      '1:no-human-error',
      '4:no-dramatic-language',
      '10:no-dramatic-language',
      '16:unknown-rule',
      '17:no-human-error'
    ])
  })

  it('skips quoted phrases, code, front matter, comments and URLs, and lints table cells', async () => {
    const cwd = project({
      '.blamelintrc': isolated,
      'doc.md': [
        '---',
        'summary: human error',
        '---',
        '',
        'We avoid the term "human error" and ‘total mess’. See https://example.com/human-error-disaster.',
        '',
        '`human error` <!-- total mess -->',
        '',
        '```',
        'a disaster',
        '```',
        '',
        '| Factor | Notes |',
        '|---|---|',
        '| Human error | a **total mess** |',
        ''
      ].join('\n')
    })
    const {stdout} = await run(['--format', 'json', 'doc.md'], {cwd})
    const [file] = parseJson(stdout)
    expect(file.messages.map((message) => [message.ruleId, message.line, message.column, message.endColumn, message.actual])).toEqual([
      ['no-human-error', 15, 3, 14, 'Human error'],
      ['no-dramatic-language', 15, 21, 31, 'total mess']
    ])
  })
})

describe('blamelint binary', () => {
  it('runs as a process: exit codes, piped stdin and one-line errors', () => {
    const cwd = project({'.blamelintrc': isolated, 'error.md': blameful})
    const failing = spawn(['error.md'], {cwd})
    expect(failing.code).toBe(1)
    expect(failing.stdout).toContain('no-human-error')
    const piped = spawn(['--format', 'json'], {cwd, input: dramatic})
    expect(piped.code).toBe(0)
    expect(rulesOf(piped.stdout)).toEqual([['<stdin>', ['no-dramatic-language']]])
    const missing = spawn(['missing.md'], {cwd})
    expect(missing).toEqual({code: 2, stdout: '', stderr: 'blamelint: missing.md: no such file or directory\n'})
  })

  it('never writes to the files it lints', () => {
    const cwd = project({'.blamelintrc': isolated, 'error.md': blameful})
    spawn(['--format', 'sarif', 'error.md'], {cwd})
    expect(readFileSync(join(cwd, 'error.md'), 'utf8')).toBe(blameful)
    expect(existsSync(join(cwd, 'error.md.tmp'))).toBe(false)
  })
})
