import {countBySeverity, severityOf} from 'blamelint'
import type {VFileMessage} from 'vfile-message'
import type {Formatter} from './types.js'

/** A message as plain data: the shape of `--format json`. */
export function messageData(message: VFileMessage) {
  const place = message.place && 'start' in message.place ? message.place : undefined
  return {
    ruleId: message.ruleId ?? null,
    severity: severityOf(message),
    line: message.line ?? null,
    column: message.column ?? null,
    endLine: place?.end.line ?? message.line ?? null,
    endColumn: place?.end.column ?? message.column ?? null,
    message: message.reason,
    actual: message.actual ?? null,
    expected: message.expected ?? [],
    note: message.note ?? null,
    url: message.url ?? null
  }
}

/** `JSON.stringify(value, null, 2)` as it reads nested `depth` levels deep. */
const indented = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`)

/**
 * Per file: its path, counts and messages. The text of `JSON.stringify(…,
 * null, 2)`, written a file and a message at a time.
 */
export const json: Formatter = function* (results) {
  if (results.length === 0) {
    yield '[]\n'
    return
  }
  yield '['
  for (const [index, {path, file}] of results.entries()) {
    const bySeverity = countBySeverity(file.messages)
    const counts = {path, errorCount: bySeverity.error, warningCount: bySeverity.warning, suggestionCount: bySeverity.suggestion}
    // The counts object without its closing brace, then the messages, each made as it is written.
    yield `${index > 0 ? ',' : ''}\n  ${indented(counts, 1).slice(0, -4)},\n    "messages": [`
    for (const [at, message] of file.messages.entries()) yield `${at > 0 ? ',' : ''}\n      ${indented(messageData(message), 3)}`
    yield file.messages.length > 0 ? '\n    ]\n  }' : ']\n  }'
  }
  yield '\n]\n'
}
