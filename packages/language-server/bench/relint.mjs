#!/usr/bin/env node
// How long the language server takes to re-lint a 5,000-word postmortem
// after a one-character edit: the work it does on every (debounced) change,
// from the edited text to the diagnostics it publishes.
//
//     pnpm build && pnpm bench:relint [--words 5000] [--edits 200]
//
// Wall time is what an editor waits for; CPU time is printed beside it
// because on a busy machine the wall time also counts other processes.
import {parseArgs} from 'node:util'
import {Linter} from 'blamelint'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {lintDocument} from '../dist/index.js'

const {values} = parseArgs({options: {words: {type: 'string', default: '5000'}, edits: {type: 'string', default: '200'}}})
const targetWords = Number(values.words)
const edits = Number(values.edits)

/** A deterministic pseudo-random sequence. */
let state = 7
const next = (below) => {
  state = (state * 1103515245 + 12345) & 0x7fffffff
  return state % below
}
const pick = (list) => list[next(list.length)]

const subjects = ['the deploy job', 'the on-call engineer', 'the load balancer', 'our canary', 'the database primary', 'the billing service', 'the incident commander', 'a config change', 'the cache layer', 'the storage team', 'the alert', 'the rollback script', 'Priya', 'the runbook', 'the release train', 'the queue consumer']
const verbs = ['restarted', 'paged', 'rolled back', 'timed out on', 'retried', 'reported', 'throttled', 'drained', 'promoted', 'flagged', 'rebuilt', 'noticed', 'escalated to', 'replayed', 'scaled', 'validated']
const objects = ['the stale replica', 'checkout traffic', 'the payment queue', 'twelve percent of requests', 'the eu-west region', 'the feature flag', 'the migration', 'the dashboard', 'the standby cluster', 'the DNS record', 'the connection pool', 'the batch import', 'the error budget', 'the status page', 'the TLS certificate', 'the retry storm']
const tails = ['at 10:02 UTC', 'within four minutes', 'after the second page', 'before the backfill finished', 'while the queue drained', 'once the alert fired', 'during the change window', 'as the runbook described', 'without a confirmation step', 'because the check was missing', 'after latency rose to 900 ms', 'on the first retry']
const blame = ['It was human error.', 'The rollback was a disaster.', 'Needless to say, it failed.', 'The whole night was a nightmare.']

function sentence() {
  if (next(25) === 0) return pick(blame)
  const text = `${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(tails)}`
  return `${text[0].toUpperCase()}${text.slice(1)}.`
}

function paragraph(sentences) {
  return Array.from({length: sentences}, sentence).join(' ')
}

/** A postmortem of about `words` words: headings, paragraphs, a timeline table, lists and action items. */
function postmortem(words) {
  const parts = ['---', 'title: Checkout incident review', '---', '', '# Checkout incident review', '']
  let count = 0
  let section = 0
  const add = (text) => {
    parts.push(text, '')
    count += text.split(/\s+/).length
  }
  while (count < words) {
    add(`## Part ${++section}: ${pick(objects)}`)
    add(paragraph(3 + next(4)))
    add(paragraph(2 + next(3)))
    add(['| Time | Event |', '|---|---|', ...Array.from({length: 4}, (_, index) => `| 10:${String(10 * index).padStart(2, '0')} | ${sentence()} |`)].join('\n'))
    add(Array.from({length: 4}, () => `- ${sentence()}`).join('\n'))
    add(`> ${paragraph(2)}`)
    add(['### Action items', '', ...Array.from({length: 3}, () => `- [ ] ${pick(subjects)} owns: ${sentence()}`)].join('\n'))
  }
  return parts.join('\n')
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
const percentile = (list, p) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(list.length * p))]

const linter = new Linter({config: {preset: 'all'}})
const uri = 'file:///bench/postmortem.md'
const text = postmortem(targetWords)
let document = TextDocument.create(uri, 'markdown', 1, text)

let started = performance.now()
const first = lintDocument(linter, document, 'markdown')
const cold = performance.now() - started

const wall = []
const cpu = []
for (let edit = 0; edit < edits; edit++) {
  // Type one character inside a word somewhere in the document.
  const source = document.getText()
  let offset = next(source.length)
  while (!/[a-z]/.test(source[offset] ?? '')) offset = (offset + 1) % source.length
  document = TextDocument.update(document, [{range: {start: document.positionAt(offset), end: document.positionAt(offset)}, text: 'e'}], document.version + 1)
  const cpuStart = process.cpuUsage()
  started = performance.now()
  lintDocument(linter, document, 'markdown')
  wall.push(performance.now() - started)
  const used = process.cpuUsage(cpuStart)
  cpu.push((used.user + used.system) / 1000)
}

const words = text.split(/\s+/).filter(Boolean).length
const ms = (value) => `${value.toFixed(1)} ms`
console.log(`Re-lint after a one-character edit: ${words} words, ${linter.rules.length} rules (preset all), ${first.length} diagnostics, ${edits} edits`)
console.log(`  median ${ms(median(wall))} (cpu ${ms(median(cpu))}), p90 ${ms(percentile(wall, 0.9))} (cpu ${ms(percentile(cpu, 0.9))})`)
console.log(`  first lint of the document (cold, loads compromise): ${ms(cold)}`)
