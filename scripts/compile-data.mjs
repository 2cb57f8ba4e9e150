// Stores every package's YAML data (packages/*/data/*.yml, rules/*/data/*.yml)
// as JSON in the package's dist/data/, where `loadData` reads it instead of
// parsing YAML on every start (see packages/core/src/data.ts). Runs after
// `tsc -b` in `pnpm build`.
import {mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {compiledDataUrl, dataHash, parseYaml} from '../packages/core/dist/data.js'

let count = 0
for (const group of ['packages', 'rules']) {
  for (const name of readdirSync(new URL(`../${group}/`, import.meta.url))) {
    const data = new URL(`../${group}/${name}/data/`, import.meta.url)
    let files
    try {
      files = readdirSync(data).filter((file) => /\.ya?ml$/.test(file))
    } catch {
      continue
    }
    for (const file of files) {
      const url = new URL(file, data)
      const yaml = readFileSync(url, 'utf8')
      const target = compiledDataUrl(url)
      mkdirSync(new URL('./', target), {recursive: true})
      writeFileSync(target, JSON.stringify({hash: dataHash(yaml), data: parseYaml(yaml)}))
      count++
    }
  }
}
if (process.argv.includes('--verbose')) console.log(`compiled ${count} data files`)
