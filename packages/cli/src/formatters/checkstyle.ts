import {severityOf} from 'blamelint'
import type {Formatter} from './types.js'
import {element, xmlDeclaration} from './xml.js'

// Checkstyle XML, read by Jenkins (Warnings Next Generation), SonarQube,
// reviewdog and others: one <file> per linted file, one <error> per message.
const severities = {error: 'error', warning: 'warning', suggestion: 'info'} as const

export const checkstyle: Formatter = (results) => {
  const files = results.map(({path, file}) =>
    element(
      'file',
      {name: path},
      file.messages
        .map((message) =>
          element('error', {
            line: message.line ?? 1,
            column: message.column ?? undefined,
            severity: severities[severityOf(message)],
            message: message.url ? `${message.reason} (${message.url})` : message.reason,
            source: `blamelint.${message.ruleId ?? 'unknown'}`
          })
        )
        .join('')
    )
  )
  return [`${xmlDeclaration}\n${element('checkstyle', {version: '4.3'}, files.join('\n'))}\n`]
}
