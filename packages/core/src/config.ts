// Configuration: finding the nearest config file, reading it (data only —
// JSON or YAML, never code), validating it against the rules' declared
// options, and resolving presets, per-glob overrides and CLI overrides into
// one setting per rule.
import {readFileSync, statSync} from 'node:fs'
import {dirname, join, relative, resolve, sep} from 'node:path'
import picomatch from 'picomatch'
import {yaml} from './data.js'
import {BlamelintError} from './errors.js'
import {parseSeverity, resolveOptions} from './rule.js'
import type {ConfigData, ResolvedConfig, Rule, RuleEntry, Severity} from './types.js'

/** File names searched for, nearest directory first, in this order. */
export const configFileNames = ['.blamelintrc', '.blamelintrc.json', '.blamelintrc.yaml', '.blamelintrc.yml', 'package.json']

const presetNames = ['recommended', 'all', 'none'] as const

/** A configuration and the file it came from. */
export interface LoadedConfig {
  /** Absolute path of the file, undefined for defaults. */
  path?: string
  data: ConfigData
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/)
  return `${before.length}:${before[before.length - 1].length + 1}`
}

/** Parse a config file's text; syntax errors name the file, line and column. */
function parseConfigText(text: string, path: string): unknown {
  if (path.endsWith('.json')) {
    try {
      return JSON.parse(text)
    } catch (error) {
      const reason = (error as Error).message
      const position = /position (\d+)/.exec(reason)
      const where = position ? lineAndColumn(text, Number(position[1])) : '1:1'
      throw new BlamelintError(`${where}: invalid JSON: ${reason.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)/, '')}`, path)
    }
  }
  const document = yaml().parseDocument(text, {prettyErrors: false})
  // A tag the YAML core schema does not know (`!!js/function`, `!!python/object`) is refused, not read as a string.
  const [error] = [...document.errors, ...document.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED')]
  if (error) {
    // With `prettyErrors: false` the library gives offsets only.
    const where = lineAndColumn(text, error.pos[0])
    const hint = error.code === 'TAG_RESOLVE_FAILED' ? ' (configuration is plain data: strings, numbers, lists and maps)' : ''
    throw new BlamelintError(`${where}: invalid YAML: ${error.message.split('\n')[0]}${hint}`, path)
  }
  try {
    return document.toJS()
  } catch (problem) {
    // Aliases that expand beyond the library's limit ("billion laughs").
    throw new BlamelintError(`invalid YAML: ${(problem as Error).message}`, path)
  }
}

const topLevelKeys = new Set(['preset', 'rules', 'people', 'allow', 'overrides'])

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

/** Check a config object's shape; errors name the file and the key. */
export function validateConfig(value: unknown, rules: Rule[], file?: string, prefix = ''): ConfigData {
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Array.isArray(value)) throw new BlamelintError(`${prefix || 'configuration'}: expected an object`, file)
  const data = value as Record<string, unknown>
  const ids = new Set(rules.map((rule) => rule.meta.id))
  for (const key of Object.keys(data)) {
    if (!topLevelKeys.has(key) || (prefix && (key === 'overrides' || key === 'preset'))) {
      if (!(prefix && key === 'files')) throw new BlamelintError(`${prefix}${key}: unknown configuration key`, file)
    }
  }
  if (data.preset !== undefined && !presetNames.includes(data.preset as (typeof presetNames)[number])) {
    throw new BlamelintError(`${prefix}preset: expected one of ${presetNames.join(', ')}, got ${JSON.stringify(data.preset)}`, file)
  }
  for (const key of ['people', 'allow'] as const) {
    if (data[key] !== undefined && !isStringList(data[key])) throw new BlamelintError(`${prefix}${key}: expected a list of strings`, file)
  }
  if (data.rules !== undefined) {
    if (typeof data.rules !== 'object' || data.rules === null || Array.isArray(data.rules)) {
      throw new BlamelintError(`${prefix}rules: expected an object of rule ids`, file)
    }
    for (const [id, entry] of Object.entries(data.rules)) {
      if (!ids.has(id)) throw new BlamelintError(`${prefix}rules.${id}: unknown rule${suggest(id, [...ids])}`, file)
      readEntry(rules.find((rule) => rule.meta.id === id)!, entry as RuleEntry, `${prefix}rules.${id}`, file)
    }
  }
  if (data.overrides !== undefined) {
    if (!Array.isArray(data.overrides)) throw new BlamelintError('overrides: expected a list', file)
    data.overrides.forEach((override: unknown, index) => {
      const where = `overrides[${index}]`
      const files = (override as {files?: unknown})?.files
      if (typeof files !== 'string' && !isStringList(files)) throw new BlamelintError(`${where}.files: expected a glob or a list of globs`, file)
      validateConfig(override, rules, file, `${where}.`)
    })
  }
  return data as ConfigData
}

function suggest(id: string, known: string[]): string {
  const close = known.find((candidate) => candidate.includes(id) || id.includes(candidate))
  return close ? ` (did you mean \`${close}\`?)` : ''
}

function readEntry(rule: Rule, entry: RuleEntry, where: string, file?: string) {
  const [severity, options] = Array.isArray(entry) ? entry : [entry, undefined]
  return {
    severity: parseSeverity(severity, where, file),
    options: resolveOptions(rule.meta, options, where, file)
  }
}

/** Read a config file (`package.json`: its `blamelint` key). */
export function readConfigFile(path: string, rules: Rule[]): LoadedConfig | undefined {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new BlamelintError(`cannot read configuration: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, path)
  }
  const value = parseConfigText(text, path)
  if (path.endsWith('package.json')) {
    const field = (value as Record<string, unknown> | null)?.blamelint
    return field === undefined ? undefined : {path, data: validateConfig(field, rules, path, '')}
  }
  return {path, data: validateConfig(value, rules, path)}
}

/**
 * Finds the configuration nearest to a file, caching per directory. The CLI
 * and the language server share this so both resolve a file the same way.
 */
export class ConfigFinder {
  private readonly cache = new Map<string, LoadedConfig>()

  constructor(private readonly rules: Rule[]) {}

  /** The nearest config file at or above `directory`, or defaults. */
  forDirectory(directory: string): LoadedConfig {
    const absolute = resolve(directory)
    const cached = this.cache.get(absolute)
    if (cached) return cached
    let found: LoadedConfig | undefined
    for (const name of configFileNames) {
      const candidate = join(absolute, name)
      if (!isFile(candidate)) continue
      found = readConfigFile(candidate, this.rules)
      if (found) break
    }
    const parent = dirname(absolute)
    found ??= parent === absolute ? {data: {}} : this.forDirectory(parent)
    this.cache.set(absolute, found)
    return found
  }

  forFile(file: string): LoadedConfig {
    return this.forDirectory(dirname(resolve(file)))
  }

  /** Forget cached files (after a config file changed). */
  clear(): void {
    this.cache.clear()
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

export interface ResolveOptions {
  /** The linted file, matched against `overrides[].files`. */
  filePath?: string
  /** Directory the override globs are relative to (the config file's). */
  baseDir?: string
  /** Severities from the command line (`--rule id=severity`), applied last. */
  ruleOverrides?: Record<string, Severity>
}

/** Turn config data into one setting per rule. */
export function resolveConfig(rules: Rule[], data: ConfigData = {}, options: ResolveOptions = {}): ResolvedConfig {
  const preset = data.preset ?? 'recommended'
  const resolved: ResolvedConfig = {rules: {}, settings: {people: []}, allow: []}
  for (const rule of rules) {
    const on = preset === 'all' || (preset === 'recommended' && rule.meta.recommended)
    resolved.rules[rule.meta.id] = {severity: on ? rule.meta.severity : 'off', options: resolveOptions(rule.meta, undefined, rule.meta.id)}
  }
  const apply = (layer: Omit<ConfigData, 'overrides' | 'preset'>) => {
    for (const [id, entry] of Object.entries(layer.rules ?? {})) {
      const rule = rules.find((candidate) => candidate.meta.id === id)
      if (rule) resolved.rules[id] = readEntry(rule, entry, `rules.${id}`)
    }
    resolved.settings.people.push(...(layer.people ?? []))
    resolved.allow.push(...(layer.allow ?? []))
  }
  apply(data)
  if (options.filePath && data.overrides) {
    const path = relative(options.baseDir ?? process.cwd(), resolve(options.filePath)).split(sep).join('/')
    for (const override of data.overrides) {
      const globs = typeof override.files === 'string' ? [override.files] : override.files
      if (picomatch(globs, {dot: true, matchBase: !globs.some((glob) => glob.includes('/'))})(path)) apply(override)
    }
  }
  for (const [id, severity] of Object.entries(options.ruleOverrides ?? {})) {
    if (resolved.rules[id]) resolved.rules[id] = {...resolved.rules[id], severity}
  }
  for (const entry of resolved.allow) {
    if (resolved.rules[entry]) resolved.rules[entry] = {...resolved.rules[entry], severity: 'off'}
  }
  return resolved
}
