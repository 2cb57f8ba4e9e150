import {severityOf} from 'blamelint'
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

/** Per file: its path, counts and messages. */
export const json: Formatter = (results) =>
  JSON.stringify(
    results.map(({path, file}) => {
      const messages = file.messages.map(messageData)
      return {
        path,
        errorCount: messages.filter((message) => message.severity === 'error').length,
        warningCount: messages.filter((message) => message.severity === 'warning').length,
        suggestionCount: messages.filter((message) => message.severity === 'suggestion').length,
        messages
      }
    }),
    null,
    2
  ) + '\n'
