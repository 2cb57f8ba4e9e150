import {createHash} from 'node:crypto'
import {severityOf} from 'blamelint'
import type {Formatter} from './types.js'

// GitLab Code Quality report (artifacts:reports:codequality): a JSON array of
// Code Climate issues with the fields GitLab reads. The fingerprint leaves
// out line numbers, so an issue keeps its identity when lines above it move,
// and counts repeats, so two equal findings in one file stay two issues.
const severities = {error: 'major', warning: 'minor', suggestion: 'info'} as const

export const gitlab: Formatter = (results) => {
  const issues = results.flatMap(({path, file}) => {
    const seen = new Map<string, number>()
    return file.messages.map((message) => {
      const key = [path, message.ruleId ?? '', message.actual ?? message.reason].join('\0')
      const repeat = seen.get(key) ?? 0
      seen.set(key, repeat + 1)
      const begin = message.line ?? 1
      const end = message.place && 'end' in message.place ? message.place.end.line : begin
      return {
        type: 'issue',
        check_name: message.ruleId ?? 'unknown',
        description: message.reason,
        ...(message.url ? {content: {body: `See ${message.url}`}} : {}),
        categories: ['Style'],
        severity: severities[severityOf(message)],
        fingerprint: createHash('sha256').update(`${key}\0${repeat}`).digest('hex'),
        location: {path, lines: {begin, end}}
      }
    })
  })
  return [JSON.stringify(issues, null, 2) + '\n']
}
