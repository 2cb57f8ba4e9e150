// `pnpm build`: compile the TypeScript, then the data files, then the startup
// snapshot, each step needing the one before.
import {spawnSync} from 'node:child_process'
import {createRequire} from 'node:module'

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
const {status} = spawnSync(process.execPath, [tsc, '-b'], {stdio: 'inherit'})
if (status !== 0) process.exit(status ?? 1)
await import('./compile-data.mjs')
await import('./build-snapshot.mjs')
