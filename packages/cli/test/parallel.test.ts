import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {Linter} from 'blamelint'
import {LintCache} from '../src/cache.js'
import {threadsFor} from '../src/workers.js'
import {blameful, clean, dramatic, parseJson, project, run, spawn} from './run.js'

// Whole postmortems, so that every rule has something to say.
const fixtures = ['blameful.md', 'blameless.md', 'mixed.md', 'action-items.md', 'plain.txt', 'confluence-export.html']
const fixtureFiles = Object.fromEntries(fixtures.map((name) => [`docs/${name}`, readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url))]))

describe('worker threads (--concurrency)', () => {
  it('report exactly what the main thread reports, in the same order', async () => {
    const cwd = project({...fixtureFiles, 'docs/more/one.md': blameful, 'docs/more/two.md': dramatic, 'docs/more/three.md': clean})
    const single = await run(['--format', 'json', '--concurrency', 'off', 'docs'], {cwd})
    const threaded = spawn(['--format', 'json', '--concurrency', '3', 'docs'], {cwd})
    expect(parseJson(single.stdout).flatMap((file) => file.messages)).not.toHaveLength(0)
    expect(threaded).toEqual(single)
    // The stylish report too (it reads every field of a message).
    expect(spawn(['--concurrency', '2', 'docs'], {cwd})).toEqual(await run(['--concurrency', 'off', 'docs'], {cwd}))
  })

  it('fail the way the main thread fails on a broken configuration', async () => {
    const cwd = project({'a.md': blameful, 'b.md': dramatic, 'sub/.blamelintrc': '{"rules": {"no-such-rule": "error"}}', 'sub/c.md': clean})
    const single = await run(['--concurrency', 'off', '.'], {cwd})
    expect(single.code).toBe(2)
    expect(single.stderr).toContain('no-such-rule')
    expect(await run(['--concurrency', '2', '.'], {cwd})).toEqual(single)
  })

  it('are used only when there are files and text enough to share', () => {
    const job = (size: number) => ({text: 'x'.repeat(size), filePath: '/tmp/a.md'})
    expect(threadsFor([job(10), job(10)], 'auto', 8)).toBe(0)
    expect(threadsFor([job(10_000_000)], 'auto', 8)).toBe(0)
    // `auto`: a thread per two cores, and ~100 KB of text per thread.
    const large = [job(1_000_000), job(1_000_000)]
    expect(threadsFor(large, 'auto', 2)).toBe(0)
    expect(threadsFor(large, 'auto', 3)).toBe(0)
    expect(threadsFor(large, 'auto', 4)).toBe(2)
    expect(threadsFor(large, 'auto', 9)).toBe(2)
    expect(threadsFor([job(150_000), job(150_000), job(150_000), job(150_000)], 'auto', 16)).toBe(4)
    expect(threadsFor([job(150_000), job(150_000), job(150_000), job(150_000)], 'auto', 6)).toBe(3)
    expect(threadsFor([job(10), job(10), job(10)], 2)).toBe(2)
    expect(threadsFor([job(10), job(10)], 8)).toBe(2)
    expect(threadsFor([job(10_000_000), job(10_000_000)], 'off')).toBe(0)
    expect(threadsFor([job(10_000_000), job(10_000_000)], 1)).toBe(0)
  })

  it('rejects a --concurrency that is not a number, auto or off', async () => {
    const {code, stderr} = await run(['--concurrency', 'many', 'a.md'], {cwd: project({'a.md': clean})})
    expect(code).toBe(2)
    expect(stderr).toContain('--concurrency expects')
  })
})

describe('--cache', () => {
  const isolated = JSON.stringify({preset: 'none', rules: {'no-human-error': 'error', 'no-dramatic-language': 'warning'}})
  const cacheFile = (cwd: string) => join(cwd, 'node_modules/.cache/blamelint/cache.json')
  /** Rewrite every cached message's text, so a report that shows it came from the cache. */
  const mark = (cwd: string) => {
    const text = readFileSync(cacheFile(cwd), 'utf8')
    writeFileSync(cacheFile(cwd), text.replaceAll('"reason":"', '"reason":"CACHED '))
  }
  const reasons = (stdout: string) => parseJson(stdout).flatMap((file) => file.messages.map((message) => String(message.message)))

  it('gives the same report as a run without it, and reuses it for unchanged files', async () => {
    const cwd = project({'.blamelintrc': isolated, 'a.md': blameful, 'b.md': dramatic})
    const plain = await run(['--format', 'json', '.'], {cwd})
    expect(await run(['--format', 'json', '--cache', '.'], {cwd})).toEqual(plain)
    mark(cwd)
    const second = await run(['--format', 'json', '--cache', '.'], {cwd})
    expect(second.code).toBe(plain.code)
    expect(reasons(second.stdout)).toHaveLength(2)
    expect(reasons(second.stdout).every((reason) => reason.startsWith('CACHED '))).toBe(true)
  })

  it('lints a file again when its text changes', async () => {
    const cwd = project({'.blamelintrc': isolated, 'a.md': blameful, 'b.md': dramatic})
    await run(['--cache', '.'], {cwd})
    mark(cwd)
    writeFileSync(join(cwd, 'a.md'), `${blameful}\n${dramatic}`)
    const {stdout} = await run(['--format', 'json', '--cache', '.'], {cwd})
    const [a, b] = parseJson(stdout)
    expect(a.messages.map((message) => [message.ruleId, String(message.message).startsWith('CACHED')])).toEqual([
      ['no-human-error', false],
      ['no-dramatic-language', false]
    ])
    expect(b.messages.map((message) => String(message.message).startsWith('CACHED'))).toEqual([true])
  })

  it('lints every file again when the configuration changes', async () => {
    const cwd = project({'.blamelintrc': isolated, 'a.md': blameful, 'b.md': dramatic})
    await run(['--cache', '.'], {cwd})
    mark(cwd)
    writeFileSync(join(cwd, '.blamelintrc'), JSON.stringify({preset: 'none', rules: {'no-human-error': 'warning', 'no-dramatic-language': 'warning'}}))
    const {code, stdout} = await run(['--format', 'json', '--cache', '.'], {cwd})
    expect(code).toBe(0)
    expect(reasons(stdout).some((reason) => reason.startsWith('CACHED'))).toBe(false)
    // A --rule override is configuration too.
    mark(cwd)
    const overridden = await run(['--format', 'json', '--cache', '--rule', 'no-dramatic-language=off', '.'], {cwd})
    expect(reasons(overridden.stdout)).toHaveLength(1)
    expect(reasons(overridden.stdout).some((reason) => reason.startsWith('CACHED'))).toBe(false)
  })

  it('keys each file by blamelint version, input format, configuration and text', () => {
    const linter = new Linter({config: {preset: 'recommended'}})
    const job = {text: blameful, filePath: '/tmp/a.md'}
    const key = LintCache.key(job, linter, '1.0.0')
    expect(LintCache.key({...job}, linter, '1.0.0')).toBe(key)
    expect(LintCache.key(job, linter, '1.0.1')).not.toBe(key)
    expect(LintCache.key({...job, text: dramatic}, linter, '1.0.0')).not.toBe(key)
    expect(LintCache.key({...job, format: 'text'}, linter, '1.0.0')).not.toBe(key)
    expect(LintCache.key(job, new Linter({config: {preset: 'recommended', rules: {'no-human-error': 'off'}}}), '1.0.0')).not.toBe(key)
  })

  it('writes to --cache-location and survives a corrupt cache file', async () => {
    const cwd = project({'.blamelintrc': isolated, 'a.md': blameful})
    const first = await run(['--format', 'json', '--cache', '--cache-location', 'tmp/lint.json', 'a.md'], {cwd})
    expect(JSON.parse(readFileSync(join(cwd, 'tmp/lint.json'), 'utf8'))).toHaveProperty('entries')
    writeFileSync(join(cwd, 'tmp/lint.json'), '{not json')
    expect(await run(['--format', 'json', '--cache', '--cache-location', 'tmp/lint.json', 'a.md'], {cwd})).toEqual(first)
    expect(JSON.parse(readFileSync(join(cwd, 'tmp/lint.json'), 'utf8'))).toHaveProperty('entries')
  })

  it('still reports, with a warning, when the cache cannot be written', async () => {
    const cwd = project({'.blamelintrc': isolated, 'a.md': blameful})
    const plain = await run(['--format', 'json', 'a.md'], {cwd})
    const {code, stdout, stderr} = await run(['--format', 'json', '--cache', '--cache-location', 'a.md/cache.json', 'a.md'], {cwd})
    expect({code, stdout}).toEqual({code: plain.code, stdout: plain.stdout})
    expect(stderr).toMatch(/cannot write the cache: .*; the next --cache run lints these files again\n$/)
  })

  it('combines with worker threads', async () => {
    const cwd = project(fixtureFiles)
    const plain = await run(['--format', 'json', '--concurrency', 'off', 'docs'], {cwd})
    expect(spawn(['--format', 'json', '--cache', '--concurrency', '2', 'docs'], {cwd})).toEqual(plain)
    expect(spawn(['--format', 'json', '--cache', '--concurrency', '2', 'docs'], {cwd})).toEqual(plain)
  })
})
