// Pathological inputs: texts built to make a careless parser or pattern take
// more than linear time. test/pathological.test.ts lints each at its larger
// size (it must finish and give sane ranges); `pnpm bench --only linear`
// (bench/linear-time.mjs) times each at two sizes, eight times apart, to
// check that the time grows linearly. Timing stays out of the unit tests: on
// a busy machine it would fail them at random.

/** @typedef {'markdown' | 'text' | 'html'} InputFormat */

/**
 * A text of about `size` characters (or units); `salt` differs per run, so
 * that no cache serves one run from an earlier one.
 * @typedef {(size: number, salt: string) => string} Make
 */

/**
 * @typedef {object} Case
 * @property {Make} make
 * @property {number} size The smaller size; the larger is eight times it.
 * @property {InputFormat[]} [formats] Formats to lint it as (default: all three).
 * @property {number} [runs] Timed runs per size (best of); large cases take one.
 * @property {boolean} [timedOnly] Only timed: too large for the unit tests, which
 *   lint it through the command instead (packages/cli/test/bad-input.test.ts).
 */

/** @type {InputFormat[]} */
export const formats = ['markdown', 'text', 'html']

const repeat = (unit, size) => unit.repeat(Math.max(1, Math.round(size / unit.length)))
const numbered = (count, unit) => Array.from({length: Math.round(count)}, (_, index) => unit(index)).join('')
const capitalised = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet']
/** A different word in capitals for every number: an acronym. */
const letters = (index) => Array.from({length: 4}, (_, place) => String.fromCharCode(65 + (Math.floor(index / 26 ** place) % 26))).join('')

/** Runs of one character: each may start a construct that a careless pattern or parser rescans to the end. */
const characterRuns = {
  a: 20_000, A: 20_000, '1': 20_000, ' ': 20_000, '.': 20_000, '(': 20_000, ')': 20_000, '[': 20_000, ']': 20_000, '*': 20_000,
  _: 20_000, '-': 20_000, '#': 20_000, '>': 20_000, '"': 20_000, '“': 20_000, "'": 20_000, '`': 20_000, '@': 20_000, ':': 20_000,
  '|': 20_000, '\n': 20_000, '\r\n': 20_000, '\t': 20_000, é: 20_000, א: 20_000, '😀': 20_000, '\u0301': 20_000, '\u0000': 20_000,
  '<': 5_000, '&': 5_000, '\\': 5_000, '~': 5_000
}

/** @type {Record<string, Case>} */
export const cases = {
  ...Object.fromEntries(Object.entries(characterRuns).map(([char, size]) => [`a run of ${JSON.stringify(char)}`, {size, make: (size, salt) => `${salt} ${repeat(char, size)}`}])),
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
  // Action items whose structure is resolved per document: fields ("Owner:") to their items, items to their group labels, legends.
  'action items under labels, with owner fields': {size: 400, formats: ['markdown', 'text'], make: (count, salt) => `## Action items\n\n${numbered(count, (index) => `- Ledger ${salt}${index}\n  - Add a check ${salt}${index}\n    - Owner: @kim\n  - Make sure ${salt}${index} never happens again\n\nNotes ${salt}${index}.\n\n`)}`},
  'lists that define terms': {size: 400, formats: ['markdown', 'text'], make: (count, salt) => `## Action items\n\n${numbered(count, (index) => `- P${index} - blocks the release ${salt}\n- Q${index} - nice to have ${salt}\n\nNotes ${salt}${index}.\n\n`)}`},
  'people named in an action item': {size: 200, make: (size, salt) => `## Action items\n\n- Fix ${salt} (${repeat('Roland Lee/', size)}Kim) later\n`},
  'front matter with long runs of spaces': {size: 20_000, formats: ['markdown'], make: (size, salt) => `---\nnote: ${salt}${repeat(' ', size)}x\n---\n\nHuman error.\n`},
  'a 5 MB line of prose': {size: 625_000, formats: ['markdown'], runs: 1, timedOnly: true, make: (size, salt) => `${salt} ${longLine(size)}`},
  'a 20 MB log in a code block': {size: 2_500_000, formats: ['markdown'], runs: 1, timedOnly: true, make: (size, salt) => `${salt}\n\n${pastedLog(size)}`}
}

/** A line of prose (contractions, hyphens, no full stop) of about `size` characters, ending in a finding. */
export function longLine(size) {
  const words = "the deploy didn't finish because the well-known cache wasn't warm and the on-call engineer saw it".split(' ')
  const parts = []
  for (let index = 0, length = 0; length < size; index++) {
    parts.push(words[index % words.length])
    length += words[index % words.length].length + 1
  }
  return `${parts.join(' ')} and it was human error.\n`
}

/** A log of about `size` characters pasted in a code block, then an analysis with a finding. */
export function pastedLog(size) {
  const chunks = ['# Incident\n\n## Log\n\n```text\n']
  for (let index = 0, length = 0; length < size; index++) {
    chunks.push(`2024-05-01T12:00:${String(index % 60).padStart(2, '0')}Z INFO request ${index} /api/items/${index} status=500 "human error"\n`)
    length += chunks[chunks.length - 1].length
  }
  chunks.push('```\n\n## Analysis\n\nThe root cause was human error.\n')
  return chunks.join('')
}
