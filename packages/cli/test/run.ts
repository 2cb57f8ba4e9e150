import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {main} from '../src/cli.js'

export const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

/** Run the CLI in-process with `cwd` and optional standard input. */
export async function run(args: string[], options: {cwd: string; stdin?: string}): Promise<RunResult> {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {
    cwd: options.cwd,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: options.stdin === undefined ? undefined : async () => new TextEncoder().encode(options.stdin),
    isTTY: false
  })
  return {code, stdout, stderr}
}

/** Run the built `blamelint` binary as a process. */
export function spawn(args: string[], options: {cwd: string; input?: string | Buffer}): RunResult {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: options.cwd, input: options.input, encoding: 'utf8'})
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

/** A temporary directory holding `files` (path → content). */
export function project(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'blamelint-cli-'))
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path)
    mkdirSync(dirname(file), {recursive: true})
    writeFileSync(file, content)
  }
  return root
}

/** Parse `--format json` output. */
export function parseJson(stdout: string): Array<{path: string; messages: Array<Record<string, unknown>>}> {
  return JSON.parse(stdout)
}

export const blameful = 'The root cause was human error.\n'
export const dramatic = 'It was a total mess.\n'
export const clean = 'The deploy job read a cached copy of the flag file.\n'
