// Data files (phrase tables, word lists) are written in YAML, but parsing
// YAML is slow: reading every rule's tables cost more than a third of a cold
// `blamelint` run. The build (scripts/compile-data.mjs) stores each file's
// data as JSON in its package's `dist/data/`, with a hash of the YAML it came
// from; a file whose YAML changed since then is parsed as YAML, so the JSON is
// only ever a faster way to the same data.
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {basename} from 'node:path'
import {fileURLToPath} from 'node:url'

const require = createRequire(import.meta.url)

/** The `yaml` library (35 modules), loaded only when some YAML has to be parsed. */
export const yaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml')

export function parseYaml(text: string): unknown {
  return yaml().parse(text)
}

/** The hash of a data file's YAML that its compiled JSON records. */
export function dataHash(yaml: string): string {
  return createHash('sha256').update(yaml).digest('base64url')
}

/** Where the build puts the JSON of `<package>/data/<name>.yml`: `<package>/dist/data/<name>.yml.json`. */
export function compiledDataUrl(url: URL): URL {
  return new URL(`../dist/data/${basename(fileURLToPath(url))}.json`, url)
}

/** Read a YAML data file (through its compiled JSON when that is current). */
export function loadData(url: URL): unknown {
  const yaml = readFileSync(url, 'utf8')
  try {
    const compiled = JSON.parse(readFileSync(compiledDataUrl(url), 'utf8')) as {hash: string; data: unknown}
    if (compiled.hash === dataHash(yaml)) return compiled.data
  } catch {
    // Not built yet: parse the YAML.
  }
  return parseYaml(yaml)
}

/** What a field of a data file holds. */
export type FieldType = 'boolean' | 'number' | 'string' | 'string[]'

/** The TypeScript type of a field declared as `Type`. */
export type FieldValue<Type extends FieldType> = Type extends 'boolean' ? boolean : Type extends 'number' ? number : Type extends 'string' ? string : string[]

/** Whether `value` is what a field of `type` holds. */
export function isFieldValue(value: unknown, type: FieldType): boolean {
  return type === 'string[]' ? Array.isArray(value) && value.every((item) => typeof item === 'string') : typeof value === type
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A data file's name for errors: `no-hindsight/data/phrases.yml`. */
export const dataName = (url: URL) => fileURLToPath(url).split(/[\\/]/).slice(-3).join('/')

/**
 * Throw unless `data` has only the `known` keys: a misspelt key would
 * otherwise be ignored without a word, and the data would mean something
 * else than it says.
 */
export function checkKeys(data: Record<string, unknown>, known: readonly string[], where: string): void {
  for (const key of Object.keys(data)) {
    if (!known.includes(key)) throw new Error(`${where}: unknown key \`${key}\` (known: ${known.join(', ')})`)
  }
}

/** Read a data file of word lists: exactly the lists `keys`, each a list of strings. */
export function loadWordLists<const Key extends string>(url: URL, keys: readonly Key[]): Record<Key, string[]> {
  const data = loadData(url)
  const where = dataName(url)
  if (!isRecord(data)) throw new Error(`${where}: expected the word lists ${keys.join(', ')}`)
  checkKeys(data, keys, where)
  for (const key of keys) {
    if (!isFieldValue(data[key], 'string[]')) throw new Error(`${where}: \`${key}\` must be a list of strings`)
  }
  return data as Record<Key, string[]>
}
