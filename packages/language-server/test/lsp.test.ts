// End to end over stdio: a real LSP client drives the built server.
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {Diagnostic} from 'vscode-languageserver-protocol'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {applyEdits, TestClient} from './client.js'

const fixture = new URL('fixtures/postmortem.md', import.meta.url)
/** Rules that exist for sure; others may fire too, so assertions look at these only. */
const known = new Set(['no-human-error', 'no-dramatic-language'])

/** The diagnostics of the known rules, as `code line:character-line:character`. */
const summary = (diagnostics: Diagnostic[]) =>
  diagnostics
    .filter((diagnostic) => known.has(String(diagnostic.code)))
    .map(({code, range: {start, end}}) => `${code} ${start.line}:${start.character}-${end.line}:${end.character}`)

const expected = [
  'no-dramatic-language 4:41-4:49', // after an emoji (two UTF-16 units) and CJK text
  'no-human-error 5:19-5:30',
  'no-human-error 11:28-11:39', // in a table cell, after an emoji
  'no-dramatic-language 15:21-15:32' // in a list item
]

let workspace: string
let client: TestClient

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'blamelint-lsp-'))
})

afterAll(() => rmSync(workspace, {recursive: true, force: true}))

afterEach(() => {
  if (client.process.exitCode === null) client.kill()
})

describe('blamelint-language-server over stdio', () => {
  it('lints on open, fixes, re-lints on edits and config changes, and shuts down cleanly', async () => {
    const path = join(workspace, 'review.md')
    copyFileSync(fixture, path)
    const uri = pathToFileURL(path).href
    let text = readFileSync(path, 'utf8')

    client = new TestClient()
    const init = await client.initialize()
    expect(init.capabilities.codeActionProvider).toEqual({codeActionKinds: ['quickfix']})
    await client.waitFor(() => (client.registrations.includes('workspace/didChangeWatchedFiles') ? true : undefined), 'file watcher registration')

    await client.open(uri, 'markdown', text)
    const diagnostics = await client.diagnostics(uri, 1)
    expect(summary(diagnostics)).toEqual(expected)
    const humanError = diagnostics.find((diagnostic) => diagnostic.code === 'no-human-error')!
    expect(humanError).toMatchObject({
      severity: 1,
      source: 'blamelint',
      codeDescription: {href: expect.stringMatching(/docs\/rules\/no-human-error\.md$/)}
    })
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'no-dramatic-language')!.severity).toBe(2)

    // Quick fixes for the suggestions, then the control comments.
    const actions = await client.codeActions(uri, humanError.range, [humanError])
    expect(actions.map((action) => action.title)).toEqual([
      'Replace “human error” with “a missing safeguard”',
      'Replace “human error” with “an unguarded manual step”',
      'Disable no-human-error for this line',
      'Disable no-human-error in this file'
    ])
    // The flagged line continues a paragraph: a comment line above it would split
    // the paragraph in two, so the comment goes at the end of the line.
    const disableLine = actions[2].edit!.changes![uri]
    expect(disableLine).toEqual([{range: {start: {line: 5, character: 31}, end: {line: 5, character: 31}}, newText: ' <!-- blamelint-disable-line no-human-error -->'}])
    text = applyEdits(text, disableLine)
    let version = 2
    await client.change(uri, version, disableLine)
    expect(summary(await client.diagnostics(uri, version))).toEqual(expected.filter((entry) => !entry.startsWith('no-human-error 5:')))

    // Apply the suggestion for "meltdown".
    const meltdown = (await client.diagnostics(uri, version)).find((diagnostic) => diagnostic.code === 'no-dramatic-language')!
    const [replace] = await client.codeActions(uri, meltdown.range, [meltdown])
    expect(replace.title).toBe('Replace “meltdown” with “failure”')
    text = applyEdits(text, replace.edit!.changes![uri])
    await client.change(uri, ++version, replace.edit!.changes![uri])
    expect(summary(await client.diagnostics(uri, version))).toEqual(['no-human-error 11:28-11:39', 'no-dramatic-language 15:21-15:32'])

    // Type a new sentence, one character at a time.
    const sentence = ' It was a disaster.'
    for (const [index, character] of [...sentence].entries()) {
      await client.change(uri, ++version, [{range: {start: {line: 16, character: 23 + index}, end: {line: 16, character: 23 + index}}, newText: character}])
    }
    text = applyEdits(text, [{range: {start: {line: 16, character: 23}, end: {line: 16, character: 23}}, newText: sentence}])
    expect(summary(await client.diagnostics(uri, version))).toEqual(['no-human-error 11:28-11:39', 'no-dramatic-language 15:21-15:32', 'no-dramatic-language 16:33-16:41'])

    // A config file next to the document turns a rule off.
    const rc = join(workspace, '.blamelintrc.json')
    writeFileSync(rc, JSON.stringify({rules: {'no-dramatic-language': 'off'}}))
    let count = client.published.length
    await client.filesChanged([{uri: pathToFileURL(rc).href, type: 1}])
    expect(summary((await client.next(uri, count)).diagnostics)).toEqual(['no-human-error 11:28-11:39'])

    // A broken config: one diagnostic and one message, however often it is linted; the server keeps serving.
    writeFileSync(rc, '{"rules": {')
    count = client.published.length
    await client.filesChanged([{uri: pathToFileURL(rc).href, type: 2}])
    const broken = (await client.next(uri, count)).diagnostics
    expect(broken).toEqual([expect.objectContaining({code: 'config', severity: 1, message: expect.stringMatching(/^Invalid configuration: .*\.blamelintrc\.json: 1:12: invalid JSON/)})])
    await client.change(uri, ++version, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, newText: 'x'}])
    await client.diagnostics(uri, version)
    expect(client.messages.filter((message) => message.message.includes('invalid JSON'))).toHaveLength(1)
    writeFileSync(rc, JSON.stringify({rules: {'no-human-error': 'warning'}}))
    count = client.published.length
    await client.filesChanged([{uri: pathToFileURL(rc).href, type: 2}])
    const fixed = (await client.next(uri, count)).diagnostics.filter((diagnostic) => known.has(String(diagnostic.code)))
    expect(fixed.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([
      ['no-human-error', 2],
      ['no-dramatic-language', 2],
      ['no-dramatic-language', 2]
    ])

    // Closing clears the diagnostics.
    count = client.published.length
    await client.close(uri)
    expect(await client.next(uri, count)).toEqual({uri, diagnostics: []})

    expect(await client.shutdown()).toBe(0)
    expect(client.stderr).toBe('')
  })

  it('gives exact UTF-16 ranges with CRLF line endings, in plain text and in HTML', async () => {
    client = new TestClient()
    await client.initialize()
    const markdown = readFileSync(fixture, 'utf8')
    await client.open('untitled:crlf', 'markdown', markdown.replaceAll('\n', '\r\n'))
    expect(summary(await client.diagnostics('untitled:crlf', 1))).toEqual(expected)

    await client.open('untitled:text', 'plaintext', 'Summary\r\n\r\nIt was 🔥🔥 human error,\r\nthen a meltdown.\r\n')
    expect(summary(await client.diagnostics('untitled:text', 1))).toEqual(['no-human-error 2:12-2:23', 'no-dramatic-language 3:7-3:15'])

    await client.open('untitled:html', 'html', '<h1>Review</h1>\r\n<p>日本: <b>human</b> error &amp; a\r\nmeltdown.</p>')
    expect(summary(await client.diagnostics('untitled:html', 1))).toEqual(['no-human-error 1:10-1:25', 'no-dramatic-language 2:0-2:8'])

    // Other languages are left alone.
    await client.open('untitled:code', 'typescript', '// human error')
    await client.open('untitled:last', 'markdown', 'A meltdown.')
    await client.diagnostics('untitled:last', 1)
    expect(client.published.some((params) => params.uri === 'untitled:code')).toBe(false)
    expect(await client.shutdown()).toBe(0)
  })

  it('debounces rapid edits and survives documents closed while a lint is pending', async () => {
    client = new TestClient()
    await client.initialize({debounce: 1000})
    const uri = 'untitled:rapid'
    const type = async (from: number, to: number) => {
      for (let version = from; version <= to; version++) {
        await client.change(uri, version, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, newText: version % 2 ? 'Human error. ' : 'A meltdown. '}])
      }
    }
    await client.open(uri, 'markdown', 'Start.')
    await client.diagnostics(uri, 1)
    await type(2, 21)
    expect(summary(await client.diagnostics(uri, 21))).toHaveLength(20)
    // Linted on open, then once after the pause.
    expect(client.published.filter((params) => params.uri === uri).map((params) => params.version)).toEqual([1, 21])

    // Closed before the debounced lint runs: the diagnostics are cleared and stay so.
    await type(22, 30)
    await client.close(uri)
    await client.open('untitled:after', 'markdown', 'A meltdown.')
    expect(summary(await client.diagnostics('untitled:after', 1))).toEqual(['no-dramatic-language 0:2-0:10'])
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(client.published.filter((params) => params.uri === uri).at(-1)).toEqual({uri, diagnostics: []})
    expect(await client.shutdown()).toBe(0)
  })

  it('ties edits to the document version and ignores diagnostics it no longer has', async () => {
    client = new TestClient()
    await client.initialize({debounce: 1000}, {workspaceEdit: {documentChanges: true}})
    const uri = 'untitled:versions'
    await client.open(uri, 'markdown', 'Intro.\n\nIt was human error.\n')
    const [diagnostic] = (await client.diagnostics(uri, 1)).filter((candidate) => candidate.code === 'no-human-error')
    const [replace] = await client.codeActions(uri, diagnostic.range, [diagnostic])
    expect(replace.edit).toEqual({
      documentChanges: [{textDocument: {uri, version: 1}, edits: [{range: diagnostic.range, newText: 'a missing safeguard'}]}]
    })
    // The text changes and the client asks with the diagnostic it still shows:
    // the pending lint runs first, and a diagnostic no longer there gets no action.
    await client.change(uri, 2, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, newText: 'New first line.\n'}])
    expect(await client.codeActions(uri, diagnostic.range, [diagnostic])).toEqual([])
    expect(summary(await client.diagnostics(uri, 2))).toEqual(['no-human-error 3:7-3:18'])
    expect(await client.shutdown()).toBe(0)
  })

  it('starts from the repository root with `pnpm --silent blamelint-language-server --stdio`', async () => {
    // The pnpm running the tests (CI may start it with npx), else the one on PATH.
    const execpath = process.env.npm_execpath ?? ''
    const [command, ...args] = /pnpm\.[cm]?js$/.test(execpath) ? [process.execPath, execpath] : ['pnpm']
    client = new TestClient(command, [...args, '--silent', 'blamelint-language-server', '--stdio'], fileURLToPath(new URL('../../..', import.meta.url)))
    const init = await client.initialize()
    expect(init.serverInfo?.name).toBe('blamelint-language-server')
    expect(await client.shutdown()).toBe(0)
  })
})
