// blamelint's lint time for one document in-process: modules and compromise
// are loaded first (by linting a fixture), so the time is the work that grows
// with the input. Prints {ms, cpuMs} as JSON.
import {readFileSync} from 'node:fs'
import {Linter} from '../packages/blamelint/dist/index.js'

const file = process.argv[2]
const text = readFileSync(file, 'utf8')
const warmUp = new URL('../fixtures/blameful.md', import.meta.url)
new Linter().lint(readFileSync(warmUp, 'utf8'), {filePath: warmUp.pathname})
const linter = new Linter()
const cpu = process.cpuUsage()
const started = performance.now()
linter.lint(text, {filePath: file})
const ms = performance.now() - started
const used = process.cpuUsage(cpu)
console.log(JSON.stringify({ms, cpuMs: (used.user + used.system) / 1000}))
