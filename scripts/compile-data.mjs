// Stores every package's YAML data (packages/*/data/*.yml, rules/*/data/*.yml)
// as JSON in the package's dist/data/, where `loadData` reads it instead of
// parsing YAML on every start (see packages/core/src/data.ts). Runs after
// `tsc -b` in `pnpm build`.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {pathToFileURL} from 'node:url'
import {compiledDataUrl, dataHash, parseYaml} from '../packages/core/dist/data.js'
import {dataFiles} from './data-files.mjs'

const files = dataFiles()
for (const file of files) {
  const url = pathToFileURL(file)
  const yaml = readFileSync(url, 'utf8')
  const target = compiledDataUrl(url)
  mkdirSync(new URL('./', target), {recursive: true})
  writeFileSync(target, JSON.stringify({hash: dataHash(yaml), data: parseYaml(yaml)}))
}
if (process.argv.includes('--verbose')) console.log(`compiled ${files.length} data files`)
