// The GitHub Action (action.yml at the repository root). It lints once and
// writes what GitHub shows: annotations on the pull request lines (workflow
// commands on stdout), a Markdown table in the job summary, step outputs
// and, on request, a SARIF file for code scanning.
import {appendFileSync, readFileSync} from 'node:fs'
import {isAbsolute, relative, resolve, sep} from 'node:path'
import {BlamelintError, countBySeverity, rules, severityOf} from 'blamelint'
import {check, formatContext, guard, writeAtomically, type Io} from './cli.js'
import {formatters, type FileResult} from './formatters/index.js'
import {parseOptions} from './options.js'

/** Most rows written to the job summary (GitHub caps a step's summary at 1 MiB). */
const summaryRows = 500

const icons = {error: '✖ error', warning: '⚠ warning', suggestion: 'ℹ suggestion'} as const

/** Events whose payload names the commit a pull request is compared with. */
function baseOfEvent(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined
  let payload
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
  } catch (error) {
    throw new BlamelintError(`cannot read the event payload: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, env.GITHUB_EVENT_PATH)
  }
  const base: unknown = payload?.pull_request?.base?.sha ?? payload?.merge_group?.base_sha
  return typeof base === 'string' && base ? base : undefined
}

function booleanInput(value: string, name: string): boolean {
  if (/^(true|yes|on|1)$/i.test(value)) return true
  if (/^(false|no|off|0)$/i.test(value)) return false
  throw new BlamelintError(`input \`${name}\` must be true or false, got \`${value}\``)
}

/** Inputs come from INPUT_<NAME> variables, as action.yml passes them. */
const inputOf = (env: NodeJS.ProcessEnv) => (name: string) => env[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`]?.trim() ?? ''

/** Run the action; resolves to the step's exit code (0 pass, 1 lint failure, 2 usage or setup error). */
export async function runAction(env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  return guard(io, async () => {
    const input = inputOf(env)
    const failLevel = input('fail-level') || 'error'
    if (failLevel !== 'error' && failLevel !== 'warning') throw new BlamelintError(`input \`fail-level\` must be error or warning, got \`${failLevel}\``)
    const paths = input('paths')
      .split('\n')
      .map((path) => path.trim())
      .filter(Boolean)
    const argv: string[] = []
    if (input('config')) argv.push('--config', input('config'))
    if (failLevel === 'warning') argv.push('--max-warnings', '0')
    let scope = 'every line'
    if (booleanInput(input('only-changed') || 'true', 'only-changed')) {
      const base = baseOfEvent(env)
      if (base) {
        // The merge base, so changes on the target branch since the fork are not counted.
        argv.push(`--diff=${base}...`)
        scope = `only lines changed since ${base.slice(0, 12)}`
      } else {
        io.stdout('::notice title=blamelint::only-changed applies to pull requests and merge queues; this event has no base commit, so every line is checked.\n')
      }
    }
    argv.push('--', ...(paths.length > 0 ? paths : ['.']))

    const outcome = await check(parseOptions(argv, rules), io)
    const context = formatContext(io, false)
    for (const piece of formatters.github(outcome.results, context)) io.stdout(piece)
    const sarifFile = input('sarif-file')
    if (sarifFile) writeAtomically(resolve(io.cwd, sarifFile), formatters.sarif(outcome.results, context))
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, summary(outcome.results, scope, env, io.cwd))
    if (env.GITHUB_OUTPUT) {
      const outputs = {'error-count': outcome.errors, 'warning-count': outcome.warnings, 'sarif-file': sarifFile}
      appendFileSync(env.GITHUB_OUTPUT, Object.entries(outputs).map(([name, value]) => `${name}=${value}\n`).join(''))
    }
    return outcome.exitCode
  })
}

/** Text safe in a Markdown table cell (and link text): no row or column breaks, no HTML, no brackets. */
const cell = (text: string) =>
  text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[|[\]]/g, '\\$&')

/** A link to the line on GitHub when the run says where the repository is. */
function lineLink(path: string, line: number, env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  const {GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha} = env
  if (!server || !repository || !sha) return undefined
  const fromRoot = relative(env.GITHUB_WORKSPACE ?? cwd, resolve(cwd, path))
  if (!fromRoot || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return undefined
  return `${server}/${repository}/blob/${sha}/${fromRoot.split(sep).map(encodeURIComponent).join('/')}#L${line}`
}

/** The job summary: counts, then a table of messages. */
export function summary(results: FileResult[], scope: string, env: NodeJS.ProcessEnv, cwd: string): string {
  const rows = results.flatMap(({path, file}) =>
    file.messages.map((message) => {
      const line = message.line ?? 1
      const where = cell(`${path}:${line}:${message.column ?? 1}`)
      const link = lineLink(path, line, env, cwd)
      const rule = message.ruleId ? (message.url ? `[\`${message.ruleId}\`](${message.url})` : `\`${message.ruleId}\``) : ''
      return `| ${icons[severityOf(message)]} | ${link ? `[${where}](${link})` : where} | ${rule} | ${cell(message.reason)} |`
    })
  )
  const counts = countBySeverity(results.flatMap(({file}) => file.messages))
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  const lines = [
    '## blamelint',
    '',
    rows.length === 0
      ? `No problems in ${plural(results.length, 'file')} (${scope}).`
      : `**${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.suggestion, 'suggestion')}** in ${plural(results.length, 'file')} (${scope}).`
  ]
  if (rows.length > 0) {
    lines.push('', '| Severity | Where | Rule | Message |', '| --- | --- | --- | --- |', ...rows.slice(0, summaryRows))
    if (rows.length > summaryRows) lines.push('', `…and ${rows.length - summaryRows} more: see the annotations or the SARIF report.`)
  }
  return lines.join('\n') + '\n\n'
}
