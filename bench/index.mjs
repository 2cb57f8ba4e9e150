#!/usr/bin/env node
// `pnpm bench`: blamelint beside alex and write-good on the same inputs, in
// one run, as whole processes (wall time, CPU time and peak memory; the
// median of several runs, the tools taking turns run by run so that a busy
// moment on the machine hits all of them), then ratios against the targets
// of docs/performance.md.
//
//   pnpm bench [--runs 5] [--only cold,large,folder,growth,editor,linear] [--quick]
//
// --quick: fewer runs, and no 10 MB document.
import {spawn} from 'node:child_process'
import {mkdirSync, readFileSync, rmSync, writeFileSync, existsSync} from 'node:fs'
import os from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {countWords, postmortem} from './generate.mjs'

const {values} = parseArgs({options: {runs: {type: 'string'}, only: {type: 'string'}, quick: {type: 'boolean', default: false}}})
const quick = values.quick
const runs = Number(values.runs ?? (quick ? 3 : 7))
const only = values.only ? new Set(values.only.split(',')) : undefined

const bench = fileURLToPath(new URL('./', import.meta.url))
const root = fileURLToPath(new URL('../', import.meta.url))
const inputs = join(bench, '.inputs')
const fixture = (name) => join(root, 'fixtures', name)

/** A tool's `bin` script, run with this Node. */
function binOf(name) {
  const manifest = JSON.parse(readFileSync(join(bench, 'node_modules', name, 'package.json'), 'utf8'))
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name]
  return join(bench, 'node_modules', name, bin)
}

const blamelintBin = join(root, 'packages/cli/dist/bin.js')
if (!existsSync(blamelintBin)) throw new Error('blamelint is not built: run `pnpm build` (or use `pnpm bench`, which builds)')

/** Exit codes that mean "ran to the end" (write-good exits with its number of suggestions). */
const tools = {
  blamelint: {bin: blamelintBin, ok: (code) => code === 0 || code === 1},
  alex: {bin: binOf('alex'), ok: (code) => code === 0 || code === 1},
  'write-good': {bin: binOf('write-good'), ok: () => true}
}

const rusageFile = join(os.tmpdir(), `blamelint-bench-${process.pid}.json`)
const preload = join(bench, 'rusage.cjs')

/**
 * Run a tool once as a whole process: wall time, CPU time of all its threads,
 * peak RSS. A tool that starts a child process is charged for both: their CPU
 * times and (as both are alive together) their peak memories added up.
 */
function measure(tool, args, options = {}) {
  const {bin, ok} = tools[tool]
  rmSync(rusageFile, {force: true})
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {...process.env, NODE_OPTIONS: `--require ${preload}`, BENCH_RUSAGE: rusageFile, FORCE_COLOR: '0'}
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const wallMs = performance.now() - started
      if (!ok(code)) return reject(new Error(`${tool} ${args.join(' ')} exited with ${code}: ${stderr.slice(0, 500)}`))
      const processes = readFileSync(rusageFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line))
      const total = (key) => processes.reduce((sum, usage) => sum + usage[key], 0)
      resolve({wallMs, cpuMs: total('cpuMs'), maxRssMb: total('maxRssMb')})
    })
  })
}

/** Run a Node script (a path) and resolve to what it printed on stdout. */
function runScript(script, args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {cwd: root, stdio: ['ignore', 'pipe', 'inherit']})
    let stdout = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${script} exited with ${code}`))))
  })
}

/** Run a Node script of this folder that prints {ms, cpuMs}. */
async function inProcess(script, args) {
  const {ms, cpuMs} = JSON.parse(await runScript(join(bench, script), args))
  return {wallMs: ms, cpuMs}
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** `count` runs of each named command, taking turns; medians per command. */
async function compare(commands, count) {
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]))
  for (let run = 0; run < count; run++) {
    for (const [name, command] of Object.entries(commands)) {
      await command.before?.()
      samples[name].push(await command.run())
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [
      name,
      {wallMs: median(list.map((one) => one.wallMs)), cpuMs: median(list.map((one) => one.cpuMs)), maxRssMb: Math.max(...list.map((one) => one.maxRssMb ?? 0)), runs: list.length}
    ])
  )
}

const seconds = (ms) => (ms >= 100 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`)

function table(results) {
  const width = Math.max(...Object.keys(results).map((name) => name.length))
  for (const [name, result] of Object.entries(results)) {
    const memory = result.maxRssMb ? `${result.maxRssMb.toFixed(0).padStart(5)} MB peak` : ''
    console.log(`  ${name.padEnd(width)}  ${seconds(result.wallMs).padStart(9)} wall  ${seconds(result.cpuMs).padStart(9)} cpu  ${memory}`)
  }
}

const verdicts = []
/** Print a ratio and whether it meets its target (`at most` or `at least`). */
function ratio(label, value, target) {
  const met = target === undefined ? undefined : target.atMost !== undefined ? value <= target.atMost : value >= target.atLeast
  const goal = target === undefined ? '' : target.atMost !== undefined ? ` (target <= ${target.atMost})` : ` (target >= ${target.atLeast})`
  const mark = met === undefined ? '' : met ? '  met' : '  MISSED'
  console.log(`  ${label}: ${value.toFixed(2)}${goal}${mark}`)
  if (met !== undefined) verdicts.push({label, value, goal, met})
}

function section(key, title) {
  if (only && !only.has(key)) return false
  console.log(`\n${title}`)
  return true
}

// ---------------------------------------------------------------------------

mkdirSync(inputs, {recursive: true})
const cores = os.availableParallelism()
const load = () => os.loadavg()[0].toFixed(2)
console.log('blamelint benchmark')
console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`)
console.log(`Load average at start: ${load()} (other work on the machine slows every tool; compare ratios within one run)`)
console.log(`Each figure is the median of ${runs} runs unless noted; the tools take turns run by run.`)

if (section('cold', `1. Cold start, one page: fixtures/blameful.md (${countWords(readFileSync(fixture('blameful.md'), 'utf8'))} words)`)) {
  const page = fixture('blameful.md')
  const results = await compare(
    {
      blamelint: {run: () => measure('blamelint', [page])},
      alex: {run: () => measure('alex', [page])},
      'write-good': {run: () => measure('write-good', [page])},
      'blamelint, a page that needs no NLP (blameless.md)': {run: () => measure('blamelint', [fixture('blameless.md')])}
    },
    Math.max(runs, 5) * 2
  )
  table(results)
  ratio('blamelint / alex, wall', results.blamelint.wallMs / results.alex.wallMs, {atMost: 0.5})
  ratio('blamelint / write-good, wall', results.blamelint.wallMs / results['write-good'].wallMs)
}

if (section('large', '2. One large document (~150,000 words, generated from the fixtures)')) {
  const file = join(inputs, 'large.md')
  const text = postmortem({words: 150_000, seed: 7})
  writeFileSync(file, text)
  console.log(`  ${countWords(text)} words, ${(text.length / 1e6).toFixed(2)} MB`)
  const count = Math.min(runs, quick ? 1 : 3)
  const results = await compare(
    {
      blamelint: {run: () => measure('blamelint', [file])},
      alex: {run: () => measure('alex', [file])},
      'write-good': {run: () => measure('write-good', [file])},
      'parse floor (remark-parse + remark-retext, in-process)': {run: () => inProcess('floor.mjs', [file])},
      'blamelint lint, in-process': {run: () => inProcess('lint-in-process.mjs', [file, '30000'])}
    },
    count
  )
  table(results)
  const floor = results['parse floor (remark-parse + remark-retext, in-process)'].wallMs
  ratio('blamelint (whole process) / parse floor', results.blamelint.wallMs / floor, {atMost: 1.5})
  ratio('blamelint lint (in-process) / parse floor', results['blamelint lint, in-process'].wallMs / floor)
  ratio('blamelint / write-good, wall', results.blamelint.wallMs / results['write-good'].wallMs, {atMost: 1})
  ratio('blamelint / alex, wall', results.blamelint.wallMs / results.alex.wallMs)
}

if (section('folder', '3. A folder of 1,000 postmortems')) {
  const folder = join(inputs, 'folder')
  rmSync(folder, {recursive: true, force: true})
  mkdirSync(folder)
  let words = 0
  const files = []
  for (let index = 1; index <= 1000; index++) {
    const text = postmortem({sections: 6, seed: 1000 + index})
    words += countWords(text)
    const path = join(folder, `postmortem-${String(index).padStart(4, '0')}.md`)
    writeFileSync(path, text)
    files.push(path)
  }
  console.log(`  1,000 files, ${words} words; ${cores} cores`)
  const cache = join(inputs, 'cache.json')
  const count = Math.min(runs, quick ? 1 : 3)
  // The speed-up of worker threads is measured with a thread per core; `auto` takes one per two cores.
  const threadPerCore = `blamelint, a thread per core (--concurrency ${cores})`
  const results = await compare(
    {
      'blamelint, one thread (--concurrency 1)': {run: () => measure('blamelint', ['--concurrency', '1', folder])},
      [threadPerCore]: {run: () => measure('blamelint', ['--concurrency', String(cores), folder])},
      'blamelint (default: --concurrency auto)': {run: () => measure('blamelint', [folder])},
      'blamelint --cache, first run': {before: () => rmSync(cache, {force: true}), run: () => measure('blamelint', ['--cache', '--cache-location', cache, folder])},
      'blamelint --cache, unchanged second run': {run: () => measure('blamelint', ['--cache', '--cache-location', cache, folder])},
      alex: {run: () => measure('alex', [folder])},
      'write-good': {run: () => measure('write-good', files)}
    },
    count
  )
  table(results)
  ratio('one thread / a thread per core (speed-up)', results['blamelint, one thread (--concurrency 1)'].wallMs / results[threadPerCore].wallMs, cores >= 2 ? {atLeast: 1.6} : undefined)
  ratio('--cache unchanged second run / first run', results['blamelint --cache, unchanged second run'].wallMs / results['blamelint --cache, first run'].wallMs, {atMost: 0.1})
  ratio('blamelint / alex, wall', results['blamelint (default: --concurrency auto)'].wallMs / results.alex.wallMs)
  ratio('blamelint / write-good, wall', results['blamelint (default: --concurrency auto)'].wallMs / results['write-good'].wallMs)
}

if (section('growth', '4. Growth with input size: one document of 10 KB to 10 MB')) {
  const sizes = quick ? [1e4, 1e5, 1e6] : [1e4, 1e5, 1e6, 1e7]
  const perWord = []
  for (const bytes of sizes) {
    let words = Math.round(bytes / 6.5)
    let text = postmortem({words, seed: 11})
    while (Buffer.byteLength(text) < bytes) text = postmortem({words: (words = Math.ceil(words * 1.02)), seed: 11})
    const file = join(inputs, `size-${bytes}.md`)
    writeFileSync(file, text)
    // A small document lints in well under a second, where one garbage collection
    // or compiler pass is a large share: all the runs. Large ones: fewer.
    const count = bytes >= 1e7 ? 1 : bytes >= 1e6 ? Math.min(runs, 3) : runs
    const results = await compare(
      {
        'in-process lint': {run: () => inProcess('lint-in-process.mjs', [file, String(words)])},
        'whole process': {run: () => measure('blamelint', [file])}
      },
      count
    )
    const n = countWords(text)
    const inside = results['in-process lint']
    const micros = (inside.wallMs * 1000) / n
    const cpuMicros = (inside.cpuMs * 1000) / n
    perWord.push({bytes, micros, cpuMicros, rss: results['whole process'].maxRssMb})
    console.log(
      `  ${(bytes >= 1e6 ? `${bytes / 1e6} MB` : `${bytes / 1e3} KB`).padStart(6)}  ${String(n).padStart(8)} words  in-process ${micros.toFixed(1).padStart(6)} µs/word wall, ${cpuMicros.toFixed(1).padStart(6)} µs/word cpu (${seconds(inside.wallMs)})  whole process ${seconds(results['whole process'].wallMs)}, ${results['whole process'].maxRssMb.toFixed(0)} MB peak${count === 1 ? '  (1 run)' : ''}`
    )
  }
  for (const [name, key] of [['wall', 'micros'], ['cpu', 'cpuMicros']]) {
    const middle = median(perWord.map((one) => one[key]))
    ratio(`slowest µs/word (${name}) / median`, Math.max(...perWord.map((one) => one[key])) / middle, {atMost: 1.3})
    ratio(`fastest µs/word (${name}) / median`, Math.min(...perWord.map((one) => one[key])) / middle, {atLeast: 0.7})
  }
  const largest = perWord[perWord.length - 1]
  if (largest.bytes >= 1e7) ratio('peak memory on 10 MB, MB / 400', largest.rss / 400, {atMost: 1})
}

if (section('editor', '5. Language server: re-lint after a one-character edit in a 5,000-word document')) {
  const script = join(root, 'packages/language-server/bench/relint.mjs')
  if (existsSync(script)) {
    const output = await runScript(script, ['--words', '5000', '--edits', quick ? '50' : '200'])
    console.log(output.replace(/^/gm, '  ').trimEnd())
    const found = /median ([\d.]+) ms/.exec(output)
    if (found) ratio('median re-lint, ms / 50', Number(found[1]) / 50, {atMost: 1})
  } else {
    console.log('  (packages/language-server/bench/relint.mjs not found: skipped)')
  }
}

if (section('linear', '6. Linear time on pathological input (test/pathological.mjs), in-process')) {
  const output = await runScript(join(bench, 'linear-time.mjs'))
  const lines = output.trimEnd().split('\n')
  console.log(lines.slice(0, -1).join('\n'))
  const {worst} = JSON.parse(lines[lines.length - 1])
  ratio('slowest case, time at 8× the size / (20 × time at 1× + 30 ms)', worst, {atMost: 1})
}

console.log(`\nLoad average at the end: ${load()}`)
if (verdicts.length > 0) {
  console.log('\nTargets')
  for (const {label, value, goal, met} of verdicts) console.log(`  ${met ? 'met   ' : 'MISSED'}  ${label}: ${value.toFixed(2)}${goal}`)
}
rmSync(rusageFile, {force: true})
