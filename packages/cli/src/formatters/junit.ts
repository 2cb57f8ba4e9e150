import {severityOf} from 'blamelint'
import type {Formatter} from './types.js'
import {element, escapeXml, xmlDeclaration} from './xml.js'

// JUnit XML as Jenkins, GitLab and Azure Pipelines read it: a <testsuite>
// per file; each message is a failed <testcase>, and a file without messages
// is one passing <testcase>, so clean documents show up as passed.
export const junit: Formatter = (results) => {
  const suites = results.map(({path, file}) => {
    const cases =
      file.messages.length === 0
        ? [element('testcase', {name: path, classname: path, time: 0}, '')]
        : file.messages.map((message) => {
            const severity = severityOf(message)
            const at = `${path}:${message.line ?? 1}:${message.column ?? 1}`
            const details = [`${severity} at ${at}`, message.reason, message.actual ? `Found: ${message.actual}` : '', message.url ?? ''].filter(Boolean).join('\n')
            const failure = element('failure', {message: message.reason, type: severity}, escapeXml(details))
            return element('testcase', {name: `${message.ruleId ?? 'unknown'} at ${at}`, classname: path, time: 0}, failure)
          })
    const failures = file.messages.length
    return element('testsuite', {name: path, tests: Math.max(failures, 1), failures, errors: 0, skipped: 0, time: 0}, `\n${cases.join('\n')}\n`)
  })
  const failures = results.reduce((sum, {file}) => sum + file.messages.length, 0)
  const tests = results.reduce((sum, {file}) => sum + Math.max(file.messages.length, 1), 0)
  return [`${xmlDeclaration}\n${element('testsuites', {name: 'blamelint', tests, failures, errors: 0, time: 0}, `\n${suites.join('\n')}\n`)}\n`]
}
