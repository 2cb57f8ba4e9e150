import type {FieldValue} from './data.js'
import {BlamelintError} from './errors.js'
import type {Document, OptionSpec, Rule, RuleContext, RuleListener, RuleMeta, RuleOptions, Severity} from './types.js'

/** Where rule documentation lives. */
const docsBase = 'https://github.com/blamelint/blamelint/blob/main/docs/rules/'

/** The options a rule with these declared `options` receives: `{max: number}` for `{max: {type: 'number', …}}`. */
export type OptionsOf<Specs extends Record<string, OptionSpec>> = {[Key in keyof Specs]: FieldValue<Specs[Key]['type']>}

type RuleDefinition<Options extends RuleOptions> =
  /** A rule whose every report depends on one part of the document only: it checks each part. */
  | {check(document: Document, context: RuleContext<Options>): void}
  /** A rule that needs the whole document (see `RuleListener`). */
  | {create(context: RuleContext<Options>): RuleListener}

/** Define a rule; its docs URL is derived from its id, the type of its options from their declarations. */
export function defineRule<const Specs extends Record<string, OptionSpec> = Record<never, OptionSpec>>(
  rule: {meta: Omit<RuleMeta, 'url' | 'options'> & {options?: Specs}} & RuleDefinition<OptionsOf<Specs>>
): Rule<OptionsOf<Specs>> {
  return {
    meta: {...rule.meta, url: `${docsBase}${rule.meta.id}.md`, options: rule.meta.options ?? {}},
    create: 'create' in rule ? rule.create : (context) => ({part: (document) => rule.check(document, context)})
  }
}

const severityAliases: Record<string, Severity> = {
  off: 'off',
  suggestion: 'suggestion',
  info: 'suggestion',
  warning: 'warning',
  warn: 'warning',
  error: 'error',
  0: 'off',
  1: 'warning',
  2: 'error'
}

/** Read a severity as users may write it (`warn`, `info`, `0`–`2`). */
export function parseSeverity(value: unknown, where: string, file?: string): Severity {
  const severity = (typeof value === 'string' || typeof value === 'number') && Object.hasOwn(severityAliases, value) ? severityAliases[value] : undefined
  if (!severity) {
    throw new BlamelintError(`${where}: expected a severity (off, suggestion, warning or error), got ${JSON.stringify(value)}`, file)
  }
  return severity
}

function optionMatches(spec: OptionSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (spec.minimum === undefined || value >= spec.minimum)
    default:
      return typeof value === spec.type
  }
}

/** Validate options against a rule's declared options and fill in defaults. */
export function resolveOptions(meta: RuleMeta, given: unknown, where: string, file?: string): RuleOptions {
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
    throw new BlamelintError(`${where}: options must be an object`, file)
  }
  const options: RuleOptions = {}
  for (const [key, spec] of Object.entries(meta.options)) options[key] = spec.default
  for (const [key, value] of Object.entries((given ?? {}) as Record<string, unknown>)) {
    // Own keys only: `constructor` or `toString` are no options.
    const spec = Object.hasOwn(meta.options, key) ? meta.options[key] : undefined
    if (!spec) {
      const known = Object.keys(meta.options)
      throw new BlamelintError(
        `${where}.${key}: unknown option for \`${meta.id}\`${known.length > 0 ? ` (known: ${known.join(', ')})` : ' (it takes no options)'}`,
        file
      )
    }
    if (!optionMatches(spec, value)) {
      const minimum = spec.minimum === undefined ? '' : ` >= ${spec.minimum}`
      throw new BlamelintError(`${where}.${key}: expected ${spec.type === 'string[]' ? 'a list of strings' : `a ${spec.type}${minimum}`}, got ${JSON.stringify(value)}`, file)
    }
    options[key] = value
  }
  return options
}
