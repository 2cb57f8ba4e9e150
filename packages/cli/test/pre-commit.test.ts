// The hook in .pre-commit-hooks.yaml, run by the real `pre-commit` tool on
// real commits in a temporary repository. The hook repository is a clone of
// this one with the working tree's hook files on top, so uncommitted hook
// changes are what is tested. The hook's first run installs and builds
// blamelint in pre-commit's cache (pnpm, from its store or the npm registry).
import {spawnSync} from 'node:child_process'
import {copyFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cleanEnv, git, removeTemporary, Repo, repositoryRoot, run, temporaryDirectory} from './ci-helpers.js'

afterAll(removeTemporary)

const hookFiles = ['.pre-commit-hooks.yaml', 'scripts/pre-commit-hook.sh', 'scripts/ensure-built.sh']

let env: NodeJS.ProcessEnv
let hookRepo: string
let hookRev: string

beforeAll(() => {
  const found = spawnSync('pre-commit', ['--version'], {encoding: 'utf8'})
  if (found.error || found.status !== 0) {
    throw new Error('the `pre-commit` tool is not installed: run scripts/ensure-pre-commit.sh (Debian package pre-commit)')
  }
  env = cleanEnv({PRE_COMMIT_HOME: temporaryDirectory()})
  hookRepo = temporaryDirectory()
  git(hookRepo, 'clone', '-q', repositoryRoot, '.')
  for (const file of hookFiles) copyFileSync(join(repositoryRoot, file), join(hookRepo, file))
  git(hookRepo, 'add', ...hookFiles)
  git(hookRepo, 'commit', '-q', '--allow-empty', '-m', 'hook files from the working tree')
  hookRev = git(hookRepo, 'rev-parse', 'HEAD')
})

const config = (args: string[] = []) =>
  ['repos:', `  - repo: ${JSON.stringify(hookRepo)}`, `    rev: ${hookRev}`, '    hooks:', '      - id: blamelint', ...(args.length > 0 ? [`        args: ${JSON.stringify(args)}`] : []), ''].join('\n')

function project(): Repo {
  const repo = new Repo()
  repo.write('.pre-commit-config.yaml', config())
  repo.write('.pre-commit-diff.yaml', config(['--diff=HEAD', '--max-warnings=0']))
  repo.commit('set up pre-commit')
  const installed = run('pre-commit', ['install'], {cwd: repo.dir, env})
  expect(installed.status, installed.stderr).toBe(0)
  return repo
}

/** Write files, stage everything and try to commit (which runs the hook). */
function commitFiles(repo: Repo, files: Record<string, string>): {status: number | null; output: string} {
  for (const [path, text] of Object.entries(files)) repo.write(path, text)
  repo.git('add', '-A')
  const result = run('git', ['commit', '-m', 'change'], {cwd: repo.dir, env})
  return {status: result.status, output: result.stdout + result.stderr}
}
const commitCount = (repo: Repo) => Number(repo.git('rev-list', '--count', 'HEAD'))

describe('the pre-commit hook', () => {
  it('blocks a commit that adds blame, names the line, and lets the fixed commit through', {timeout: 300_000}, () => {
    const repo = project()
    const {status, output} = commitFiles(repo, {
      'docs/incident.md': '# Checkout outage\n\nThe outage was caused by human error.\n',
      'tools/check.py': '# a comment about human error, not prose a hook should lint\n'
    })
    expect(status, output).toBe(1)
    expect(output).toMatch(/blamelint\.+Failed/)
    expect(output).toContain('docs/incident.md')
    expect(output).toMatch(/3:26-3:37\s+error\s+`human error` names a person as the cause/)
    expect(output).not.toContain('check.py')
    expect(commitCount(repo)).toBe(1)

    const passed = commitFiles(repo, {'docs/incident.md': '# Checkout outage\n\nA config change passed review because the staging check did not cover the flag.\n'})
    expect(passed.status, passed.output).toBe(0)
    expect(passed.output).toMatch(/blamelint\.+Passed/)
    expect(commitCount(repo)).toBe(2)
  })

  it('skips commits without Markdown, text or HTML files, and lints .txt and .html ones', {timeout: 120_000}, () => {
    const repo = project()
    const skipped = commitFiles(repo, {'tools/check.py': 'print("human error")\n'})
    expect(skipped.status).toBe(0)
    expect(skipped.output).toMatch(/blamelint\.+\(no files to check\)Skipped/)

    const blocked = commitFiles(repo, {
      'notes/timeline.txt': 'It was a catastrophic night.\n',
      'notes/report.html': '<p>The outage was caused by human error.</p>\n'
    })
    expect(blocked.status, blocked.output).toBe(1)
    expect(blocked.output).toMatch(/notes\/report\.html\n1:\d+-1:\d+\s+error\s+`human error`/)
    expect(blocked.output).toMatch(/notes\/timeline\.txt\n1:10-1:22\s+warning\s+`catastrophic`/)
  })

  it('with args [--diff=HEAD, --max-warnings=0], reports only the lines being committed', {timeout: 120_000}, () => {
    const repo = project()
    repo.write('docs/old.md', '# Old\n\nThe outage was caused by human error.\n')
    repo.git('add', '-A')
    repo.git('commit', '-q', '--no-verify', '-m', 'legacy document')

    repo.write('docs/old.md', '# Old\n\nThe outage was caused by human error.\n\nThe alert now pages the owning team.\n')
    repo.git('add', '-A')
    const whole = run('pre-commit', ['run'], {cwd: repo.dir, env})
    expect(whole.status).toBe(1)
    const changedOnly = run('pre-commit', ['run', '--config', '.pre-commit-diff.yaml'], {cwd: repo.dir, env})
    expect(changedOnly.status, changedOnly.stdout).toBe(0)

    repo.write('docs/old.md', '# Old\n\nThe outage was caused by human error.\n\nIt was a disaster.\n')
    repo.git('add', '-A')
    const newDrama = run('pre-commit', ['run', '--config', '.pre-commit-diff.yaml'], {cwd: repo.dir, env})
    expect(newDrama.status).toBe(1)
    expect(newDrama.stdout).toMatch(/5:10-5:18\s+warning\s+`disaster` is dramatic/)
    expect(newDrama.stdout).not.toContain('3:26')
  })
})
