// The `blamelint` command. The file handling is hand-written rather than
// built on unified-engine because configuration here is data only (an rc
// file never loads plugins, so never runs code), the input format is chosen
// per file by extension, and the exit-code contract (0/1/2, one-line errors)
// and the report formats are blamelint's own.
import {closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {BlamelintError, countBySeverity, Linter, rules, severityOf, type LinterOptions, type ResolvedConfig} from 'blamelint'
import {defaultCacheLocation, lintWithCache} from './cache.js'
import {documentRules, findChanges, keepChanged, retainMessages, type ChangedLines} from './diff.js'
import {decode, expandPaths, loadIgnore, oneLine, readText, realPath} from './files.js'
import {formatters, type FileResult, type FormatContext} from './formatters/index.js'
import {restoreFile, type StoredMessage} from './messages.js'
import {parseOptions, usage, type CliOptions} from './options.js'
import {lintJobs, type LintJob} from './workers.js'

export interface Io {
  cwd: string
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Reads standard input; undefined when it is a terminal. */
  readStdin?: () => Promise<Uint8Array>
  /** Whether stdout is a colour terminal. */
  isTTY: boolean
  /** Told how many characters of input are about to be linted (the process tunes its heap with it). */
  beforeLint?: (characters: number) => void
}

export const version: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}).version

/** Run the command; resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  return guard(io, () => run(argv, io))
}

/** Run `task`, turning a failure into one line on stderr and exit code 2. */
export async function guard(io: Pick<Io, 'stderr'>, task: () => Promise<number>): Promise<number> {
  try {
    return await task()
  } catch (error) {
    if (error instanceof BlamelintError) {
      io.stderr(`blamelint: ${oneLine(error.message)}\n`)
    } else {
      // A bug in blamelint, not the user's mistake: still one line, and a hint.
      io.stderr(`blamelint: internal error: ${oneLine((error as Error)?.message ?? String(error))} (set BLAMELINT_DEBUG=1 for details)\n`)
      if (process.env.BLAMELINT_DEBUG) io.stderr(`${(error as Error)?.stack}\n`)
    }
    return 2
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const options = parseOptions(argv, rules)
  if (options.help) {
    io.stdout(`${usage}\n`)
    return 0
  }
  if (options.version) {
    io.stdout(`${version}\n`)
    return 0
  }
  if (options.listRules) {
    io.stdout(listRules())
    return 0
  }

  const linter = linterFor(options, io)

  if (options.printConfig !== undefined) {
    const filePath = resolve(io.cwd, options.printConfig)
    const loaded = linter.configFileFor(filePath)
    io.stdout(`${JSON.stringify(printable(loaded.path, linter.configFor(filePath)), null, 2)}\n`)
    return 0
  }

  const {results, exitCode} = await check(options, io, linter)
  const report = formatters[options.format](results, formatContext(io, options.color ?? io.isTTY))
  if (options.outputFile) writeAtomically(resolve(io.cwd, options.outputFile), report)
  else for (const piece of report) io.stdout(piece)
  return exitCode
}

export interface CheckResult {
  results: FileResult[]
  errors: number
  warnings: number
  /** Files that could not be read. */
  unreadable: number
  /** 2 when a file could not be read, 1 for errors or too many warnings, else 0. */
  exitCode: number
}

function linterOptionsFor(options: CliOptions, io: Io): LinterOptions {
  return {configFile: options.config && resolve(io.cwd, options.config), ruleOverrides: options.rules, cwd: io.cwd}
}

function linterFor(options: CliOptions, io: Io): Linter {
  return new Linter(linterOptionsFor(options, io))
}

/** What the report formatters need to know besides the results. */
export function formatContext(io: Pick<Io, 'cwd'>, color: boolean): FormatContext {
  return {cwd: io.cwd, rules, version, color}
}

/**
 * Lint the inputs the options name, keep the messages `--diff` and
 * `--quiet` select, and decide the exit code.
 */
export async function check(options: CliOptions, io: Io, linter = linterFor(options, io)): Promise<CheckResult> {
  const {results, unreadable} = await lintInputs(options, io, linter)
  let errors = 0
  let warnings = 0
  for (const {file} of results) {
    const counts = countBySeverity(file.messages)
    errors += counts.error
    warnings += counts.warning
    if (options.quiet) retainMessages(file, (message) => severityOf(message) === 'error')
  }
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings
  if (tooManyWarnings) io.stderr(`blamelint: ${warnings} warnings, more than the ${options.maxWarnings} allowed by --max-warnings\n`)
  return {results, errors, warnings, unreadable, exitCode: unreadable > 0 ? 2 : errors > 0 || tooManyWarnings ? 1 : 0}
}

/** A note about one input on stderr (a skipped or repaired file). */
const note = (io: Io, path: string, text: string) => io.stderr(`blamelint: ${oneLine(path)}: ${text}\n`)

/** The files' results, and how many could not be read. A run that could lint nothing at all fails. */
async function lintInputs(options: CliOptions, io: Io, linter: Linter): Promise<{results: FileResult[]; unreadable: number}> {
  const results: FileResult[] = []
  const useStdin = options.paths[0] === '-' || (options.paths.length === 0 && (io.readStdin !== undefined || options.stdinFilename !== undefined))
  if (useStdin) {
    if (!io.readStdin) throw new BlamelintError('standard input is a terminal: pipe text in, or give file paths')
    const {text, warning} = decode(await io.readStdin())
    const path = options.stdinFilename ?? '<stdin>'
    if (warning) note(io, path, warning)
    if (text === undefined) throw new BlamelintError('nothing was linted', path)
    const filePath = options.stdinFilename ? resolve(io.cwd, options.stdinFilename) : undefined
    if (filePath) refuseToOverwrite(options, io, [filePath])
    io.beforeLint?.(text.length)
    results.push({path, file: linter.lint(text, {filePath, format: options.inputFormat})})
    return {results, unreadable: 0}
  }
  if (options.paths.length === 0) throw new BlamelintError('no input: give files, directories or globs, or pipe text in (see blamelint --help)')
  const changes = options.diff ? await findChanges(io.cwd, options.diffBase) : undefined
  const files = await expandPaths(options.paths, io.cwd, loadIgnore(io.cwd, options.ignorePath))
  refuseToOverwrite(options, io, files)
  const documentLevel = documentRules(rules)
  const inputs: Array<{path: string; changed?: ChangedLines; job: LintJob}> = []
  let attempted = 0
  let unreadable = 0
  for (const path of files) {
    const absolute = resolve(io.cwd, path)
    const changed = changes?.forFile(absolute)
    if (changes && !changed) continue
    attempted++
    const {text, warning, error} = readText(absolute)
    if (error) unreadable++
    if (error || warning) note(io, path, error ?? warning!)
    if (text === undefined) continue
    inputs.push({path, changed, job: {text, filePath: absolute, format: options.inputFormat}})
  }
  if (attempted > 0 && inputs.length === 0) {
    throw new BlamelintError(`nothing was linted: ${attempted === 1 ? 'the file was' : `all ${attempted} files were`} skipped or unreadable`)
  }
  io.beforeLint?.(inputs.reduce((sum, input) => sum + input.job.text.length, 0))
  const messages = await lintCached(inputs.map((input) => input.job), options, io, linter)
  inputs.forEach(({path, changed, job}, index) => {
    const file = restoreFile(messages[index], job.filePath)
    if (changed) keepChanged(file, changed, documentLevel)
    results.push({path, file})
  })
  return {results, unreadable}
}

/** `--output-file` must not name a file being linted: the report would replace it. */
function refuseToOverwrite(options: CliOptions, io: Io, files: string[]): void {
  // A report that does not exist yet cannot be a file being linted.
  if (!options.outputFile || !existsSync(resolve(io.cwd, options.outputFile))) return
  const output = realPath(resolve(io.cwd, options.outputFile))
  if (files.some((file) => realPath(resolve(io.cwd, file)) === output)) {
    throw new BlamelintError('--output-file names a file being linted; the report would replace it', options.outputFile)
  }
}

/** Lint jobs on the cores `--concurrency` allows, reusing the messages `--cache` kept for unchanged files. */
async function lintCached(jobs: LintJob[], options: CliOptions, io: Io, linter: Linter): Promise<StoredMessage[][]> {
  const lint = (some: LintJob[]) => lintJobs(some, linter, linterOptionsFor(options, io), options.concurrency)
  if (!options.cache) return lint(jobs)
  const location = resolve(io.cwd, options.cacheLocation ?? defaultCacheLocation)
  return lintWithCache(jobs, {linter, version, location, lint, write: (text) => writeAtomically(location, text, 'the cache'), warn: (text) => io.stderr(`blamelint: ${text}\n`)})
}

/** Write via a temporary file and a rename, so a reader never sees half a report. */
export function writeAtomically(path: string, text: string | Iterable<string>, what = 'report'): void {
  const temporary = `${path}.${process.pid}.tmp`
  let opened = false
  try {
    mkdirSync(dirname(path), {recursive: true})
    const descriptor = openSync(temporary, 'w')
    opened = true
    try {
      for (const piece of typeof text === 'string' ? [text] : text) writeSync(descriptor, piece)
    } finally {
      closeSync(descriptor)
    }
    renameSync(temporary, path)
  } catch (error) {
    // A report cut short (a full disk) is not left behind.
    if (opened) rmSync(temporary, {force: true})
    throw new BlamelintError(`cannot write ${what}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, path)
  }
}

function listRules(): string {
  const width = Math.max(...rules.map((rule) => rule.meta.id.length))
  return (
    rules
      .map((rule) => {
        const preset = rule.meta.recommended ? 'recommended' : 'all'
        return `${rule.meta.id.padEnd(width)}  ${rule.meta.severity.padEnd(10)}  ${preset.padEnd(11)}  ${rule.meta.description}\n${' '.repeat(width + 2)}${rule.meta.url}`
      })
      .join('\n') + '\n'
  )
}

function printable(configFile: string | undefined, config: ResolvedConfig) {
  return {configFile: configFile ?? null, ...config}
}
