import {readFileSync} from 'node:fs'
import {Linter} from 'blamelint'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import {describe, expect, it} from 'vitest'
import {stylish} from '../src/formatters/stylish.js'
import type {FileResult, FormatContext} from '../src/formatters/types.js'

const context = (color: boolean) => ({cwd: '/', rules: [], version: '0.0.0', color}) as FormatContext

/** What vfile-reporter prints for the same results (the format stylish reproduces). */
function reference(results: FileResult[], color: boolean): string {
  const files = results.map(({path, file}) => {
    const shown = new VFile({path})
    shown.messages = file.messages
    return shown
  })
  const report = reporter(files, {color, quiet: true})
  return report ? `${report}\n` : ''
}

const message = (reason: string, fatal: boolean | undefined, line: number, ruleId = 'no-human-error') => {
  const result = new VFileMessage(reason, {place: {start: {line, column: 3}, end: {line, column: 14}}, ruleId, source: 'blamelint'})
  result.fatal = fatal
  return result
}

const fileWith = (path: string, messages: VFileMessage[]): FileResult => {
  const file = new VFile({path})
  file.messages.push(...messages)
  return {path, file}
}

/** The whole report. */
const report = (results: FileResult[], color: boolean) => [...stylish(results, context(color))].join('')

describe('--format stylish', () => {
  const linter = new Linter()
  const fixtures = ['blameful.md', 'blameless.md', 'mixed.md', 'action-items.md', 'plain.txt', 'confluence-export.html'].map((name) => {
    const url = new URL(`../../../fixtures/${name}`, import.meta.url)
    return {path: `fixtures/${name}`, file: linter.lint(readFileSync(url, 'utf8'), {filePath: url.pathname})}
  })

  it('prints what vfile-reporter prints, with and without colour', () => {
    for (const color of [false, true]) {
      expect(report(fixtures, color)).toBe(reference(fixtures, color))
      expect(report([...fixtures].reverse(), color)).toBe(reference([...fixtures].reverse(), color))
    }
  })

  it('measures wide, combining and emoji text as vfile-reporter does', () => {
    const results = [
      fileWith('b/wide.md', [
        message('`人为错误` is “human error” — 責任', true, 2),
        message('Café ☕️ and e\u0301 and 👩‍💻: ``nested `code` ok`` and an `unclosed', false, 1, 'no-dramatic-language'),
        message('A reason\nwith a second line\r\nand a third', undefined, 4, 'max-action-items'),
        message('Tab\tand ©, ®, ‼', false, 3)
      ]),
      fileWith('a/clean.md', []),
      fileWith('a/info.md', [message('Only a suggestion', undefined, 1)])
    ]
    for (const color of [false, true]) expect(report(results, color)).toBe(reference(results, color))
  })

  it('gives a long report in pieces of whole lines', () => {
    const results = [fileWith('long.md', Array.from({length: 2500}, (_, index) => message(`Reason ${index}`, false, index + 1)))]
    const pieces = [...stylish(results, context(false))]
    expect(pieces.length).toBeGreaterThan(2)
    expect(pieces.every((piece) => piece.endsWith('\n'))).toBe(true)
    expect(pieces.join('')).toBe(reference(results, false))
  })

  it('prints nothing when there is nothing to report', () => {
    expect([...stylish([fileWith('a.md', [])], context(false))]).toEqual([])
    expect(reference([fileWith('a.md', [])], false)).toBe('')
  })
})
