import {parseArgs} from 'node:util'
import {BlamelintError, parseSeverity, type InputFormat, type Rule, type Severity} from 'blamelint'
import {formatterNames} from './formatters/index.js'
import type {Concurrency} from './workers.js'

export interface CliOptions {
  paths: string[]
  format: string
  config?: string
  rules: Record<string, Severity>
  stdinFilename?: string
  inputFormat?: InputFormat
  quiet: boolean
  maxWarnings?: number
  ignorePath?: string
  outputFile?: string
  color?: boolean
  listRules: boolean
  printConfig?: string
  version: boolean
  help: boolean
  /** Report only lines changed relative to a git revision (`--diff`). */
  diff: boolean
  /** The revision for `--diff`; undefined = the default base. */
  diffBase?: string
  /** Reuse the messages of unchanged files (`--cache`). */
  cache: boolean
  cacheLocation?: string
  concurrency: Concurrency
}

export const usage = `Usage: blamelint [options] [paths, directories or globs...]

Lint incident postmortems (Markdown, HTML, plain text) for blame, hindsight,
dramatic wording and vague action items. Directories are searched for
.md, .markdown, .txt and .html files. Use "-" (or pipe text with no paths)
to read standard input.

Options:
  -f, --format <name>        Output: ${formatterNames.join(', ')} (default: stylish)
  -c, --config <file>        Use this config file instead of the nearest one
      --rule <id=severity>   Override a rule: off, suggestion, warning, error (repeatable)
      --stdin-filename <p>   Path to report (and match config) for standard input
      --input-format <f>     Parse input as markdown, html or text (default: by extension)
  -q, --quiet                Report errors only
      --diff                 Report only lines added or changed relative to the
                             merge base with the CI target branch (GITHUB_BASE_REF,
                             CI_MERGE_REQUEST_TARGET_BRANCH_NAME), else with
                             origin/main, else HEAD; untracked files count as new.
                             Without paths, lints the current directory
      --diff=<rev>           The same, relative to a git revision; <rev>... means
                             its merge base with HEAD (also --diff-base <rev>)
      --max-warnings <n>     Exit 1 when there are more than n warnings
      --ignore-path <file>   Ignore file (default: .blamelintignore)
      --cache                Only lint files whose text, configuration or blamelint
                             version changed since the last --cache run
      --cache-location <f>   The cache file (default:
                             node_modules/.cache/blamelint/cache.json)
      --concurrency <n>      Threads for many files (the main thread and workers):
                             a number, auto (the default: up to one per two
                             cores when there is enough text) or off
  -o, --output-file <file>   Write the report to a file instead of standard output
      --color, --no-color    Force colours on or off in the stylish report
      --list-rules           List every rule with its default severity
      --print-config <file>  Print the configuration that applies to a file
  -v, --version              Print the version
  -h, --help                 Print this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 lint errors
or too many warnings, 2 usage, configuration or input errors.`

const inputFormats: InputFormat[] = ['markdown', 'html', 'text']

/**
 * `--diff` takes an optional revision, which parseArgs cannot express: it is
 * a boolean, and `--diff=REV` is rewritten to `--diff-base=REV`, so that in
 * `--diff docs/` the directory stays a path.
 */
function normaliseDiffFlag(argv: string[]): string[] {
  const end = argv.indexOf('--')
  return argv.map((arg, index) => ((end === -1 || index < end) && arg.startsWith('--diff=') ? `--diff-base=${arg.slice('--diff='.length)}` : arg))
}

/** Parse the command line; usage errors are BlamelintErrors (exit 2). */
export function parseOptions(argv: string[], rules: Rule[]): CliOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: normaliseDiffFlag(argv),
      allowPositionals: true,
      allowNegative: true,
      strict: true,
      options: {
        format: {type: 'string', short: 'f', default: 'stylish'},
        config: {type: 'string', short: 'c'},
        rule: {type: 'string', multiple: true, default: []},
        'stdin-filename': {type: 'string'},
        'input-format': {type: 'string'},
        quiet: {type: 'boolean', short: 'q', default: false},
        'max-warnings': {type: 'string'},
        'ignore-path': {type: 'string'},
        'output-file': {type: 'string', short: 'o'},
        color: {type: 'boolean'},
        'list-rules': {type: 'boolean', default: false},
        'print-config': {type: 'string'},
        version: {type: 'boolean', short: 'v', default: false},
        help: {type: 'boolean', short: 'h', default: false},
        diff: {type: 'boolean', default: false},
        'diff-base': {type: 'string'},
        cache: {type: 'boolean', default: false},
        'cache-location': {type: 'string'},
        concurrency: {type: 'string', default: 'auto'}
      }
    })
  } catch (error) {
    throw new BlamelintError(`${(error as Error).message.split('\n')[0]} (see blamelint --help)`)
  }
  const {values, positionals} = parsed

  if (!formatterNames.includes(values.format)) {
    throw new BlamelintError(`unknown format \`${values.format}\` (use one of ${formatterNames.join(', ')})`)
  }
  const inputFormat = values['input-format']
  if (inputFormat !== undefined && !inputFormats.includes(inputFormat as InputFormat)) {
    throw new BlamelintError(`unknown input format \`${inputFormat}\` (use one of ${inputFormats.join(', ')})`)
  }
  let maxWarnings: number | undefined
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!/^\d+$/.test(values['max-warnings']) || !Number.isSafeInteger(maxWarnings)) {
      throw new BlamelintError(`--max-warnings expects a whole number >= 0, got \`${values['max-warnings']}\``)
    }
  }
  const concurrency = values.concurrency
  if (!/^(?:auto|off|[1-9]\d{0,2})$/.test(concurrency)) {
    throw new BlamelintError(`--concurrency expects a number of threads, auto or off, got \`${concurrency}\``)
  }
  const ids = new Set(rules.map((rule) => rule.meta.id))
  const ruleOverrides: Record<string, Severity> = {}
  for (const entry of values.rule) {
    const match = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(entry)
    if (!match) throw new BlamelintError(`--rule expects id=severity, got \`${entry}\``)
    if (!ids.has(match[1])) throw new BlamelintError(`--rule: unknown rule \`${match[1]}\` (see blamelint --list-rules)`)
    ruleOverrides[match[1]] = parseSeverity(match[2], `--rule ${match[1]}`)
  }
  const diffBase = values['diff-base']
  if (diffBase === '') throw new BlamelintError('--diff= expects a git revision, e.g. --diff=origin/main')
  const diff = values.diff || diffBase !== undefined
  const stdinPaths = positionals.filter((path) => path === '-')
  if (diff && (stdinPaths.length > 0 || values['stdin-filename'] !== undefined)) {
    throw new BlamelintError('--diff compares files in a git repository; it cannot be used with standard input')
  }
  if (stdinPaths.length > 0 && positionals.length > 1) {
    throw new BlamelintError('`-` (standard input) cannot be combined with other paths')
  }
  if (values['stdin-filename'] !== undefined && positionals.length > 0 && stdinPaths.length === 0) {
    throw new BlamelintError('--stdin-filename is for standard input; do not combine it with file paths')
  }
  if (values['print-config'] !== undefined && (positionals.length > 0 || diff)) {
    throw new BlamelintError('--print-config prints the configuration for one file and lints nothing; do not combine it with paths or --diff')
  }

  return {
    paths: diff && positionals.length === 0 ? ['.'] : positionals,
    format: values.format,
    config: values.config,
    rules: ruleOverrides,
    stdinFilename: values['stdin-filename'],
    inputFormat: inputFormat as InputFormat | undefined,
    quiet: values.quiet,
    maxWarnings,
    ignorePath: values['ignore-path'],
    outputFile: values['output-file'],
    color: values.color,
    listRules: values['list-rules'],
    printConfig: values['print-config'],
    version: values.version,
    help: values.help,
    diff,
    diffBase,
    cache: values.cache,
    cacheLocation: values['cache-location'],
    concurrency: concurrency === 'auto' || concurrency === 'off' ? concurrency : Number(concurrency)
  }
}
