import {spawn as spawnProcess, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {currentSnapshot, optionsAllowSnapshot, snapshotArguments, snapshotDirectory, type SnapshotMeta} from '../src/snapshot.js'
import {bin, blameful, clean, project} from './run.js'

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
const snapshotModule = fileURLToPath(new URL('../dist/snapshot.js', import.meta.url))

/** Run the built command, through the snapshot or (`BLAMELINT_NO_SNAPSHOT`) from the modules. */
function runBin(args: string[], options: {cwd: string; input?: string; snapshot: boolean; env?: NodeJS.ProcessEnv}) {
  const env = {...process.env, ...options.env, BLAMELINT_NO_SNAPSHOT: options.snapshot ? '' : '1'}
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: options.cwd, input: options.input, encoding: 'utf8', env})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('the startup snapshot', () => {
  it('is built and current after `pnpm build`, for a command started as the tests start it', () => {
    const script = join(project({}), 'probe.mjs')
    writeFileSync(script, `import {snapshotToStart} from ${JSON.stringify(snapshotModule)}; console.log(snapshotToStart() ?? 'none')`)
    const probe = spawnSync(process.execPath, [script], {encoding: 'utf8'})
    expect(probe.stdout.trim()).toBe(join(snapshotDirectory, 'blamelint.blob'))
  })

  it('stays small: its size is start-up time', () => {
    // ~13 MB. Loading the English word list while it is built (an unknown
    // acronym in the documents snapshot-entry.ts lints) adds 14.
    expect(statSync(join(snapshotDirectory, 'blamelint.blob')).size).toBeLessThan(16e6)
  })

  it('gives the same results as starting from the modules', () => {
    for (const name of ['blameful.md', 'mixed.md', 'confluence-export.html', 'plain.txt']) {
      const args = ['--format', 'json', name]
      const fromSnapshot = runBin(args, {cwd: fixtures, snapshot: true})
      const fromModules = runBin(args, {cwd: fixtures, snapshot: false})
      expect(fromSnapshot.stderr).toBe('')
      expect(JSON.parse(fromSnapshot.stdout)[0].messages.length).toBeGreaterThan(0)
      expect(fromSnapshot).toEqual(fromModules)
    }
  })

  it('passes arguments that look like Node.js options, standard input and every exit code through', () => {
    const cwd = project({'clean.md': clean})
    expect(runBin(['--version'], {cwd, snapshot: true}).stdout).toBe(runBin(['--version'], {cwd, snapshot: false}).stdout)
    expect(runBin(['clean.md'], {cwd, snapshot: true})).toMatchObject({code: 0, stdout: ''})
    const piped = runBin(['--format', 'json', '--stdin-filename', 'draft.md', '-'], {cwd, input: blameful, snapshot: true})
    expect(piped.code).toBe(1)
    expect(JSON.parse(piped.stdout)[0].messages.map((message: {ruleId: string}) => message.ruleId)).toContain('no-human-error')
    expect(runBin(['missing.md'], {cwd, snapshot: true})).toMatchObject({code: 2, stdout: ''})
    expect(runBin(['--no-such-option'], {cwd, snapshot: true}).code).toBe(2)
  })

  it('starts its child with the background threads of V8 sized to the cores, keeping the stack trace limit of Node.js', () => {
    const cwd = project({'clean.md': clean})
    // A preload (allowed with the snapshot) records each process's stack trace limit and Node.js options.
    const probe = join(cwd, 'probe.cjs')
    writeFileSync(probe, `process.on('exit', () => require('fs').appendFileSync(${JSON.stringify(join(cwd, 'argv.jsonl'))}, JSON.stringify([Error.stackTraceLimit, ...process.execArgv]) + '\\n'))`)
    expect(runBin(['clean.md'], {cwd, snapshot: true, env: {NODE_OPTIONS: `--require ${probe}`}}).code).toBe(0)
    const options = readFileSync(join(cwd, 'argv.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Array<string | number>)
    // Node.js's own stack trace limit (10) in both, not one left behind by the lint that warmed the snapshot up.
    const child = [10, '--v8-pool-size=0', '--snapshot-blob', join(snapshotDirectory, 'blamelint.blob')]
    expect(options.sort((a, b) => a.length - b.length)).toEqual([[10], child])
    expect(snapshotArguments('x.blob', ['--format', 'json'])).toEqual(['--v8-pool-size=0', '--snapshot-blob', 'x.blob', '--', '--format', 'json'])
  })

  it('ends the way its child ends when the command is stopped', async () => {
    // Waiting for standard input that never ends, until SIGTERM.
    const child = spawnProcess(process.execPath, [bin, '-'], {stdio: ['pipe', 'pipe', 'pipe']})
    await new Promise((resolve) => setTimeout(resolve, 1500))
    child.kill('SIGTERM')
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (...status) => resolve(status)))
    expect({code, signal}).toEqual({code: null, signal: 'SIGTERM'})
  })
})

describe('whether a snapshot can be used', () => {
  it('allows preloads but no option that sets V8 flags', () => {
    expect(optionsAllowSnapshot([], '')).toBe(true)
    expect(optionsAllowSnapshot([], '--require /tmp/a.cjs -r /tmp/b.cjs --import=/tmp/c.mjs')).toBe(true)
    expect(optionsAllowSnapshot([], '--max-old-space-size=8192')).toBe(false)
    expect(optionsAllowSnapshot([], '--require /tmp/a.cjs --stack-size=2000')).toBe(false)
    expect(optionsAllowSnapshot([], '--require')).toBe(false)
    expect(optionsAllowSnapshot([], '--require "/tmp/with space.cjs"')).toBe(false)
    expect(optionsAllowSnapshot(['--max-old-space-size=8192'], '')).toBe(false)
  })

  it('uses the snapshot only while nothing it was built from has changed, and only with its own Node.js', () => {
    const directory = `${mkdtempSync(join(tmpdir(), 'blamelint-snapshot-'))}/`
    const input = join(directory, 'input.js')
    writeFileSync(input, '')
    writeFileSync(join(directory, 'blamelint.blob'), '')
    const builtAt = Date.now() + 60_000
    const write = (meta: Partial<SnapshotMeta>) => writeFileSync(join(directory, 'meta.json'), JSON.stringify({node: process.version, arch: process.arch, builtAt, inputs: [input], ...meta}))
    const at = (file: string, time: number) => utimesSync(file, time / 1000, time / 1000)
    at(input, builtAt - 1000)
    at(join(directory, 'blamelint.blob'), builtAt + 1000)
    write({})
    expect(currentSnapshot(directory)).toBe(join(directory, 'blamelint.blob'))

    at(input, builtAt + 1000)
    expect(currentSnapshot(directory)).toBeUndefined()
    at(input, builtAt - 1000)

    write({node: 'v0.0.0'})
    expect(currentSnapshot(directory)).toBeUndefined()
    write({inputs: [join(directory, 'gone.js')]})
    expect(currentSnapshot(directory)).toBeUndefined()
    mkdirSync(join(directory, 'empty'))
    expect(currentSnapshot(join(directory, 'empty/'))).toBeUndefined()
  })
})
