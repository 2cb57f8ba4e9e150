// What the command does with input it cannot lint as asked: each case gives
// one line on stderr naming the file, and exit code 2 when the run could
// not do what was asked (docs/reliability.md lists the decisions). Cases
// cli.test.ts already covers (a missing path, an empty glob or directory,
// a binary file among others, Latin-1 bytes, a byte-order mark, a broken
// config file) are not repeated here.
import {spawnSync} from 'node:child_process'
import {chmodSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {longLine, pastedLog} from '../../../test/pathological.mjs'
import {bin, blameful, clean, dramatic, parseJson, project, run, spawn} from './run.js'

const isolated = JSON.stringify({preset: 'none', rules: {'no-human-error': 'error', 'no-dramatic-language': 'warning'}})

/** Where each message is, comparable across runs: rule, start and end. */
const places = (stdout: string) =>
  parseJson(stdout).map((file) => [file.path, file.messages.map((message) => `${message.ruleId}@${message.line}:${message.column}-${message.endLine}:${message.endColumn}`)])

const oneLine = (stderr: string) => {
  expect(stderr.endsWith('\n')).toBe(true)
  expect(stderr.trimEnd().split('\n')).toHaveLength(1)
}

describe('paths that cannot be linted', () => {
  it('names a link to nothing, a link loop, a path through a file and a FIFO, and exits 2', async () => {
    const cwd = project({'.blamelintrc': isolated, 'a.md': blameful})
    symlinkSync('nowhere.md', join(cwd, 'dangling.md'))
    symlinkSync('loop.md', join(cwd, 'loop.md'))
    const fifo = spawnSync('mkfifo', [join(cwd, 'pipe.md')])
    expect(fifo.status, 'mkfifo is needed to make a FIFO').toBe(0)
    for (const [path, reason] of [
      ['dangling.md', 'a symbolic link to nothing'],
      ['loop.md', 'a symbolic link loop'],
      ['a.md/more.md', 'no such file or directory (a part of the path is a file)'],
      ['pipe.md', 'not a regular file or directory']
    ]) {
      const {code, stdout, stderr} = await run([path], {cwd})
      expect({code, stdout, stderr}).toEqual({code: 2, stdout: '', stderr: `blamelint: ${path}: ${reason}\n`})
    }
  })

  it('follows no symbolic link when searching a directory, so loops and dangling links are harmless', async () => {
    const cwd = project({'.blamelintrc': isolated, 'docs/a.md': blameful, 'docs/sub/b.md': dramatic})
    symlinkSync('.', join(cwd, 'docs/loop'))
    symlinkSync('..', join(cwd, 'docs/sub/up'))
    symlinkSync('self.md', join(cwd, 'docs/self.md'))
    symlinkSync('nowhere.md', join(cwd, 'docs/dangling.md'))
    const {code, stdout, stderr} = await run(['--format', 'json', 'docs'], {cwd})
    expect(stderr).toBe('')
    expect(code).toBe(1)
    expect(parseJson(stdout).map((file) => file.path)).toEqual(['docs/a.md', 'docs/sub/b.md'])
  })

  it('keeps an error one line when the file name holds a newline or terminal escapes', async () => {
    const name = 'evil\n\u001B[31mname\u202E.md'
    const {code, stderr} = await run([name], {cwd: project({})})
    expect(code).toBe(2)
    oneLine(stderr)
    expect(stderr).toBe('blamelint: evil\\u000a\\u001b[31mname\\u202e.md: no such file or directory\n')
  })
})

describe('files that cannot be read', () => {
  // Tests run as root in CI, where a mode of 000 does not stop a read. There
  // the command runs as the unprivileged user `nobody` (uid 65534), so the
  // kernel really refuses the read (EACCES); elsewhere as the current user.
  it('reports an unreadable file by name, lints the others, and exits 2', () => {
    const cwd = project({'.blamelintrc': isolated, 'open.md': blameful, 'secret.md': dramatic})
    const asRoot = process.getuid?.() === 0
    if (asRoot) {
      chmodSync(cwd, 0o755)
      for (const name of ['.blamelintrc', 'open.md']) chmodSync(join(cwd, name), 0o644)
    }
    chmodSync(join(cwd, 'secret.md'), 0o000)
    const user = asRoot ? {uid: 65534, gid: 65534} : {}
    const result = spawnSync(process.execPath, [bin, '--format', 'json', 'open.md', 'secret.md'], {cwd, encoding: 'utf8', ...user})
    expect(result.stderr).toBe('blamelint: secret.md: cannot read file: permission denied\n')
    expect(result.status).toBe(2)
    expect(places(result.stdout)).toEqual([['open.md', ['no-human-error@1:20-1:31']]])
  })

  it('fails a run that could lint nothing: every file binary, or binary standard input', async () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])
    const cwd = project({'.blamelintrc': isolated, 'a.md': binary, 'b.md': binary})
    const files = await run(['a.md', 'b.md'], {cwd})
    expect(files.code).toBe(2)
    expect(files.stderr.split('\n').filter(Boolean)).toEqual([
      'blamelint: a.md: binary file (contains NUL bytes), skipped',
      'blamelint: b.md: binary file (contains NUL bytes), skipped',
      'blamelint: nothing was linted: all 2 files were skipped or unreadable'
    ])
    const piped = spawn(['--format', 'json'], {cwd, input: binary})
    expect(piped).toEqual({code: 2, stdout: '', stderr: 'blamelint: <stdin>: binary file (contains NUL bytes), skipped\nblamelint: <stdin>: nothing was linted\n'})
  })
})

describe('encodings and line endings', () => {
  it('reads UTF-16 with a byte-order mark (both byte orders) with the positions of UTF-8', async () => {
    const text = `# Notes\n\nCafé. ${blameful}`
    const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const bigEndian = Buffer.from(littleEndian)
    bigEndian.swap16()
    const cwd = project({'.blamelintrc': isolated, 'utf8.md': text, 'le.md': littleEndian, 'be.md': bigEndian})
    const {code, stdout, stderr} = await run(['--format', 'json', 'utf8.md', 'le.md', 'be.md'], {cwd})
    expect(stderr).toBe('')
    expect(code).toBe(1)
    const [utf8, ...utf16] = places(stdout)
    expect(utf8).toEqual(['utf8.md', ['no-human-error@3:26-3:37']])
    expect(utf16.map(([, messages]) => messages)).toEqual([utf8[1], utf8[1]])
  })

  it('repairs invalid UTF-8 in a CRLF file with a warning, positions unmoved', async () => {
    const bytes = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' ok.\r\n\r\nThe root cause was human error.\r\n')])
    const cwd = project({'.blamelintrc': isolated, 'bad.md': bytes})
    const {code, stdout, stderr} = await run(['--format', 'json', 'bad.md'], {cwd})
    expect(stderr).toBe('blamelint: bad.md: invalid UTF-8; undecodable bytes were replaced with U+FFFD\n')
    expect(code).toBe(1)
    expect(places(stdout)).toEqual([['bad.md', ['no-human-error@3:20-3:31']]])
  })

  // The same document with LF, CRLF and lone-CR line endings, and with a
  // byte-order mark: every message at the same line and column.
  const documents: Record<string, string> = {
    'doc.md': [
      '# Review',
      '',
      'It was a total mess.',
      '> Quoted: human error',
      '',
      '- A *total mess* in a list',
      '- The root cause was',
      '  human error.',
      '',
      '| Factor | Notes |',
      '|---|---|',
      '| Human error | a total mess |',
      ''
    ].join('\n'),
    'doc.txt': ['Review', '', 'It was a total mess.', 'The root cause was', 'human error.', '', '- Human error again', ''].join('\n'),
    'doc.html': ['<h1>Review</h1>', '<p>It was a', '<em>total mess</em>.</p>', '<ul>', '<li>The root cause was', 'human error.</li>', '</ul>', '<p>A<br>total mess</p>', ''].join('\n')
  }

  it.each(Object.keys(documents))('keeps positions in %s with CRLF, lone CR and a byte-order mark', async (name) => {
    const text = documents[name]
    const variants = {
      lf: text,
      crlf: text.replace(/\n/g, '\r\n'),
      cr: text.replace(/\n/g, '\r'),
      bom: `\uFEFF${text.replace(/\n/g, '\r\n')}`
    }
    const cwd = project({'.blamelintrc': isolated, ...Object.fromEntries(Object.entries(variants).map(([variant, value]) => [`${variant}/${name}`, value]))})
    const {stdout, stderr} = await run(['--format', 'json', ...Object.keys(variants).map((variant) => `${variant}/${name}`)], {cwd})
    expect(stderr).toBe('')
    const [lf, ...others] = places(stdout)
    expect(lf[1].length).toBeGreaterThanOrEqual(3)
    for (const other of others) expect(other[1]).toEqual(lf[1])
  })

  it('lints empty, blank and byte-order-mark-only files cleanly', async () => {
    const cwd = project({'.blamelintrc': isolated, 'empty.md': '', 'blank.txt': ' \n\t\r\n\r', 'bom.html': '\uFEFF'})
    expect(await run(['empty.md', 'blank.txt', 'bom.html'], {cwd})).toEqual({code: 0, stdout: '', stderr: ''})
  })
})

describe('big and deep input', () => {
  // That these take linear time is measured by `pnpm bench --only linear` (the same inputs, test/pathological.mjs).
  it('lints a single 5 MB line, with the right column', {timeout: 180_000}, () => {
    const cwd = project({'.blamelintrc': isolated, 'line.md': longLine(5_000_000)})
    const {code, stdout} = spawn(['--format', 'json', 'line.md'], {cwd})
    expect(code).toBe(1)
    const column = readFileSync(join(cwd, 'line.md'), 'utf8').indexOf('human error') + 1
    expect(places(stdout)).toEqual([['line.md', [`no-human-error@1:${column}-1:${column + 11}`]]])
  })

  it('lints a 20 MB file (a log pasted in a code block), and finds what follows it', {timeout: 180_000}, () => {
    const text = pastedLog(20_000_000)
    const line = text.slice(0, text.lastIndexOf('human error')).split('\n').length
    const cwd = project({'.blamelintrc': isolated, 'big.md': text})
    const {code, stdout, stderr} = spawn(['--format', 'json', 'big.md'], {cwd})
    expect(stderr).toBe('')
    expect(code).toBe(1)
    // The log's "human error" is code, not prose.
    expect(places(stdout)).toEqual([['big.md', [`no-human-error@${line}:20-${line}:31`]]])
  })

  it.each([
    ['lists nested 10,000 deep', 'doc.md', `${'- '.repeat(10_000)}deep\n\n${blameful}`, 1],
    ['block quotes nested 10,000 deep', 'doc.md', `${'> '.repeat(10_000)}deep\n\n${blameful}`, 1],
    ['lists indented 300 levels deep', 'doc.md', `${Array.from({length: 300}, (_, depth) => `${'  '.repeat(depth)}- level`).join('\n')}\n\n${blameful}`, 101],
    ['emphasis nested 10,000 deep', 'doc.md', `${'*'.repeat(10_000)}deep${'*'.repeat(10_000)}\n\n${blameful}`, 1],
    ['HTML lists nested 10,000 deep', 'doc.html', `${'<ul><li>'.repeat(10_000)}deep${'</li></ul>'.repeat(10_000)}\n<p>${blameful}</p>\n`, 1],
    ['HTML elements nested 10,000 deep', 'doc.html', `${'<div><section><em>'.repeat(10_000)}deep\n<p>${blameful}</p>\n`, 1]
  ])('lints %s without a stack overflow, and says where it read them as text', async (_, name, text, nestingLine) => {
    const cwd = project({'.blamelintrc': isolated, [name]: text})
    const {code, stdout, stderr} = await run(['--format', 'json', name], {cwd})
    expect(stderr).toBe('')
    // The nesting warning alone does not fail the check (--max-warnings 0 would); the error after it does.
    expect(code).toBe(1)
    const [[, messages]] = places(stdout)
    const lines = text.split('\n')
    const line = lines.findIndex((value) => value.includes('human error'))
    const column = lines[line].indexOf('human error') + 1
    expect(messages).toEqual([`nesting-limit@${nestingLine}:1-${nestingLine}:1`, `no-human-error@${line + 1}:${column}-${line + 1}:${column + 11}`])
    const [file] = parseJson(stdout)
    expect(file.messages[0]).toMatchObject({severity: 'warning', message: expect.stringContaining('nested more than 100 levels deep')})
  })
})

describe('configuration that cannot be used', () => {
  it.each([
    ['.blamelintrc.yaml', 'preset: all\nrules:\n\tno-human-error: error\n', /^blamelint: \/.*\/\.blamelintrc\.yaml: 3:1: invalid YAML: /],
    ['.blamelintrc.yml', 'rules:\n  no-human-error: error\n  no-human-error: warning\n', /^blamelint: \/.*\/\.blamelintrc\.yml: 3:3: invalid YAML: Map keys must be unique/],
    ['package.json', '{"name": "x",\n "blamelint": {"preset": "all",}\n}\n', /^blamelint: \/.*\/package\.json: 2:32: invalid JSON: /],
    ['.blamelintrc', '- preset: all\n', /^blamelint: \/.*\/\.blamelintrc: configuration: expected an object$/],
    ['.blamelintrc', '{"rules": {"max-action-items": ["error", {"max": "ten"}]}}', /^blamelint: \/.*\/\.blamelintrc: rules\.max-action-items\.max: expected a number >= 1, got "ten"$/],
    ['.blamelintrc', '{"rules": {"max-action-items": ["error", {"max": 0}]}}', /rules\.max-action-items\.max: expected a number >= 1, got 0$/],
    ['.blamelintrc', '{"rules": {"no-human-error": ["error", "loud"]}}', /rules\.no-human-error: options must be an object$/],
    ['.blamelintrc', '{"people": "Dylan"}', /: people: expected a list of strings$/],
    ['.blamelintrc', '{"overrides": [{"files": "*.md", "rules": {"no-such-rule": "off"}}]}', /: overrides\[0\]\.rules\.no-such-rule: unknown rule$/],
    ['.blamelintrc', '{"rules": {"max-action-items": ["error", {"constructor": 1}]}}', /rules\.max-action-items\.constructor: unknown option/],
    ['.blamelintrc', '{"__proto__": {"preset": "none"}}', /: __proto__: unknown configuration key$/]
  ])('names the file, the line or key, and exits 2 for %s %j', async (name, content, message) => {
    const cwd = project({[name]: content, 'doc.md': blameful})
    const {code, stdout, stderr} = await run(['doc.md'], {cwd})
    expect({code, stdout}).toEqual({code: 2, stdout: ''})
    oneLine(stderr)
    expect(stderr.trimEnd()).toMatch(message)
  })

  it('exits 2 naming a --config file that does not exist', async () => {
    const {code, stderr} = await run(['--config', 'team.yaml', 'doc.md'], {cwd: project({'doc.md': clean})})
    expect(code).toBe(2)
    expect(stderr).toMatch(/^blamelint: .*team\.yaml: cannot read configuration: ENOENT\n$/)
  })
})

describe('flags that contradict each other', () => {
  it('refuses to write the report over a file it lints, however it is named', async () => {
    const cwd = project({'.blamelintrc': isolated, 'docs/a.md': blameful})
    symlinkSync('docs/a.md', join(cwd, 'report.json'))
    for (const args of [
      ['-o', 'docs/a.md', 'docs'],
      ['-o', './docs/../docs/a.md', 'docs/a.md'],
      ['-o', 'report.json', 'docs/a.md'],
      ['-o', 'docs/a.md', '--stdin-filename', 'docs/a.md', '-']
    ]) {
      const {code, stderr} = await run(args, {cwd, stdin: dramatic})
      expect(code, args.join(' ')).toBe(2)
      expect(stderr).toMatch(/--output-file names a file being linted; the report would replace it\n$/)
    }
    expect(readFileSync(join(cwd, 'docs/a.md'), 'utf8')).toBe(blameful)
  })

  it.each([
    [['--print-config', 'a.md', 'b.md'], '--print-config prints the configuration for one file and lints nothing'],
    [['--print-config', 'a.md', '--diff'], '--print-config prints the configuration for one file and lints nothing'],
    [['--stdin-filename', 'x.md', 'a.md'], '--stdin-filename is for standard input'],
    [['--diff', '-'], '--diff compares files in a git repository']
  ])('rejects %j with one line and exit 2', async (args, message) => {
    const {code, stdout, stderr} = await run(args, {cwd: project({'a.md': clean, 'b.md': clean})})
    expect({code, stdout}).toEqual({code: 2, stdout: ''})
    oneLine(stderr)
    expect(stderr).toContain(message)
  })
})

describe('nothing lost', () => {
  it('never changes, adds or removes a file where it lints, whatever the format, cache or report', async () => {
    const cwd = project({
      '.blamelintrc': isolated,
      'docs/a.md': blameful,
      'docs/b.txt': dramatic,
      'docs/c.html': `<p>${blameful}</p>`,
      'docs/d.md': '\uFEFFIt was a total mess.\r\n'
    })
    const before = () => Object.fromEntries(readdirSync(join(cwd, 'docs')).map((name) => [name, {text: readFileSync(join(cwd, 'docs', name), 'latin1'), modified: statSync(join(cwd, 'docs', name)).mtimeMs}]))
    const snapshot = before()
    for (const format of ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit', 'checkstyle']) {
      await run(['--format', format, '--cache', '--cache-location', 'cache/blamelint.json', '-o', `reports/${format}.out`, 'docs'], {cwd})
    }
    expect(before()).toEqual(snapshot)
    expect(readdirSync(join(cwd, 'reports')).sort()).toEqual(['checkstyle.out', 'github.out', 'gitlab.out', 'json.out', 'junit.out', 'sarif.out', 'stylish.out'])
  })

  it('writes --output-file as a new file renamed into place, never through the old one', async () => {
    const cwd = project({'.blamelintrc': isolated, 'a.md': blameful, 'out/report.json': 'old report'})
    // A second name for the old report: rewriting the file in place would change it too.
    linkSync(join(cwd, 'out/report.json'), join(cwd, 'old.json'))
    const inode = statSync(join(cwd, 'out/report.json')).ino
    const {code, stdout} = await run(['--format', 'json', '-o', 'out/report.json', 'a.md'], {cwd})
    expect({code, stdout}).toEqual({code: 1, stdout: ''})
    expect(readFileSync(join(cwd, 'old.json'), 'utf8')).toBe('old report')
    expect(statSync(join(cwd, 'out/report.json')).ino).not.toBe(inode)
    expect(places(readFileSync(join(cwd, 'out/report.json'), 'utf8'))).toEqual([['a.md', ['no-human-error@1:20-1:31']]])
    expect(readdirSync(join(cwd, 'out'))).toEqual(['report.json'])
  })

  it('exits 2 naming the report when it cannot be written, and leaves nothing behind', async () => {
    const cwd = project({'.blamelintrc': isolated, 'a.md': blameful, 'taken': 'a file where a directory should be'})
    const {code, stderr} = await run(['-o', 'taken/report.txt', 'a.md'], {cwd})
    expect(code).toBe(2)
    expect(stderr).toMatch(/^blamelint: .*taken\/report\.txt: cannot write report: E[A-Z]+\n$/)
    expect(readdirSync(cwd).sort()).toEqual(['.blamelintrc', 'a.md', 'taken'])
  })
})

describe('no one let in', () => {
  /** A script that, if anything ran it, would leave a file behind. */
  const payload = (marker: string) => `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')\nmodule.exports = {preset: 'none'}\n`

  it('never loads JavaScript configuration: .blamelintrc.js and friends are not configuration', async () => {
    const marker = join(tmpdir(), `blamelint-ran-${process.pid}-${Date.now()}`)
    const scripts = Object.fromEntries(['.blamelintrc.js', '.blamelintrc.cjs', '.blamelintrc.mjs', 'blamelint.config.js', '.blamelintrc.ts'].map((name) => [name, payload(marker)]))
    const cwd = project({...scripts, 'doc.md': blameful})
    const {code, stdout} = spawn(['--format', 'json', 'doc.md'], {cwd})
    // The defaults applied (the script's `preset: none` did not), and nothing ran.
    expect(code).toBe(1)
    expect(places(stdout)[0][1]).toContain('no-human-error@1:20-1:31')
    expect(existsSync(marker)).toBe(false)
    // Named explicitly, a script is read as data: not JSON, not a YAML mapping.
    const explicit = spawn(['--config', '.blamelintrc.js', 'doc.md'], {cwd})
    expect(explicit.code).toBe(2)
    expect(existsSync(marker)).toBe(false)
  })

  it('reads YAML as data: language tags do not run, aliases cannot explode', async () => {
    const marker = join(tmpdir(), `blamelint-yaml-${process.pid}-${Date.now()}`)
    const tags = [
      `people:\n  - !!js/function "function () { require('fs').writeFileSync('${marker}', 'ran') }"\n  - !!js/regexp /x/\n  - !!js/undefined ''\n  - !!python/object:os.system ["touch ${marker}"]\n`,
      `preset: !!js/function "function () { require('fs').writeFileSync('${marker}', 'ran') }"\n`
    ]
    for (const yaml of tags) {
      const {code, stderr} = spawn(['doc.md'], {cwd: project({'.blamelintrc.yaml': yaml, 'doc.md': clean})})
      expect(code).toBe(2)
      oneLine(stderr)
      expect(stderr).toMatch(/\.blamelintrc\.yaml: \d+:\d+: invalid YAML: Unresolved tag: tag:yaml\.org,2002:js\/function \(configuration is plain data/)
      expect(existsSync(marker)).toBe(false)
    }
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let level = 1; level < 10; level++) laughs.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`)
    laughs.push('people: *j')
    const bomb = await run(['doc.md'], {cwd: project({'.blamelintrc.yaml': `${laughs.join('\n')}\n`, 'doc.md': clean})})
    expect(bomb.code).toBe(2)
    oneLine(bomb.stderr)
    expect(bomb.stderr).toMatch(/^blamelint: \/.*\/\.blamelintrc\.yaml: invalid YAML: Excessive alias count/)
  })

  it('leaves Object.prototype alone whatever keys a configuration holds', async () => {
    const cwd = project({'.blamelintrc': '{"constructor": {"prototype": {"polluted": 1}}, "__proto__": {"polluted": 1}}', 'doc.md': clean})
    const {code} = await run(['doc.md'], {cwd})
    expect(code).toBe(2)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('opens no network connection, in any format, with workers and a cache', () => {
    const cwd = project({
      '.blamelintrc': JSON.stringify({preset: 'all'}),
      'docs/a.md': `${blameful}\n<https://example.com> www.example.com kim@example.com\n`,
      'docs/b.html': `<p>${dramatic} <a href="https://example.com">link</a></p>`,
      'docs/c.txt': 'Dylan should have known. See https://example.com/postmortem.\n'
    })
    // Loaded before blamelint (and in every worker thread): any way out to the network ends the process.
    const guard = join(cwd, 'no-network.cjs')
    writeFileSync(
      guard,
      `const deny = (what) => () => { require('fs').writeSync(2, 'NETWORK ' + what + '\\n'); process.exit(99) }
for (const name of ['net', 'tls', 'http', 'https', 'http2', 'dgram', 'dns']) {
  const module = require(name)
  for (const key of ['connect', 'createConnection', 'request', 'get', 'createSocket', 'lookup', 'resolve', 'resolve4', 'resolve6']) if (typeof module[key] === 'function') module[key] = deny(name + '.' + key)
}
require('net').Socket.prototype.connect = deny('net.Socket.connect')
require('dns').promises.lookup = deny('dns.promises.lookup')
globalThis.fetch = deny('fetch')
globalThis.WebSocket = deny('WebSocket')
require('module').syncBuiltinESMExports()
`
    )
    for (const format of ['stylish', 'sarif', 'gitlab', 'github']) {
      const result = spawnSync(process.execPath, ['--require', guard, bin, '--format', format, '--concurrency', '2', '--cache', '--cache-location', join(cwd, 'cache.json'), 'docs'], {cwd, encoding: 'utf8'})
      expect(result.stderr).not.toContain('NETWORK')
      expect(result.status, `${format}: ${result.stderr}`).toBe(1)
    }
    // The guard itself works: it stops a fetch.
    const probe = spawnSync(process.execPath, ['--require', guard, '-e', "fetch('https://example.com')"], {encoding: 'utf8'})
    expect({status: probe.status, stderr: probe.stderr}).toEqual({status: 99, stderr: 'NETWORK fetch\n'})
  })
})

describe('reports carry hostile text intact', () => {
  /** Quotes, markup, ampersands, percent signs, `::`, commas, colons and a newline. */
  const name = `R&D "q" <x> 'y' 50%25 a::b,c:d\nnext.md`
  const hostile = `Tom & Jerry's <b>"fault"</b> 100% ::error:: a,b:c\nsecond line`

  /** Attribute values of every element named `tag`, read by a conforming XML parser. */
  const attributes = async (xml: string, tag: string) => {
    const {SaxesParser} = await import('saxes')
    const parser = new SaxesParser()
    const found: Array<Record<string, string>> = []
    parser.on('error', (error) => {
      throw error
    })
    parser.on('opentag', (node) => {
      if (node.name === tag) found.push(node.attributes as Record<string, string>)
    })
    parser.write(xml).close()
    return found
  }

  /** A GitHub workflow command's file property and message, unescaped as the runner does. */
  const command = (line: string) => {
    const match = /^::(\w+) (.*?)::(.*)$/.exec(line)!
    const unescape = (value: string) => value.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
    const file = match[2].split(',').find((property) => property.startsWith('file='))!.slice('file='.length)
    return {file: unescape(file), message: unescape(match[3])}
  }

  it('keeps a hostile file name whole in every format', async () => {
    const cwd = project({'.blamelintrc': isolated, [name]: `${blameful}\n${dramatic}`})
    const report = async (format: string) => (await run(['--format', format, name], {cwd})).stdout
    expect(parseJson(await report('json')).map((file) => file.path)).toEqual([name])
    const sarif = JSON.parse(await report('sarif'))
    const uris = sarif.runs[0].results.map((result: {locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}) => result.locations[0].physicalLocation.artifactLocation.uri)
    expect(uris.map(decodeURIComponent)).toEqual([name, name])
    expect(JSON.parse(await report('gitlab')).map((issue: {location: {path: string}}) => issue.location.path)).toEqual([name, name])
    expect((await attributes(await report('junit'), 'testsuite')).map((suite) => suite.name)).toEqual([name])
    expect((await attributes(await report('checkstyle'), 'file')).map((file) => file.name)).toEqual([name])
    const github = (await report('github')).trimEnd().split('\n')
    expect(github.map((line) => command(line).file)).toEqual([name, name])
    const stylish = (await report('stylish')).split('\n')
    expect(stylish[0]).toBe('R&D "q" <x> \'y\' 50%25 a::b,c:d\\u000anext.md')
  })

  it('keeps hostile message text whole in SARIF, GitLab, GitHub and JSON', async () => {
    const {formatters} = await import('../src/formatters/index.js')
    const {VFile} = await import('vfile')
    const {rules} = await import('blamelint')
    const file = new VFile({path: name})
    const message = file.message(hostile, {place: {start: {line: 2, column: 3}, end: {line: 2, column: 9}}, ruleId: 'no-human-error', source: 'blamelint'})
    message.fatal = true
    message.actual = hostile
    message.expected = [hostile]
    const results = [{path: name, file}]
    const context = {cwd: '/repo', rules, version: '0.0.0', color: false}
    const sarif = JSON.parse([...formatters.sarif(results, context)].join('')).runs[0].results[0]
    expect(sarif.message.text).toBe(hostile)
    expect(sarif.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe(hostile)
    expect(JSON.parse([...formatters.gitlab(results, context)].join(''))[0].description).toBe(hostile)
    expect(JSON.parse([...formatters.json(results, context)].join(''))[0].messages[0]).toMatchObject({message: hostile, actual: hostile, expected: [hostile]})
    const github = [...formatters.github(results, context)].join('').trimEnd().split('\n')
    expect(github).toHaveLength(1)
    expect(command(github[0])).toEqual({file: name, message: hostile})
  })
})
