// The GitHub Action run locally: action.yml's entry point with a simulated
// GitHub environment (event payload, step summary, GITHUB_OUTPUT, inputs).
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {summary} from '../dist/action.js'
import {cleanEnv, dist, git, removeTemporary, Repo, repositoryRoot, run, temporaryDirectory} from './ci-helpers.js'

afterAll(removeTemporary)

const oldText = ['# Checkout outage', '', 'The outage was caused by human error.', '', 'Payments recovered after a rollback.', ''].join('\n')
const newText = ['# Checkout outage', '', 'The outage was caused by human error.', '', 'Payments recovered after a rollback.', '', 'It was a catastrophic night.', '', 'Blame: human error again.', ''].join('\n')

/** A pull request: `main` holds a blameful line; the branch adds a dramatic and a blameful line. */
function pullRequest() {
  const repo = new Repo()
  repo.write('docs/incident.md', oldText)
  repo.write('docs/older.md', '# Older\n\nA disaster, caused by human error.\n')
  const base = repo.commit('base')
  repo.git('checkout', '-q', '-b', 'feature')
  repo.write('docs/incident.md', newText)
  const head = repo.commit('pull request')
  const github = temporaryDirectory()
  const event = join(github, 'event.json')
  writeFileSync(event, JSON.stringify({action: 'synchronize', number: 7, pull_request: {number: 7, base: {ref: 'main', sha: base}, head: {ref: 'feature', sha: head}}}))
  const summary = join(github, 'summary.md')
  writeFileSync(summary, '# Earlier step\n\n')
  const output = join(github, 'output.txt')
  writeFileSync(output, '')
  return {repo, base, head, event, summary, output}
}

type PullRequest = ReturnType<typeof pullRequest>

function runAction(pr: PullRequest, inputs: Record<string, string>, extra: NodeJS.ProcessEnv = {}) {
  const env = cleanEnv({
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: pr.event,
    GITHUB_STEP_SUMMARY: pr.summary,
    GITHUB_OUTPUT: pr.output,
    GITHUB_WORKSPACE: pr.repo.dir,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/postmortems',
    GITHUB_SHA: pr.head,
    GITHUB_BASE_REF: 'main',
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/-/g, '_').toUpperCase()}`, value])),
    ...extra
  })
  return run(process.execPath, [dist('github-action.js')], {cwd: pr.repo.dir, env})
}

const annotations = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::'))

describe('the GitHub Action', () => {
  it('annotates only the lines the pull request changed, writes the summary, outputs and SARIF, and fails on errors', () => {
    const pr = pullRequest()
    const result = runAction(pr, {paths: 'docs', 'sarif-file': 'reports/blamelint.sarif', 'fail-level': 'error', 'only-changed': 'true'})
    expect(result.stderr).toBe('')
    expect(result.status).toBe(1)

    const lines = annotations(result.stdout)
    expect(lines.map((line) => line.slice(0, line.indexOf('::', 2)))).toEqual([
      '::warning file=docs/incident.md,line=7,col=10,endLine=7,endColumn=22,title=blamelint(no-dramatic-language)',
      '::error file=docs/incident.md,line=9,col=8,endLine=9,endColumn=19,title=blamelint(no-human-error)'
    ])
    expect(lines[0]).toContain('::`catastrophic` is dramatic')

    const summary = readFileSync(pr.summary, 'utf8')
    expect(summary.startsWith('# Earlier step\n\n## blamelint\n')).toBe(true)
    expect(summary).toContain(`**1 error, 1 warning, 0 suggestions** in 1 file (only lines changed since ${pr.base.slice(0, 12)}).`)
    const rows = summary.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Severity') && !line.startsWith('| ---'))
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatch(
      new RegExp(`^\\| ⚠ warning \\| \\[docs/incident\\.md:7:10\\]\\(https://github\\.com/acme/postmortems/blob/${pr.head}/docs/incident\\.md#L7\\) \\| \\[\`no-dramatic-language\`\\]\\(https://[^)]+\\) \\| \`catastrophic\` is dramatic`)
    )
    expect(rows[1]).toMatch(/^\| ✖ error \| \[docs\/incident\.md:9:8\]\([^)]+#L9\) \| \[`no-human-error`\]/)

    expect(readFileSync(pr.output, 'utf8')).toBe('error-count=1\nwarning-count=1\nsarif-file=reports/blamelint.sarif\n')

    const sarif = JSON.parse(readFileSync(join(pr.repo.dir, 'reports/blamelint.sarif'), 'utf8'))
    expect(sarif.version).toBe('2.1.0')
    expect(
      sarif.runs[0].results.map((entry: {ruleId: string; level: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: {startLine: number}}}>}) => [
        entry.ruleId,
        entry.level,
        entry.locations[0].physicalLocation.artifactLocation.uri,
        entry.locations[0].physicalLocation.region.startLine
      ])
    ).toEqual([
      ['no-dramatic-language', 'warning', 'docs/incident.md', 7],
      ['no-human-error', 'error', 'docs/incident.md', 9]
    ])
  })

  it('maps fail-level to the exit code: warnings fail only at fail-level warning', () => {
    const pr = pullRequest()
    pr.repo.write('docs/incident.md', oldText + '\nIt was a catastrophic night.\n')
    pr.repo.commit('only a warning')
    expect(runAction(pr, {paths: 'docs', 'fail-level': 'error'}).status).toBe(0)
    const strict = runAction(pr, {paths: 'docs', 'fail-level': 'warning'})
    expect(strict.status).toBe(1)
    expect(strict.stderr).toBe('blamelint: 1 warnings, more than the 0 allowed by --max-warnings\n')
  })

  it('checks every line with only-changed false, and on events without a pull request', () => {
    const pr = pullRequest()
    const everything = runAction(pr, {paths: 'docs', 'only-changed': 'false'})
    expect(annotations(everything.stdout).map((line) => /file=([^,]+),line=(\d+)/.exec(line)?.slice(1).join(':'))).toEqual([
      'docs/incident.md:3',
      'docs/incident.md:7',
      'docs/incident.md:9',
      'docs/older.md:3',
      'docs/older.md:3'
    ])
    expect(readFileSync(pr.summary, 'utf8')).toContain('in 2 files (every line).')

    writeFileSync(pr.event, JSON.stringify({ref: 'refs/heads/main', before: pr.base, after: pr.head}))
    const push = runAction(pr, {paths: 'docs'}, {GITHUB_EVENT_NAME: 'push'})
    const lines = annotations(push.stdout)
    expect(lines[0]).toBe('::notice title=blamelint::only-changed applies to pull requests and merge queues; this event has no base commit, so every line is checked.')
    expect(lines).toHaveLength(6)
  })

  it('passes and says so when the pull request adds nothing blameful', () => {
    const pr = pullRequest()
    pr.repo.write('docs/incident.md', oldText + '\nThe rollback runbook now has a check for the config flag.\n')
    pr.repo.commit('clean change')
    const result = runAction(pr, {paths: 'docs'})
    expect(result.status).toBe(0)
    expect(annotations(result.stdout)).toEqual([])
    expect(readFileSync(pr.summary, 'utf8')).toContain(`No problems in 1 file (only lines changed since ${pr.base.slice(0, 12)}).`)
    expect(readFileSync(pr.output, 'utf8')).toBe('error-count=0\nwarning-count=0\nsarif-file=\n')
  })

  it('fails the step with one line on bad inputs or a base commit missing from the clone', () => {
    const pr = pullRequest()
    const level = runAction(pr, {'fail-level': 'fatal'})
    expect(level.status).toBe(2)
    expect(level.stderr).toBe('blamelint: input `fail-level` must be error or warning, got `fatal`\n')

    const flag = runAction(pr, {'only-changed': 'sometimes'})
    expect(flag.status).toBe(2)
    expect(flag.stderr).toBe('blamelint: input `only-changed` must be true or false, got `sometimes`\n')

    const missing = '0123456789abcdef0123456789abcdef01234567'
    writeFileSync(pr.event, JSON.stringify({pull_request: {base: {sha: missing}}}))
    const shallow = runAction(pr, {paths: 'docs'})
    expect(shallow.status).toBe(2)
    expect(shallow.stderr).toBe(`blamelint: --diff: unknown git revision \`${missing}\`\n`)
    expect(existsSync(join(pr.repo.dir, 'reports'))).toBe(false)
  })

  it('names the fix when a shallow checkout lacks the base commit (actions/checkout with its default depth)', () => {
    const pr = pullRequest()
    const clone = temporaryDirectory()
    git(clone, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${pr.repo.dir}`, '.')
    writeFileSync(pr.event, JSON.stringify({pull_request: {base: {sha: pr.base}}}))
    const result = run(process.execPath, [dist('github-action.js')], {cwd: clone, env: cleanEnv({GITHUB_EVENT_PATH: pr.event, INPUT_PATHS: 'docs'})})
    expect(result.status).toBe(2)
    expect(result.stderr).toBe(`blamelint: --diff: unknown git revision \`${pr.base}\` in this shallow clone; fetch more history (actions/checkout: fetch-depth: 0)\n`)
  })
})

describe('the job summary', () => {
  it('keeps user text inside its table cell', () => {
    const file = new VFile()
    const message = new VFileMessage('A | B <img src=x>\n[link](y) & more', {place: {line: 2, column: 3}, ruleId: 'no-human-error'})
    message.fatal = true
    file.messages.push(message)
    const text = summary([{path: 'docs/a|b [1].md', file}], 'every line', {}, '/repo')
    expect(text.split('\n').at(-3)).toBe('| ✖ error | docs/a\\|b \\[1\\].md:2:3 | `no-human-error` | A \\| B &lt;img src=x&gt; \\[link\\](y) &amp; more |')
  })
})

describe('action.yml', () => {
  const action = parseYaml(readFileSync(join(repositoryRoot, 'action.yml'), 'utf8'))

  it('is a composite action that hands every input to the entry point it runs', () => {
    expect(action.runs.using).toBe('composite')
    expect(Object.keys(action.inputs)).toEqual(['paths', 'config', 'fail-level', 'only-changed', 'sarif-file'])
    const lint = action.runs.steps.find((step: {id?: string}) => step.id === 'lint')
    for (const name of Object.keys(action.inputs)) {
      expect(lint.env[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`]).toBe(`\${{ inputs.${name} }}`)
    }
    expect(lint.run).toBe('node "$GITHUB_ACTION_PATH/packages/cli/dist/github-action.js"')
    expect(existsSync(dist('github-action.js'))).toBe(true)
    for (const output of Object.values(action.outputs) as Array<{value: string}>) expect(output.value).toMatch(/^\$\{\{ steps\.lint\.outputs\.[a-z-]+ \}\}$/)
  })

  it('uses its inputs’ defaults as the entry point does', () => {
    const pr = pullRequest()
    const defaults = Object.fromEntries(Object.entries(action.inputs as Record<string, {default: string}>).map(([name, input]) => [name, input.default]))
    const result = runAction(pr, defaults)
    expect(result.status).toBe(1)
    expect(annotations(result.stdout)).toHaveLength(2)
  })
})
