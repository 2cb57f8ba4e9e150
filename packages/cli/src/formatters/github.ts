import {severityOf} from 'blamelint'
import type {Formatter} from './types.js'

// GitHub Actions workflow commands: each message becomes an annotation on the
// pull request line. See "Workflow commands for GitHub Actions".
const commands = {error: 'error', warning: 'warning', suggestion: 'notice'} as const

const escapeData = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (value: string) => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')

export const github: Formatter = (results) => {
  const lines: string[] = []
  for (const {path, file} of results) {
    for (const message of file.messages) {
      const place = message.place && 'start' in message.place ? message.place : undefined
      const properties = [
        `file=${escapeProperty(path)}`,
        `line=${message.line ?? 1}`,
        `col=${message.column ?? 1}`,
        place ? `endLine=${place.end.line}` : undefined,
        place ? `endColumn=${place.end.column}` : undefined,
        `title=${escapeProperty(`blamelint(${message.ruleId ?? 'unknown'})`)}`
      ].filter(Boolean)
      const text = message.url ? `${message.reason} (${message.url})` : message.reason
      lines.push(`::${commands[severityOf(message)]} ${properties.join(',')}::${escapeData(text)}`)
    }
  }
  return lines.length > 0 ? [lines.join('\n') + '\n'] : []
}
