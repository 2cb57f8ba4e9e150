// Temporary git repositories and runs of the built command, for the CI tests
// (diff, formats-ci, action, pre-commit).
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url))
export const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url))

/** The rules these tests use, pinned so rules landing later cannot change the results. */
export const pinnedConfig = JSON.stringify({preset: 'none', rules: {'no-human-error': 'error', 'no-dramatic-language': 'warning'}})

/**
 * The environment without the CI, git, action and package-manager variables
 * of the run that started the tests (a CI job's GITHUB_BASE_REF would change
 * --diff's default), with git isolated from user and system configuration.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(GITHUB_|CI_|GIT_|RUNNER_|INPUT_|PRE_COMMIT|npm_)/.test(name)))
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    ...extra
  }
}

const temporary: string[] = []

/** A new temporary directory, removed by `removeTemporary()`. */
export function temporaryDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'blamelint-ci-'))
  temporary.push(dir)
  return dir
}

export function removeTemporary(): void {
  for (const dir of temporary.splice(0)) rmSync(dir, {recursive: true, force: true})
}

export interface RunResult {
  status: number | null
  stdout: string
  stderr: string
}

export function run(command: string, args: string[], options: {cwd: string; env?: NodeJS.ProcessEnv; input?: string}): RunResult {
  const result = spawnSync(command, args, {cwd: options.cwd, env: options.env ?? cleanEnv(), input: options.input ?? '', encoding: 'utf8'})
  if (result.error) throw result.error
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** Run the built `blamelint` command. */
export const blamelint = (args: string[], cwd: string, env?: NodeJS.ProcessEnv) => run(process.execPath, [dist('bin.js'), ...args], {cwd, env})

/** The messages of a `--format json` report as `path:line ruleId` strings. */
export function messagesOf(stdout: string): string[] {
  const files = JSON.parse(stdout) as Array<{path: string; messages: Array<{line: number; ruleId: string}>}>
  return files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line} ${message.ruleId}`))
}

/** Run git in `dir`; its trimmed output, or an Error with git's message. */
export function git(dir: string, ...args: string[]): string {
  const result = run('git', args, {cwd: dir})
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`)
  return result.stdout.trim()
}

/** A git repository in a temporary directory, with the pinned config committed. */
export class Repo {
  readonly dir: string

  constructor(dir = temporaryDirectory()) {
    this.dir = dir
    this.git('init', '-q', '-b', 'main')
    this.write('.blamelintrc.json', pinnedConfig)
  }

  git(...args: string[]): string {
    return git(this.dir, ...args)
  }

  write(path: string, text: string): void {
    mkdirSync(dirname(join(this.dir, path)), {recursive: true})
    writeFileSync(join(this.dir, path), text)
  }

  /** Stage everything and commit; the new commit's id. */
  commit(message = 'change'): string {
    this.git('add', '-A')
    this.git('commit', '-q', '-m', message)
    return this.git('rev-parse', 'HEAD')
  }
}
