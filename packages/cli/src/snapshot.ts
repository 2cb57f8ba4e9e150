// Where the build puts blamelint's V8 startup snapshot, and whether it can be
// used. Starting blamelint from its ES modules means loading ~440 of them and
// unpacking compromise's lexicon, about 0.4 s before the first file is read;
// the snapshot (scripts/build-snapshot.mjs) holds all of that already loaded,
// and starts in a fraction of it. It is a cache of this checkout's build: it
// is only used while it was built by this Node.js and no file it was built
// from has changed since.
import {readFileSync, statSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

export const snapshotDirectory = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../dist/snapshot/' : './snapshot/', import.meta.url))
export const blobIn = (directory: string) => `${directory}blamelint.blob`
export const metaIn = (directory: string) => `${directory}meta.json`

/** What the build records about a snapshot. */
export interface SnapshotMeta {
  /** The Node.js version and architecture that built it: V8 only loads a snapshot into the same binary. */
  node: string
  arch: string
  /** When the build started reading its inputs (ms since the epoch). */
  builtAt: number
  /** The workspace files it was built from (compiled modules and data), as absolute paths. */
  inputs: string[]
}

/**
 * Whether a Node.js started with these options can load the snapshot. V8
 * refuses a snapshot under other V8 flags than it was built with (none), and
 * most options set some (`--max-old-space-size`, `--stack-size`, profiling):
 * only preloads are known to leave them alone.
 */
export function optionsAllowSnapshot(execArgv: readonly string[], nodeOptions = ''): boolean {
  if (execArgv.length > 0 || /["'\\]/.test(nodeOptions)) return false
  const words = nodeOptions.split(/\s+/).filter(Boolean)
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!
    if (/^--(require|import)=./.test(word)) continue
    if (['-r', '--require', '--import'].includes(word) && index + 1 < words.length) index++
    else return false
  }
  return true
}

/**
 * The snapshot this process should start the command from: a current one,
 * when its options allow it and `BLAMELINT_NO_SNAPSHOT` is not set.
 */
export function snapshotToStart(): string | undefined {
  if (process.env.BLAMELINT_NO_SNAPSHOT || !optionsAllowSnapshot(process.execArgv, process.env.NODE_OPTIONS)) return undefined
  return currentSnapshot()
}

/**
 * The Node.js arguments that start the command from `blob` with the
 * command's arguments `argv`. `--v8-pool-size=0` lets Node.js size V8's
 * background threads (garbage collection, optimising compiler) to the cores,
 * one fewer than their number and at least one, instead of a fixed four: on
 * two cores the four took turns with the main thread, which then waited for
 * them, and a 150,000-word document took 20 % longer. `--` keeps arguments such as
 * `--format` from being read as Node.js options.
 */
export function snapshotArguments(blob: string, argv: readonly string[]): string[] {
  return ['--v8-pool-size=0', '--snapshot-blob', blob, '--', ...argv]
}

/** The path of the snapshot in `directory` if it is current: built by this Node.js, from files unchanged since. */
export function currentSnapshot(directory = snapshotDirectory): string | undefined {
  try {
    const meta = JSON.parse(readFileSync(metaIn(directory), 'utf8')) as SnapshotMeta
    if (meta.node !== process.version || meta.arch !== process.arch) return undefined
    const blob = blobIn(directory)
    if (statSync(blob).mtimeMs < meta.builtAt) return undefined
    for (const input of meta.inputs) {
      if (statSync(input).mtimeMs >= meta.builtAt) return undefined
    }
    return blob
  } catch {
    // No snapshot built, or an input is gone: start from the modules.
    return undefined
  }
}
