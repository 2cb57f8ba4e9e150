// Pathological input: no parser or rule may take more than linear time. Each
// case is linted with every rule at two sizes, four times apart, and the
// time per character must not grow much: linear work takes about 4× as long
// at 4× the size, quadratic work 16×. Times are the best of a few runs, each
// with its own salt so that no cache serves a run from an earlier one, and
// the bound is generous (8×, plus 20 ms), so a busy machine does not fail
// the check while a quadratic path still does.
import {Linter, type InputFormat} from 'blamelint'
import {describe, expect, it} from 'vitest'

const linter = new Linter({config: {preset: 'all'}})
const formats: InputFormat[] = ['markdown', 'text', 'html']

/** A text of about `size` characters (or units); `salt` differs per run. */
type Make = (size: number, salt: string) => string

interface Case {
  make: Make
  /** The smaller size; the larger is four times it. */
  size: number
  formats?: InputFormat[]
  /** Runs per size (best of); large cases take one, and a second look if they fail. */
  runs?: number
}

const repeat = (unit: string, size: number) => unit.repeat(Math.max(1, Math.round(size / unit.length)))
const numbered = (count: number, unit: (index: number) => string) => Array.from({length: Math.round(count)}, (_, index) => unit(index)).join('')
const capitalised = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet']
/** A different word in capitals for every number: an acronym. */
const letters = (index: number) => Array.from({length: 4}, (_, place) => String.fromCharCode(65 + (Math.floor(index / 26 ** place) % 26))).join('')

/** Runs of one character: each may start a construct that a careless pattern or parser rescans to the end. */
const characterRuns: Record<string, number> = {
  a: 20_000, A: 20_000, '1': 20_000, ' ': 20_000, '.': 20_000, '(': 20_000, ')': 20_000, '[': 20_000, ']': 20_000, '*': 20_000,
  _: 20_000, '-': 20_000, '#': 20_000, '>': 20_000, '"': 20_000, '“': 20_000, "'": 20_000, '`': 20_000, '@': 20_000, ':': 20_000,
  '|': 20_000, '\n': 20_000, '\r\n': 20_000, '\t': 20_000, é: 20_000, א: 20_000, '😀': 20_000, '\u0301': 20_000, '\u0000': 20_000,
  '<': 5_000, '&': 5_000, '\\': 5_000, '~': 5_000
}

const cases: Record<string, Case> = {
  ...Object.fromEntries(Object.entries(characterRuns).map(([char, size]) => [`a run of ${JSON.stringify(char)}`, {size, make: (size: number, salt: string) => `${salt} ${repeat(char, size)}`}])),
  'thousands of nested parentheses': {size: 20_000, make: (size, salt) => `${salt} ${repeat('(', size / 2)}human error${repeat(')', size / 2)}`},
  'thousands of nested quotes': {size: 4_000, make: (size, salt) => `${salt} ${repeat('“‘"', size / 2)}human error${repeat('"’”', size / 2)}`},
  // The sizes the issue names: 100,000 capitalised words, 10,000 list items under one heading.
  '100,000 capitalised words': {size: 25_000, formats: ['markdown'], runs: 1, make: (count, salt) => numbered(count, (index) => `${capitalised[index % 10]}${index % 97 === 0 ? `. ${salt}` : ''} `)},
  'capitalised words': {size: 6_000, formats: ['text', 'html'], make: (count, salt) => numbered(count, (index) => `${capitalised[index % 10]}${index % 97 === 0 ? `. ${salt}` : ''} `)},
  '10,000 list items under one heading': {size: 2_500, formats: ['markdown'], runs: 1, make: (count, salt) => `## Action items\n\n${numbered(count, (index) => `- Fix the thing ${salt}${index} (@kim)\n`)}`},
  'list items under one heading': {size: 600, formats: ['text'], make: (count, salt) => `Action items\n\n${numbered(count, (index) => `- Fix the thing ${salt}${index} (@kim)\n`)}`},
  'HTML list items under one heading': {size: 600, formats: ['html'], make: (count, salt) => `<h2>Action items</h2><ul>${numbered(count, (index) => `<li>Fix the thing ${salt}${index} (@kim)</li>`)}</ul>`},
  'names and blame in one sentence': {size: 5_000, make: (size, salt) => numbered(size / 40, (index) => `${capitalised[index % 10]} ${salt}${index} broke the deploy and `)},
  'one sentence of findings': {size: 2_000, make: (size, salt) => numbered(size / 60, (index) => `a total mess ${salt}${index} human error never again should have known `)},
  'many short sentences': {size: 5_000, make: (size, salt) => numbered(size / 40, (index) => `Human error caused it ${salt}${index}. `)},
  'a table of actions': {size: 5_000, make: (size, salt) => `## Action items\n\n| Action | Owner |\n|---|---|\n${numbered(size / 30, (index) => `| Fix it ${salt}${index} | @kim |\n`)}`},
  'nested lists': {size: 20_000, make: (size, salt) => `${repeat('- ', size)}${salt}\n`},
  'nested block quotes': {size: 20_000, make: (size, salt) => `${repeat('> ', size)}${salt}\n`},
  'nested emphasis': {size: 20_000, make: (size, salt) => `${repeat('*', size / 2)}${salt}${repeat('*', size / 2)}`},
  'emphasis that never closes': {size: 5_000, make: (size, salt) => `${salt} ${repeat('*a_', size)}`},
  'nested links': {size: 10_000, make: (size, salt) => `${repeat('[', size / 5)}${salt}${repeat('](u)', (size * 4) / 5)}`},
  'references without definitions': {size: 10_000, make: (size, salt) => `${salt} ${repeat('[a] ', size)}`},
  'nested HTML elements': {size: 5_000, make: (size, salt) => `<ul>${repeat('<li><ul><div><em>', size)}${salt}`},
  'unclosed HTML comments': {size: 5_000, make: (size, salt) => `${salt} ${repeat('<!--', size)}`},
  'control comments': {size: 5_000, make: (size, salt) => numbered(size / 60, (index) => `<!-- blamelint-disable -->Human error ${salt}${index}<!-- blamelint-enable -->\n`)},
  'words joined by symbols': {size: 10_000, make: (size, salt) => `${salt} ${repeat("don't e.g. a-b ", size)}`},
  'e-mail-like words': {size: 5_000, make: (size, salt) => `${salt} ${repeat('a.b-c_d+', size)}@`},
  handles: {size: 5_000, make: (size, salt) => `${salt} ${repeat('@a.b ', size)}`},
  URLs: {size: 20_000, make: (size, salt) => `${salt} https://${repeat('a/', size)}`},
  percentages: {size: 5_000, make: (size, salt) => `${salt} ${repeat('1.5% of ', size)}`},
  acronyms: {size: 5_000, make: (size, salt) => numbered(size / 12, (index) => `ABC${index % 10} ${salt} (`)},
  'thousands of distinct acronyms': {size: 5_000, make: (size, salt) => numbered(size / 20, (index) => `${salt} saw ${letters(index + 1000)} fail. `)},
  'a long number in an outage sentence': {size: 20_000, make: (size, salt) => `The outage ${salt} affected ${repeat('1', size)} users.`},
  'people named in an action item': {size: 200, make: (size, salt) => `## Action items\n\n- Fix ${salt} (${repeat('Roland Lee/', size)}Kim) later\n`},
  'front matter with long runs of spaces': {size: 20_000, formats: ['markdown'], make: (size, salt) => `---\nnote: ${salt}${repeat(' ', size)}x\n---\n\nHuman error.\n`}
}

/** Milliseconds to lint `make(size)`: the best of `runs` runs. */
function time(make: Make, size: number, format: InputFormat, runs: number): number {
  let best = Infinity
  for (let run = 0; run < runs; run++) {
    const text = make(size, `salt${Math.random().toString(36).slice(2, 8)}`)
    const start = performance.now()
    linter.lint(text, {format})
    best = Math.min(best, performance.now() - start)
  }
  return best
}

describe('pathological input is linted in linear time', () => {
  // Load what loads lazily (compromise, the rules' data) before timing.
  linter.lint('Dylan said it was a total mess, human error.\n\n## Action items\n\n- Fix it', {format: 'markdown'})

  for (const [name, {make, size, formats: only, runs = 3}] of Object.entries(cases)) {
    it.each(only ?? formats)(`${name} (%s)`, (format) => {
      // Eight times the input: linear work takes about 8 times as long (up to
      // 20 times with garbage collection and a busy machine), quadratic work 64.
      let small = time(make, size, format, runs)
      let large = time(make, size * 8, format, runs)
      // One more look before failing: a run may have met a busy moment.
      if (large > 20 * small + 30) {
        small = Math.min(small, time(make, size, format, runs))
        large = Math.min(large, time(make, size * 8, format, runs))
      }
      expect(large, `${small.toFixed(1)} ms at size ${size}, ${large.toFixed(1)} ms at ${size * 8}`).toBeLessThanOrEqual(20 * small + 30)
    })
  }
})
