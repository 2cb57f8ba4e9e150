// The `blamelint` command. The file handling is hand-written rather than
// built on unified-engine because configuration here is data only (an rc
// file never loads plugins, so never runs code), the input format is chosen
// per file by extension, and the exit-code contract (0/1/2, one-line errors)
// and the report formats are blamelint's own.
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {BlamelintError, Linter, rules, severityOf, type ResolvedConfig} from 'blamelint'
import type {VFile} from 'vfile'
import {decode, expandPaths, loadIgnore, readText} from './files.js'
import {formatters, type FileResult} from './formatters/index.js'
import {parseOptions, usage} from './options.js'

export interface Io {
  cwd: string
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Reads standard input; undefined when it is a terminal. */
  readStdin?: () => Promise<Uint8Array>
  /** Whether stdout is a colour terminal. */
  isTTY: boolean
}

export const version: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}).version

/** Run the command; resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io)
  } catch (error) {
    if (error instanceof BlamelintError) {
      io.stderr(`blamelint: ${error.message}\n`)
    } else {
      // A bug in blamelint, not the user's mistake: still one line, and a hint.
      io.stderr(`blamelint: internal error: ${(error as Error)?.message ?? String(error)} (set BLAMELINT_DEBUG=1 for details)\n`)
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

  const linter = new Linter({configFile: options.config && resolve(io.cwd, options.config), ruleOverrides: options.rules})

  if (options.printConfig !== undefined) {
    const filePath = resolve(io.cwd, options.printConfig)
    const loaded = linter.configFileFor(filePath)
    io.stdout(`${JSON.stringify(printable(loaded.path, linter.configFor(filePath)), null, 2)}\n`)
    return 0
  }

  const results: FileResult[] = []
  const useStdin = options.paths[0] === '-' || (options.paths.length === 0 && (io.readStdin !== undefined || options.stdinFilename !== undefined))
  if (useStdin) {
    if (!io.readStdin) throw new BlamelintError('standard input is a terminal: pipe text in, or give file paths')
    const {text, warning} = decode(await io.readStdin())
    const path = options.stdinFilename ?? '<stdin>'
    if (warning) io.stderr(`blamelint: ${path}: ${warning}\n`)
    if (text !== undefined) {
      const filePath = options.stdinFilename ? resolve(io.cwd, options.stdinFilename) : undefined
      results.push({path, file: linter.lint(text, {filePath, format: options.inputFormat})})
    }
  } else {
    if (options.paths.length === 0) throw new BlamelintError('no input: give files, directories or globs, or pipe text in (see blamelint --help)')
    const files = await expandPaths(options.paths, io.cwd, loadIgnore(io.cwd, options.ignorePath))
    for (const path of files) {
      const {text, warning} = await readText(path, io.cwd)
      if (warning) io.stderr(`blamelint: ${path}: ${warning}\n`)
      if (text === undefined) continue
      results.push({path, file: linter.lint(text, {filePath: resolve(io.cwd, path), format: options.inputFormat})})
    }
  }

  let errors = 0
  let warnings = 0
  for (const {file} of results) {
    for (const message of file.messages) {
      const severity = severityOf(message)
      if (severity === 'error') errors++
      else if (severity === 'warning') warnings++
    }
    if (options.quiet) keepErrorsOnly(file)
  }

  const report = formatters[options.format](results, {cwd: io.cwd, rules, version, color: options.color ?? io.isTTY})
  if (options.outputFile) writeAtomically(resolve(io.cwd, options.outputFile), report)
  else if (report) io.stdout(report)

  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings
  if (tooManyWarnings) io.stderr(`blamelint: ${warnings} warnings, more than the ${options.maxWarnings} allowed by --max-warnings\n`)
  return errors > 0 || tooManyWarnings ? 1 : 0
}

function keepErrorsOnly(file: VFile): void {
  const errors = file.messages.filter((message) => severityOf(message) === 'error')
  file.messages.length = 0
  file.messages.push(...errors)
}

/** Write via a temporary file and a rename, so a reader never sees half a report. */
function writeAtomically(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), {recursive: true})
    const temporary = `${path}.${process.pid}.tmp`
    writeFileSync(temporary, text)
    renameSync(temporary, path)
  } catch (error) {
    throw new BlamelintError(`cannot write report: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, path)
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
