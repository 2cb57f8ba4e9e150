// The extension builds into a .vsix without network access, and the language
// server inside it runs on its own.
import {execFileSync, spawnSync} from 'node:child_process'
import {builtinModules} from 'node:module'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import yauzl from 'yauzl'
import {TestClient} from '../../language-server/test/client.js'

const script = fileURLToPath(new URL('../scripts/package.mjs', import.meta.url))
const directory = mkdtempSync(join(tmpdir(), 'blamelint-vsix-'))
afterAll(() => rmSync(directory, {recursive: true, force: true}))

/** A command prefix that cuts the network off, when the system allows it. */
function offline(): string[] {
  for (const prefix of [['unshare', '-n'], ['unshare', '-rn']]) {
    if (spawnSync(prefix[0], [...prefix.slice(1), 'true']).status === 0) return prefix
  }
  return []
}

/** Every file of a zip archive, by name. */
function unzip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, Buffer>()
    yauzl.open(path, {lazyEntries: true}, (error, zip) => {
      if (error) return reject(error)
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError)
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks))
            zip.readEntry()
          })
        })
      })
      zip.on('end', () => resolve(files))
      zip.readEntry()
    })
  })
}

describe('the VS Code extension', () => {
  it('packs into a .vsix offline, with a working language server inside', {timeout: 180_000}, async () => {
    const vsix = join(directory, 'blamelint.vsix')
    const [command, ...prefix] = [...offline(), process.execPath]
    const env = {...process.env, HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9'}
    execFileSync(command, [...prefix, script, '--out', vsix], {env, stdio: 'pipe'})

    const files = await unzip(vsix)
    const manifest = JSON.parse(files.get('extension/package.json')!.toString()) as {main: string; activationEvents: string[]}
    expect(manifest.activationEvents).toEqual(['onLanguage:markdown', 'onLanguage:plaintext', 'onLanguage:html'])
    // The client is one bundle that needs nothing but VS Code and Node.
    const client = files.get(`extension/${manifest.main.replace(/^\.\//, '')}`)!.toString()
    const required = new Set([...client.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]))
    expect([...required].filter((name) => name !== 'vscode' && !builtinModules.includes(name.replace(/^node:/, '')))).toEqual([])
    expect(required).toContain('vscode')
    // Nothing the server does not need (test tools, native binaries) is packed.
    const packed = [...files.keys()]
    expect(packed.filter((name) => /node_modules\/(vitest|@microsoft|typescript|esbuild)\//.test(name))).toEqual([])

    // Start the packed server and lint a document with it.
    for (const [name, content] of files) {
      if (!name.startsWith('extension/server/')) continue
      const target = join(directory, name)
      mkdirSync(dirname(target), {recursive: true})
      writeFileSync(target, content)
    }
    const server = new TestClient(process.execPath, [join(directory, 'extension/server/dist/bin.js'), '--stdio'], directory)
    try {
      await server.initialize()
      await server.open('untitled:review', 'markdown', '# Review\n\nThe outage was caused by human error.\n')
      const diagnostics = await server.diagnostics('untitled:review', 1)
      expect(diagnostics.filter((diagnostic) => diagnostic.code === 'no-human-error').map((diagnostic) => diagnostic.range)).toEqual([
        {start: {line: 2, character: 25}, end: {line: 2, character: 36}}
      ])
      expect(await server.shutdown()).toBe(0)
    } finally {
      if (server.process.exitCode === null) server.kill()
    }
    expect(readFileSync(join(directory, 'extension/server/package.json'), 'utf8')).toContain('"@blamelint/language-server"')
  })
})
