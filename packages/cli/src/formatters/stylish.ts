// Human-readable output, exactly as vfile-reporter (remark-lint, alex)
// prints it without `verbose`: files and messages sorted, aligned columns,
// clean files left out, a summary line.
//
// Hand-written instead of calling vfile-reporter because it measures every
// cell with string-width, which segments each grapheme and tests it against
// the emoji pattern: about 0.3 ms for one of blamelint's messages, 2.6 s for
// the 7,400 messages of a 150,000-word document, more than linting its
// largest part. Here plain cells (ASCII, Latin letters, and punctuation such
// as ’ “ ” — …) count one column per character; any other cell is measured
// by string-width, as vfile-reporter measures it.
import stringWidth from 'string-width'
import {compareText} from 'blamelint'
import {stringifyPosition} from 'unist-util-stringify-position'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {compareFile} from 'vfile-sort'
import {statistics} from 'vfile-statistics'
import {oneLine} from '../files.js'
import type {Formatter} from './types.js'

/** Characters string-width counts as one column each, whatever their neighbours. */
const plain = /^[\x20-\x7e\xa0-\xa8\xaa-\xad\xaf-\u02ff\u2010-\u2027]*$/
/** The colours below. */
const colours = /\u001B\[\d{1,2}m/g

/** vfile-sort's boolean order: fatal first, then `false`, then unset. */
const fatalOrder = (fatal: boolean | null | undefined) => (fatal ? 0 : fatal === false ? 1 : 2)

/**
 * vfile-sort's `compareMessage` (the order vfile-reporter prints), with
 * `compareText` for its `localeCompare`, which costs a cold run ~9 ms on the
 * first tie between two messages at the same place.
 */
const compareMessage = (a: VFileMessage, b: VFileMessage): number =>
  (a.line ?? 0) - (b.line ?? 0) ||
  (a.column ?? 0) - (b.column ?? 0) ||
  fatalOrder(a.fatal) - fatalOrder(b.fatal) ||
  compareText(String(a.source ?? ''), String(b.source ?? '')) ||
  compareText(String(a.ruleId ?? ''), String(b.ruleId ?? '')) ||
  compareText(String(a.reason ?? ''), String(b.reason ?? ''))

function width(cell: string): number {
  const text = cell.includes('\u001B') ? cell.replace(colours, '') : cell
  return plain.test(text) ? text.length : stringWidth(cell)
}

const eol = /\r?\n|\r/

/** Messages (and other lines) per piece of the report. */
const entriesPerPiece = 1000

export const stylish: Formatter = function* (results, context) {
  const on = context.color
  const style = {
    bold: on ? '\u001B[1m' : '',
    normalIntensity: on ? '\u001B[22m' : '',
    underline: on ? '\u001B[4m' : '',
    noUnderline: on ? '\u001B[24m' : '',
    red: on ? '\u001B[31m' : '',
    yellow: on ? '\u001B[33m' : '',
    green: on ? '\u001B[32m' : '',
    cyan: on ? '\u001B[36m' : '',
    defaultColor: on ? '\u001B[39m' : ''
  }

  /** Inline code (`…`) in cyan, the whole reason in bold. */
  const formatReason = (reason: string): string => {
    const splits: Array<{index: number; size: number}> = []
    let index = reason.indexOf('`')
    while (index !== -1) {
      const split = {index, size: 1}
      splits.push(split)
      while (reason.codePointAt(index + 1) === 96) {
        split.size++
        index++
      }
      index = reason.indexOf('`', index + 1)
    }
    const parts: string[] = []
    let textStart = 0
    for (let open = 0; open < splits.length; open++) {
      const close = splits.slice(open + 1).find((split) => split.size === splits[open].size)
      if (!close) continue
      const codeEnd = close.index + close.size
      parts.push(reason.slice(textStart, splits[open].index) + style.cyan + reason.slice(splits[open].index, codeEnd) + style.defaultColor)
      textStart = codeEnd
      open = splits.indexOf(close)
    }
    parts.push(reason.slice(textStart))
    return style.bold + parts.join('') + style.normalIntensity
  }

  const messageRows = (message: VFileMessage): Array<string[] | string> => {
    const label = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
    let reason = message.stack || message.message
    const match = eol.exec(reason)
    let rest: string[] = []
    if (match) {
      rest = reason.slice(match.index + 1).split(eol)
      reason = reason.slice(0, match.index)
    }
    const row = [
      stringifyPosition(message.place),
      (label === 'error' ? style.red : style.yellow) + label + style.defaultColor,
      formatReason(reason),
      message.ruleId || '',
      message.source || ''
    ]
    return [row, ...rest]
  }

  // Rows are made twice, once to measure the columns and once per piece, rather than
  // kept: for a huge document they take more memory than its messages.
  /** What the report prints: a file's path or a summary line as they are, and messages as their rows. */
  const entries: Array<VFileMessage | string> = []
  const all: VFileMessage[] = []
  let lastWasMessage = false
  for (const {path, file} of [...results].sort((a, b) => compareFile({path: a.path} as VFile, {path: b.path} as VFile))) {
    if (file.messages.length === 0) continue
    const messages = [...file.messages].sort(compareMessage)
    for (const message of messages) all.push(message)
    const stats = statistics(messages)
    if (lastWasMessage) entries.push('')
    entries.push(style.underline + (stats.fatal ? style.red : style.yellow) + oneLine(path) + style.defaultColor + style.noUnderline)
    for (const message of messages) entries.push(message)
    lastWasMessage = true
  }
  const stats = statistics(all)
  if (stats.fatal || stats.warn) {
    let byline = ''
    if (stats.fatal) byline = `${style.red}✖${style.defaultColor} ${stats.fatal} error${stats.fatal === 1 ? '' : 's'}`
    if (stats.warn) byline = `${byline ? `${byline}, ` : ''}${style.yellow}⚠${style.defaultColor} ${stats.warn} warning${stats.warn === 1 ? '' : 's'}`
    if (stats.total !== stats.fatal && stats.total !== stats.warn) byline = `${stats.total} messages (${byline})`
    entries.push('', byline)
  }

  const rowsOf = (entry: VFileMessage | string) => (typeof entry === 'string' ? [entry] : messageRows(entry))
  const sizes: number[] = []
  for (const entry of entries) {
    for (const row of rowsOf(entry)) {
      if (typeof row !== 'string') row.forEach((cell, index) => (sizes[index] = Math.max(sizes[index] ?? 0, width(cell))))
    }
  }
  const line = (row: string[] | string) =>
    typeof row === 'string' ? row.trimEnd() : row.map((cell, at) => cell + ' '.repeat((sizes[at] ?? 0) + 1 - width(cell))).join('').trimEnd()
  for (let start = 0; start < entries.length; start += entriesPerPiece) {
    yield `${entries.slice(start, start + entriesPerPiece).flatMap(rowsOf).map(line).join('\n')}\n`
  }
}
