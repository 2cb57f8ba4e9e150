// Every package's YAML data files: packages/*/data/*.yml and rules/*/data/*.yml.
import {readdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

/** Absolute paths of the data files. */
export function dataFiles() {
  const files = []
  for (const group of ['packages', 'rules']) {
    for (const name of readdirSync(new URL(`../${group}/`, import.meta.url))) {
      const data = new URL(`../${group}/${name}/data/`, import.meta.url)
      let names
      try {
        names = readdirSync(data).filter((file) => /\.ya?ml$/.test(file))
      } catch {
        continue
      }
      files.push(...names.map((file) => fileURLToPath(new URL(file, data))))
    }
  }
  return files
}
