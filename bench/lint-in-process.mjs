// blamelint's lint time for one document in-process: modules are loaded, and
// the compiler warmed up, by first linting other documents of up to the same
// size (100,000 words in all, or 80 documents) whose every sentence differs
// from the timed document's, so that the caches blamelint keeps for the
// editor hold none of its answers. The time is the work that grows with the
// input. (After only 30,000 words of warm-up, a 10 KB document took up to
// twice as long per word as a 1 MB one, with the compiler still optimising
// in the background. Collecting the warm-up's garbage before the timed lint
// made it slower still: the collector then sweeps during the timed lint.)
// Then it pauses, so that background work left by the warm-up is not counted.
// Prints {ms, cpuMs} as JSON.
//
//   node lint-in-process.mjs <file> <warm-up words>
import {readFileSync} from 'node:fs'
import {Linter} from '../packages/blamelint/dist/index.js'
import {postmortem} from './generate.mjs'

const [file, warmUpWords] = process.argv.slice(2)
const text = readFileSync(file, 'utf8')
const size = Math.min(Number(warmUpWords ?? 0), 30_000)
for (let done = 0, seed = 100; done < 100_000 && seed < 180; done += size, seed++) new Linter().lint(postmortem({words: size, seed, everySentence: true}), {filePath: 'warm-up.md'})
// The warm-up leaves the compiler and the collector work to finish on their
// background threads, and CPU time is the whole process's: without a pause,
// the 10 KB document's lint (~40 ms) took 1.6–1.8 times its wall time in
// CPU time, and after one about 1.35 times.
await new Promise((resolve) => setTimeout(resolve, 300))
const linter = new Linter()
const cpu = process.cpuUsage()
const started = performance.now()
linter.lint(text, {filePath: file})
const ms = performance.now() - started
const used = process.cpuUsage(cpu)
console.log(JSON.stringify({ms, cpuMs: (used.user + used.system) / 1000}))
