// `--diff`: which lines of which files changed relative to a git commit, so a
// pre-merge check reports only the prose a change touched.
import {execFile} from 'node:child_process'
import {realpathSync} from 'node:fs'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {BlamelintError, type Rule} from 'blamelint'
import type {VFile} from 'vfile'

const execFileAsync = promisify(execFile)

/** Lines (1-based, in the file as it is now) added or changed; `all` for an untracked file. */
export type ChangedLines = ReadonlySet<number> | 'all'

/** The changed files of a repository, looked up by path. */
export interface Changes {
  /** The commit compared against. */
  base: string
  /** Changed lines of a file (absolute path), undefined when the file did not change. */
  forFile(path: string): ChangedLines | undefined
}

/** Run git; a failure becomes an Error carrying git's own first line. */
async function git(args: string[], cwd: string): Promise<string> {
  try {
    return (await execFileAsync('git', args, {cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024})).stdout
  } catch (error) {
    const {code, stderr} = error as NodeJS.ErrnoException & {stderr?: string}
    if (code === 'ENOENT') throw new BlamelintError('--diff needs git, and `git` is not on the PATH')
    const line = stderr?.split('\n').find((text) => text.trim()) ?? (error as Error).message
    throw new Error(line.replace(/^(fatal|error): /, '').trim())
  }
}

/** The commit a revision names, or undefined. */
async function commitOf(top: string, revision: string): Promise<string | undefined> {
  try {
    return (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], top)).trim() || undefined
  } catch {
    return undefined
  }
}

async function mergeBase(top: string, commit: string, name: string): Promise<string> {
  try {
    return (await git(['merge-base', commit, 'HEAD'], top)).trim()
  } catch {
    throw new BlamelintError(`--diff: HEAD and \`${name}\` share no history in this clone; fetch more of it (actions/checkout: fetch-depth: 0) or give --diff=REF`)
  }
}

/**
 * The default base: the merge base with the pull or merge request's target
 * branch when CI names one, else with origin/main, else HEAD (uncommitted
 * changes; in a repository without commits, everything).
 */
async function defaultBase(top: string, env: NodeJS.ProcessEnv): Promise<string> {
  const variable = ['GITHUB_BASE_REF', 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME'].find((name) => env[name])
  if (variable) {
    const branch = env[variable] as string
    const commit = (await commitOf(top, `refs/remotes/origin/${branch}`)) ?? (await commitOf(top, `refs/heads/${branch}`))
    if (!commit) {
      throw new BlamelintError(`--diff: the target branch \`${branch}\` (from ${variable}) is not in this clone; fetch it (actions/checkout: fetch-depth: 0) or give --diff=REF`)
    }
    return mergeBase(top, commit, branch)
  }
  const main = await commitOf(top, 'refs/remotes/origin/main')
  if (main) return mergeBase(top, main, 'origin/main')
  return (await commitOf(top, 'HEAD')) ?? (await git(['hash-object', '-t', 'tree', '/dev/null'], top)).trim()
}

/** A revision as a commit; `REV...` (as in `git diff REV...`) is the merge base of REV and HEAD. */
async function resolveRevision(top: string, ref: string): Promise<string> {
  const name = ref.endsWith('...') ? ref.slice(0, -3) : ref
  const commit = await commitOf(top, name)
  if (!commit) {
    const shallow = (await git(['rev-parse', '--is-shallow-repository'], top)).trim() === 'true'
    throw new BlamelintError(`--diff: unknown git revision \`${name}\`${shallow ? ' in this shallow clone; fetch more history (actions/checkout: fetch-depth: 0)' : ''}`)
  }
  return name === ref ? commit : mergeBase(top, commit, name)
}

/**
 * What changed between `ref` (default: see defaultBase) and the working tree
 * of the repository around `cwd`. Untracked files (not ignored) count as
 * entirely added; renames are followed, so a renamed file's unchanged lines
 * are not changed.
 */
export async function findChanges(cwd: string, ref: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Changes> {
  let top: string
  try {
    top = realpathSync((await git(['rev-parse', '--show-toplevel'], cwd)).trim())
  } catch (error) {
    if (error instanceof BlamelintError) throw error
    throw new BlamelintError(`--diff needs a git repository: ${(error as Error).message}`)
  }
  const base = ref === undefined ? await defaultBase(top, env) : await resolveRevision(top, ref)
  // Options pinned so that user configuration (diff.noprefix, diff.renames,
  // external diff and textconv drivers, quoted paths) cannot change the output.
  const [patch, untracked] = await Promise.all([
    git(['-c', 'core.quotePath=false', 'diff', '-U0', '-M', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', base, '--'], top),
    git(['ls-files', '--others', '--exclude-standard', '-z'], top)
  ])
  const files = new Map<string, ChangedLines>()
  for (const [path, lines] of addedLines(patch)) files.set(join(top, path), lines)
  for (const path of untracked.split('\0')) if (path) files.set(join(top, path), 'all')
  return {
    base,
    forFile(path) {
      try {
        return files.get(realpathSync(path))
      } catch {
        return undefined
      }
    }
  }
}

/** Decode a path git wrote C-style quoted (`"a\tb"`; octal escapes are UTF-8 bytes). */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path
  const escapes: Record<string, string> = {a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r'}
  // Odd parts are escapes, even parts literal text.
  const parts = path.slice(1, -1).split(/(\\[0-7]{3}|\\.)/)
  const bytes = parts.map((part, index) =>
    index % 2 === 0 ? Buffer.from(part) : /^\\[0-7]{3}$/.test(part) ? Buffer.from([Number.parseInt(part.slice(1), 8)]) : Buffer.from(escapes[part[1]] ?? part[1])
  )
  return Buffer.concat(bytes).toString('utf8')
}

/**
 * The new-side line numbers of added lines per file in a `git diff -U0`
 * patch; a file with only deletions maps to an empty set. Hand-written
 * because only hunk headers are needed, and the npm diff parsers do not
 * decode git's quoted paths.
 */
export function addedLines(patch: string): Map<string, Set<number>> {
  const files = new Map<string, Set<number>>()
  let current: Set<number> | undefined
  let body = 0
  for (const line of patch.split('\n')) {
    if (body > 0) {
      // Hunk body: skip its `-` and `+` lines (a line could itself start with `+++`).
      if (!line.startsWith('\\')) body--
      continue
    }
    if (line.startsWith('diff --git ')) {
      current = undefined
    } else if (line.startsWith('+++ ')) {
      const path = unquote(line.slice(4).replace(/\t$/, ''))
      current = path === '/dev/null' ? undefined : new Set()
      if (current) files.set(path.replace(/^b\//, ''), current)
    } else if (current) {
      const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line)
      if (!hunk) continue
      const [removed, start, added] = [Number(hunk[1] ?? 1), Number(hunk[2]), Number(hunk[3] ?? 1)]
      for (let number = start; number < start + added; number++) current.add(number)
      body = removed + added
    }
  }
  return files
}

/** Rule ids whose messages concern the whole document. */
export const documentRules = (rules: Rule[]): Set<string> => new Set(rules.filter((rule) => rule.meta.scope === 'document').map((rule) => rule.meta.id))

/**
 * Keep only the messages on changed lines. Document-level messages (from a
 * `scope: 'document'` rule, or without a position) are kept: the file is
 * only linted because it changed.
 */
export function keepChanged(file: VFile, lines: ChangedLines, documentLevel: ReadonlySet<string>): void {
  if (lines === 'all') return
  retainMessages(file, (message) => {
    if (message.line === undefined || documentLevel.has(message.ruleId ?? '')) return true
    const end = message.place && 'end' in message.place ? message.place.end.line : message.line
    for (let line = message.line; line <= end; line++) if (lines.has(line)) return true
    return false
  })
}

/** Keep the messages of a file that pass `keep`. */
export function retainMessages(file: VFile, keep: (message: VFile['messages'][number]) => boolean): void {
  const kept = file.messages.filter(keep)
  file.messages.length = 0
  for (const message of kept) file.messages.push(message)
}
