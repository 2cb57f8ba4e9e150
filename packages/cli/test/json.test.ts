import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {json, messageData} from '../src/formatters/json.js'
import type {FileResult} from '../src/formatters/types.js'

const context = {cwd: '/', rules: [], version: '0', color: false}

function fileWith(path: string, reasons: string[]): FileResult {
  const file = new VFile({path})
  reasons.forEach((reason, index) => {
    const message = new VFileMessage(reason, {place: {line: index + 1, column: 2}, ruleId: 'no-human-error', source: 'blamelint'})
    message.fatal = index % 2 === 0 ? true : undefined
    message.expected = index % 3 === 0 ? ['a "quoted"\nreplacement'] : undefined
    file.messages.push(message)
  })
  return {path, file}
}

/** What `--format json` has always printed: the whole report through `JSON.stringify`. */
const whole = (results: FileResult[]) =>
  `${JSON.stringify(
    results.map(({path, file}) => {
      const messages = file.messages.map(messageData)
      const count = (severity: string) => messages.filter((message) => message.severity === severity).length
      return {path, errorCount: count('error'), warningCount: count('warning'), suggestionCount: count('suggestion'), messages}
    }),
    null,
    2
  )}\n`

describe('--format json', () => {
  it.each([
    ['no files', []],
    ['a clean file', [fileWith('clean.md', [])]],
    ['files with and without messages', [fileWith('a.md', ['One `x`.', 'Two\nlines', 'Three “quotes”']), fileWith('b.md', []), fileWith('c.md', ['Four'])]]
  ])('prints the JSON.stringify text of the whole report, a message at a time: %s', (_, results) => {
    const pieces = [...json(results as FileResult[], context)]
    expect(pieces.join('')).toBe(whole(results as FileResult[]))
    expect(pieces.length).toBeGreaterThanOrEqual(Math.min(1, results.length) + (results as FileResult[]).reduce((sum, {file}) => sum + file.messages.length, 0))
  })
})
