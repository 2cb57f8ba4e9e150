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
