import {afterAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {addedLines, keepChanged} from '../dist/diff.js'
import {blamelint, cleanEnv, messagesOf, removeTemporary, Repo, temporaryDirectory} from './ci-helpers.js'

afterAll(removeTemporary)

const blameful = 'The outage was caused by human error.'
const dramatic = 'It was a catastrophic failure.'

/** A document from its lines. */
const postmortem = (lines: string[]) => lines.join('\n') + '\n'

describe('addedLines (git diff -U0 parsing)', () => {
  it('reads new-side line numbers, deletions-only files, quoted paths and hunk lines that look like headers', () => {
    const patch = [
      'diff --git a/a.md b/a.md',
      'index 1111111..2222222 100644',
      '--- a/a.md',
      '+++ b/a.md',
      '@@ -2 +2,2 @@',
      '-old',
      '++++ b/looks-like-a-header.md',
      '+second',
      '@@ -9,0 +11 @@',
      '+added',
      'diff --git a/gone.md b/gone.md',
      'deleted file mode 100644',
      '--- a/gone.md',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
      'diff --git a/shrunk.md b/shrunk.md',
      '--- a/shrunk.md',
      '+++ b/shrunk.md',
      '@@ -3,2 +2,0 @@',
      '-x',
      '-y',
      'diff --git "a/t\\tab \\303\\251.md" "b/t\\tab \\303\\251.md"',
      '--- "a/t\\tab \\303\\251.md"',
      '+++ "b/t\\tab \\303\\251.md"',
      '@@ -1 +1 @@',
      '-a',
      '\\ No newline at end of file',
      '+b',
      '\\ No newline at end of file',
      'diff --git a/sp ace.md b/sp ace.md',
      '--- a/sp ace.md\t',
      '+++ b/sp ace.md\t',
      '@@ -0,0 +1 @@',
      '+new',
      ''
    ].join('\n')
    const files = addedLines(patch)
    expect(Object.fromEntries([...files].map(([path, lines]) => [path, [...lines]]))).toEqual({
      'a.md': [2, 3, 11],
      'shrunk.md': [],
      't\tab é.md': [1],
      'sp ace.md': [1]
    })
  })
})

describe('keepChanged', () => {
  const message = (reason: string, ruleId: string, line?: number, endLine = line) => {
    const place = line === undefined ? undefined : {start: {line, column: 1}, end: {line: endLine as number, column: 5}}
    return new VFileMessage(reason, {place, ruleId})
  }

  it('keeps messages touching a changed line, document-level ones, and everything in a new file', () => {
    const file = new VFile()
    file.messages.push(
      message('on an old line', 'no-human-error', 1),
      message('on a changed line', 'no-human-error', 3),
      message('spans into a changed line', 'no-dramatic-language', 4, 5),
      message('counts the whole document', 'max-action-items', 9),
      message('has no position', 'unknown-rule')
    )
    keepChanged(file, new Set([3, 5]), new Set(['max-action-items']))
    expect(file.messages.map((kept) => kept.reason)).toEqual(['on a changed line', 'spans into a changed line', 'counts the whole document', 'has no position'])

    const fresh = new VFile()
    fresh.messages.push(message('anything', 'no-human-error', 1))
    keepChanged(fresh, 'all', new Set())
    expect(fresh.messages).toHaveLength(1)
  })
})

describe('blamelint --diff in a git repository', () => {
  /** A repository whose base commit has blameful lines in two documents. */
  function repository() {
    const repo = new Repo()
    repo.write('docs/changed.md', postmortem(['# Incident', '', blameful, '', 'Recovery took an hour.']))
    repo.write('docs/untouched.md', postmortem(['# Other', '', blameful]))
    repo.write('docs/moved.md', postmortem(['# Moved', '', blameful, '', 'Alerts fired late.', '', 'Paging worked.']))
    const base = repo.commit('base')
    return {repo, base}
  }

  const lint = (repo: Repo, args: string[], env?: NodeJS.ProcessEnv) => {
    const result = blamelint(['--format', 'json', ...args], repo.dir, env)
    return {...result, messages: result.status === 2 ? [] : messagesOf(result.stdout)}
  }

  it('reports new blameful lines, ignores old ones, and skips files not in the diff', () => {
    const {repo} = repository()
    repo.write('docs/changed.md', postmortem(['# Incident', '', blameful, '', 'Recovery took an hour.', '', dramatic]))
    const result = lint(repo, ['--diff', 'docs'])
    expect(result.messages).toEqual(['docs/changed.md:7 no-dramatic-language'])
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout).map((file: {path: string}) => file.path)).toEqual(['docs/changed.md'])
  })

  it('treats a changed line as new even when only part of it changed', () => {
    const {repo} = repository()
    repo.write('docs/changed.md', postmortem(['# Incident', '', blameful.replace('The outage', 'This outage'), '', 'Recovery took an hour.']))
    const result = lint(repo, ['--diff', 'docs'])
    expect(result.messages).toEqual(['docs/changed.md:3 no-human-error'])
    expect(result.status).toBe(1)
  })

  it('does not count lines that only moved because lines above them were deleted', () => {
    const {repo} = repository()
    repo.write('docs/changed.md', postmortem([blameful, '', 'Recovery took an hour.']))
    expect(lint(repo, ['--diff', 'docs']).messages).toEqual([])
    // Without --diff the old line is reported: the filter, not the document, hides it.
    expect(lint(repo, ['docs/changed.md']).messages).toEqual(['docs/changed.md:1 no-human-error'])
  })

  it('follows renames: lines the rename did not change are not reported', () => {
    const {repo} = repository()
    repo.git('mv', 'docs/moved.md', 'docs/renamed.md')
    repo.write('docs/renamed.md', postmortem(['# Moved', '', blameful, '', 'Alerts fired late.', '', 'Paging was a disaster.']))
    expect(lint(repo, ['--diff', 'docs']).messages).toEqual(['docs/renamed.md:7 no-dramatic-language'])

    // A pure rename changes no line at all.
    const pure = repository().repo
    pure.git('mv', 'docs/moved.md', 'docs/renamed.md')
    expect(lint(pure, ['--diff', 'docs']).messages).toEqual([])
  })

  it('counts untracked files as entirely added, and ignores git-ignored ones', () => {
    const {repo} = repository()
    repo.write('.gitignore', 'scratch/\n')
    repo.write('docs/new.md', postmortem(['# New', '', blameful]))
    repo.write('scratch/notes.md', postmortem([blameful]))
    expect(lint(repo, ['--diff', '.']).messages).toEqual(['docs/new.md:3 no-human-error'])
  })

  it('compares with committed history: --diff=REV, --diff-base REV and REV... (merge base)', () => {
    const {repo, base} = repository()
    repo.git('checkout', '-q', '-b', 'feature')
    repo.write('docs/changed.md', postmortem(['# Incident', '', blameful, '', 'Recovery took an hour.', '', dramatic]))
    repo.commit('feature work')
    repo.git('checkout', '-q', 'main')
    repo.write('docs/untouched.md', postmortem(['# Other', '', blameful, '', 'A disaster on main.']))
    repo.commit('main moves on')
    repo.git('checkout', '-q', 'feature')

    expect(lint(repo, ['--diff']).messages).toEqual([]) // vs HEAD: nothing uncommitted
    expect(lint(repo, [`--diff=${base}`]).messages).toEqual(['docs/changed.md:7 no-dramatic-language'])
    expect(lint(repo, ['--diff-base', base, 'docs']).messages).toEqual(['docs/changed.md:7 no-dramatic-language'])
    // Against main's tip, main's own new line looks removed, not added; `main...` uses the fork point.
    expect(lint(repo, ['--diff=main...']).messages).toEqual(['docs/changed.md:7 no-dramatic-language'])
  })

  it('defaults to the merge base with the CI target branch, then origin/main', () => {
    const {repo} = repository()
    repo.git('checkout', '-q', '-b', 'feature')
    repo.write('docs/changed.md', postmortem(['# Incident', '', blameful, '', 'Recovery took an hour.', '', dramatic]))
    repo.commit('feature work')
    repo.git('checkout', '-q', 'main')
    repo.write('docs/untouched.md', postmortem(['# Other', '', blameful, '', 'A disaster on main.']))
    const mainTip = repo.commit('main moves on')
    repo.git('checkout', '-q', 'feature')
    repo.git('update-ref', 'refs/remotes/origin/release', mainTip)

    const expected = ['docs/changed.md:7 no-dramatic-language']
    expect(lint(repo, ['--diff'], cleanEnv({GITHUB_BASE_REF: 'release'})).messages).toEqual(expected)
    expect(lint(repo, ['--diff'], cleanEnv({CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main'})).messages).toEqual(expected)
    repo.git('update-ref', 'refs/remotes/origin/main', mainTip)
    expect(lint(repo, ['--diff']).messages).toEqual(expected)

    const missing = lint(repo, ['--diff'], cleanEnv({GITHUB_BASE_REF: 'nowhere'}))
    expect(missing.status).toBe(2)
    expect(missing.stderr).toBe(
      'blamelint: --diff: the target branch `nowhere` (from GITHUB_BASE_REF) is not in this clone; fetch it (actions/checkout: fetch-depth: 0) or give --diff=REF\n'
    )
  })

  it('keeps working when user git configuration changes diff output', () => {
    const {repo} = repository()
    repo.git('config', 'diff.noprefix', 'true')
    repo.git('config', 'diff.renames', 'false')
    repo.git('config', 'color.diff', 'always')
    repo.git('mv', 'docs/moved.md', 'docs/renamed.md')
    repo.write('docs/renamed.md', postmortem(['# Moved', '', blameful, '', 'Alerts fired late.', '', 'Paging was a disaster.']))
    expect(lint(repo, ['--diff', 'docs']).messages).toEqual(['docs/renamed.md:7 no-dramatic-language'])
  })

  it('counts warnings for --max-warnings after filtering', () => {
    const {repo} = repository()
    repo.write('docs/untouched.md', postmortem(['# Other', '', blameful, '', dramatic]))
    repo.commit('more drama')
    repo.write('docs/changed.md', postmortem(['# Incident', '', blameful, '', 'Recovery took an hour.', '', dramatic]))
    const result = blamelint(['--diff', '--max-warnings', '0', 'docs'], repo.dir)
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('blamelint: 1 warnings, more than the 0 allowed by --max-warnings\n')
  })

  it('fails with one line outside a git repository, for an unknown revision, and with standard input', () => {
    const outside = temporaryDirectory()
    const notGit = blamelint(['--diff', '.'], outside)
    expect(notGit.status).toBe(2)
    expect(notGit.stderr).toMatch(/^blamelint: --diff needs a git repository: not a git repository[^\n]*\n$/)

    const {repo} = repository()
    const unknown = blamelint(['--diff=no-such-branch', 'docs'], repo.dir)
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toBe('blamelint: --diff: unknown git revision `no-such-branch`\n')

    const optionLike = blamelint(['--diff=--output=/tmp/x', 'docs'], repo.dir)
    expect(optionLike.status).toBe(2)
    expect(optionLike.stderr).toBe('blamelint: --diff: unknown git revision `--output=/tmp/x`\n')

    for (const args of [['--diff', '-'], ['--diff', '--stdin-filename', 'x.md']]) {
      const stdin = blamelint(args, repo.dir)
      expect(stdin.status).toBe(2)
      expect(stdin.stderr).toBe('blamelint: --diff compares files in a git repository; it cannot be used with standard input\n')
    }
    const empty = blamelint(['--diff=', 'docs'], repo.dir)
    expect(empty.stderr).toBe('blamelint: --diff= expects a git revision, e.g. --diff=origin/main\n')
  })

  it('lints the current directory when --diff is given no paths, and reads --diff docs as a path', () => {
    const {repo} = repository()
    repo.write('docs/new.md', postmortem([dramatic]))
    expect(lint(repo, ['--diff']).messages).toEqual(['docs/new.md:1 no-dramatic-language'])
    expect(lint(repo, ['--diff', 'docs/new.md']).messages).toEqual(['docs/new.md:1 no-dramatic-language'])
  })
})
