// Builds blamelint's V8 startup snapshot (see packages/cli/src/snapshot.ts):
// bundles packages/cli/dist/snapshot-entry.js and everything it imports into
// one script (V8 can only snapshot a single script), runs it with
// `node --build-snapshot`, and records what it was built from. Runs last in
// `pnpm build`. Without a snapshot blamelint still works, only starts slower,
// so a failure here is reported and does not fail the build.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {build} from 'esbuild'
import {blobIn, metaIn, snapshotDirectory} from '../packages/cli/dist/snapshot.js'
import {formatFromPath} from '../packages/core/dist/index.js'
import {dataFiles} from './data-files.mjs'

const root = fileURLToPath(new URL('../', import.meta.url))
// Built beside the snapshot in use, which a running command may be reading,
// and moved into its place when complete.
const building = `${snapshotDirectory.replace(/\/$/, '')}.${process.pid}/`
const bundle = `${building}blamelint.cjs`
const snapshotBlob = blobIn(building)

// In one script, every module's `import.meta.url` must still name its own
// file (rules read their data next to it), and `createRequire(import.meta.url)`
// must become the bundle's `require`. blamelint's modules declare
// `const require = createRequire(import.meta.url)`: the declaration is
// dropped, so that esbuild bundles what they require lazily. (A module that
// needs Node.js's own `require`, to resolve a file it reads, writes
// `createRequire(fileURLToPath(import.meta.url))`, which is kept.)
const moduleUrls = {
  name: 'module-urls',
  setup(builder) {
    builder.onLoad({filter: /\.[cm]?js$/}, (args) => {
      const text = readFileSync(args.path, 'utf8')
        .replace(/^const require = createRequire\(import\.meta\.url\);?$/m, '')
        .replaceAll('createRequire(import.meta.url)', 'require')
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
      return {contents: text, loader: 'js'}
    })
  }
}

try {
  mkdirSync(building, {recursive: true})
  const builtAt = Date.now()
  const {metafile, outputFiles} = await build({
    entryPoints: [`${root}packages/cli/dist/snapshot-entry.js`],
    // The metafile's input paths are relative to it (see `modules` below).
    absWorkingDir: root,
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    metafile: true,
    write: false,
    logLevel: 'error',
    // A snapshot has no ES module loader: `import()` becomes `require`.
    supported: {'dynamic-import': false},
    plugins: [moduleUrls]
  })
  // One character outside Latin-1 makes V8 keep the whole 2 MB source in two
  // bytes per character, in the snapshot and in every start. esbuild's
  // `charset: 'ascii'` escapes strings but not regular expression literals,
  // so every non-ASCII UTF-16 unit is written as a `\uXXXX` escape, which
  // means the same character in strings, templates, identifiers and regular
  // expressions, and in the patterns the code builds with `String.raw`. (An
  // escaped non-ASCII character, `\’`, would need its backslash dropped: the
  // bundle has none, and the build fails if one appears.)
  const text = outputFiles[0].text
  if (/\\[^\0-\x7F]/.test(text)) throw new Error('the bundle escapes a non-ASCII character')
  const ascii = text.replace(/[^\0-\x7F]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
  writeFileSync(bundle, ascii)
  const modules = Object.keys(metafile.inputs).filter((input) => !input.includes('node_modules/')).map((input) => `${root}${input}`)
  // `--no-warnings`: Node.js warns that some built-in modules (child_process,
  // worker_threads) are "not yet fully verified" in snapshots; blamelint only
  // uses them after the snapshot is loaded, and its tests run through it.
  // Without NODE_OPTIONS: V8 only loads a snapshot under the flags it was
  // built with, and blamelint starts it with none.
  const {NODE_OPTIONS, ...env} = process.env
  const node = (args, extra = {}) => spawnSync(process.execPath, args, {cwd: root, env: {...env, ...extra}, encoding: 'utf8'})
  // The example documents that the snapshot lints while it is built (see snapshot-entry.ts).
  const fixtures = `${root}fixtures/`
  const examples = existsSync(fixtures) ? readdirSync(fixtures).filter((name) => formatFromPath(name)).map((name) => fixtures + name) : []
  const result = node(['--no-warnings', '--snapshot-blob', snapshotBlob, '--build-snapshot', bundle], {BLAMELINT_SNAPSHOT_WARM_UP: JSON.stringify(examples)})
  if (result.status !== 0) throw new Error(`node --build-snapshot failed: ${(result.stderr || result.error?.message || '').trim()}`)
  const {version} = JSON.parse(readFileSync(`${root}packages/cli/package.json`, 'utf8'))
  const check = node(['--snapshot-blob', snapshotBlob, '--', '--version'])
  if (check.stdout.trim() !== version) throw new Error(`the snapshot does not start: ${(check.stderr || check.stdout).trim()}`)
  // The data is read while the snapshot is built, and so is the version in package.json.
  const meta = {node: process.version, arch: process.arch, builtAt, inputs: [...modules, ...dataFiles(), `${root}packages/cli/package.json`]}
  writeFileSync(metaIn(building), `${JSON.stringify(meta, null, 2)}\n`)
  rmSync(snapshotDirectory, {recursive: true, force: true})
  renameSync(building, snapshotDirectory)
} catch (error) {
  rmSync(building, {recursive: true, force: true})
  rmSync(snapshotDirectory, {recursive: true, force: true})
  console.error(`blamelint: no startup snapshot (${error.message}); the command will start more slowly.`)
}
