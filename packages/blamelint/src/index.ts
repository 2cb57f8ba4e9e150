import {dirname, resolve} from 'node:path'
import {
  ConfigFinder,
  formatFromPath,
  lintText,
  readConfigFile,
  resolveConfig,
  validateConfig,
  type ConfigData,
  type InputFormat,
  type LoadedConfig,
  type ResolvedConfig,
  type Rule,
  type Severity
} from '@blamelint/core'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {rules} from './rules.js'

export {rules}
export * from '@blamelint/core'

/** Rule ids each preset turns on. */
export const presets: Record<'recommended' | 'all', string[]> = {
  recommended: rules.filter((rule) => rule.meta.recommended).map((rule) => rule.meta.id),
  all: rules.map((rule) => rule.meta.id)
}

export interface LinterOptions {
  /** Use this config file instead of searching for the nearest one. */
  configFile?: string
  /** Use this configuration instead of any file. */
  config?: ConfigData
  /** Severities that override every config (`--rule id=severity`). */
  ruleOverrides?: Record<string, Severity>
  /** Where to look for configuration for text without a file path (default: the process's). */
  cwd?: string
}

/**
 * Lints texts and files with every rule, resolving each file's configuration
 * the same way for the CLI and the language server: an explicit config, else
 * the nearest `.blamelintrc*` or `package.json#blamelint` to the file.
 */
export class Linter {
  readonly rules: Rule[] = rules
  private readonly finder = new ConfigFinder(rules)
  private readonly fixed: LoadedConfig | undefined

  constructor(private readonly options: LinterOptions = {}) {
    if (options.config) this.fixed = {data: validateConfig(options.config, rules)}
    else if (options.configFile) {
      const path = resolve(options.configFile)
      this.fixed = readConfigFile(path, rules) ?? {path, data: {}}
    }
  }

  /** The config file that applies to `filePath` (undefined path = defaults). */
  configFileFor(filePath?: string): LoadedConfig {
    if (this.fixed) return this.fixed
    return filePath ? this.finder.forFile(filePath) : this.finder.forDirectory(this.options.cwd ?? process.cwd())
  }

  /** The effective configuration for `filePath`. */
  configFor(filePath?: string): ResolvedConfig {
    const loaded = this.configFileFor(filePath)
    return resolveConfig(rules, loaded.data, {
      filePath,
      baseDir: loaded.path ? dirname(loaded.path) : this.options.cwd ?? process.cwd(),
      ruleOverrides: this.options.ruleOverrides
    })
  }

  /** Lint text; the messages are on the returned file. */
  lint(text: string, options: {filePath?: string; format?: InputFormat} = {}): VFile {
    return lintText(text, rules, {
      filePath: options.filePath,
      format: options.format ?? (options.filePath ? formatFromPath(options.filePath) : undefined),
      config: this.configFor(options.filePath)
    })
  }

  /** Forget cached configuration files (after one changed). */
  clearCache(): void {
    this.finder.clear()
  }
}

/**
 * Lint text with the given configuration (default: the recommended preset).
 *
 *     lint('The outage was caused by human error.', {format: 'markdown'})
 */
export function lint(text: string, options: {format?: InputFormat; filePath?: string; config?: ConfigData} = {}): VFileMessage[] {
  return new Linter({config: options.config ?? {}}).lint(text, options).messages
}

/** Lint a file with the configuration nearest to it (or `options.config`). */
export async function lintFile(path: string, options: LinterOptions & {format?: InputFormat} = {}): Promise<VFile> {
  const {readFile} = await import('node:fs/promises')
  const text = await readFile(path, 'utf8')
  return new Linter(options).lint(text, {filePath: path, format: options.format})
}
