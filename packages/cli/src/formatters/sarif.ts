import {isAbsolute, sep} from 'node:path'
import {pathToFileURL} from 'node:url'
import {severityOf} from 'blamelint'
import type {VFileMessage} from 'vfile-message'
import type {Formatter} from './types.js'

// SARIF 2.1.0 (OASIS): one run, every rule described with its help URI,
// positions in UTF-16 code units (what JavaScript strings and the vfile
// positions count), and `expected` suggestions as fixes.
const levels = {error: 'error', warning: 'warning', suggestion: 'note'} as const

/** A relative path as a URI reference (each segment percent-encoded). */
const toUri = (path: string) => path.split(/[\\/]/).map(encodeURIComponent).join('/')

/** Files under the working directory are relative to %SRCROOT%; others are absolute file URIs. */
const artifactLocation = (path: string) =>
  isAbsolute(path) ? {uri: pathToFileURL(path).href} : {uri: toUri(path), uriBaseId: '%SRCROOT%'}

function region(message: VFileMessage) {
  const place = message.place && 'start' in message.place ? message.place : undefined
  const start = {startLine: message.line ?? 1, startColumn: message.column ?? 1}
  return place ? {...start, endLine: place.end.line, endColumn: place.end.column} : start
}

export const sarif: Formatter = (results, context) => {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.meta.id, index]))
  const sarifResults = results.flatMap(({path, file}) =>
    file.messages.map((message) => {
      const location = {physicalLocation: {artifactLocation: artifactLocation(path), region: region(message)}}
      const index = ruleIndex.get(message.ruleId ?? '')
      return {
        ruleId: message.ruleId ?? 'unknown',
        ...(index === undefined ? {} : {ruleIndex: index}),
        level: levels[severityOf(message)],
        message: {text: message.reason},
        locations: [location],
        ...(message.expected && message.expected.length > 0
          ? {
              fixes: message.expected.map((text) => ({
                description: {text: text ? `Replace with "${text}"` : 'Remove'},
                artifactChanges: [
                  {
                    artifactLocation: location.physicalLocation.artifactLocation,
                    replacements: [{deletedRegion: region(message), insertedContent: {text}}]
                  }
                ]
              }))
            }
          : {})
      }
    })
  )
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'blamelint',
            version: context.version,
            informationUri: 'https://github.com/blamelint/blamelint',
            rules: context.rules.map((rule) => ({
              id: rule.meta.id,
              shortDescription: {text: rule.meta.description},
              helpUri: rule.meta.url,
              help: {text: `${rule.meta.description} See ${rule.meta.url}`},
              defaultConfiguration: {level: levels[rule.meta.severity], enabled: rule.meta.recommended}
            }))
          }
        },
        originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(context.cwd.endsWith(sep) ? context.cwd : context.cwd + sep).href}},
        columnKind: 'utf16CodeUnits',
        results: sarifResults
      }
    ]
  }
  return [JSON.stringify(log, null, 2) + '\n']
}
