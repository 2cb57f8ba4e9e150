#!/usr/bin/env node
// Builds the VS Code extension into a .vsix without network access:
//
//     pnpm build && pnpm --filter blamelint-vscode package [--out file.vsix]
//
// 1. esbuild bundles the client (src/extension.ts) into dist/extension.js.
// 2. `pnpm deploy` copies the language server with its production
//    dependencies from the local store into server/ (the rules read their
//    phrase tables from files beside them, so the server is not bundled).
// 3. vsce packs it all (`--no-dependencies`: nothing is left to resolve).
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync, readdirSync, rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const extension = fileURLToPath(new URL('..', import.meta.url))
const workspace = join(extension, '..', '..')
const server = join(extension, 'server')
// `pnpm run package -- --out x` passes the `--` on.
const args = process.argv.slice(2).filter((arg) => arg !== '--')
const {values} = parseArgs({args, options: {out: {type: 'string', default: join(extension, 'blamelint.vsix')}}})

// The pnpm that runs this (`pnpm run package`, `pnpm test`: CI may start it with npx), else the one on PATH.
const execpath = process.env.npm_execpath ?? ''
const [pnpmCommand, ...pnpmArgs] = /pnpm\.[cm]?js$/.test(execpath) ? [process.execPath, execpath] : ['pnpm']
const pnpm = (args, cwd = extension) => execFileSync(pnpmCommand, [...pnpmArgs, ...args], {cwd, stdio: ['ignore', 'inherit', 'inherit']})

pnpm(['run', 'bundle'])

rmSync(server, {recursive: true, force: true})
pnpm(
  ['--filter', '@blamelint/language-server', 'deploy', '--prod', '--offline', '--legacy', '--ignore-scripts', '--config.node-linker=hoisted', '--config.auto-install-peers=false', server],
  workspace
)
prune(server)

pnpm(['exec', 'vsce', 'package', '--no-dependencies', '--skip-license', '--out', values.out])

/**
 * Remove what the server does not need at run time: `pnpm deploy` also
 * installs optional peers and the workspace root's optional dependencies.
 * What is kept is the closure of the server's dependencies, resolved as
 * Node resolves them (nested node_modules first).
 */
function prune(root) {
  const modules = join(root, 'node_modules')
  const needed = new Set()
  const resolve = (from, name) => {
    for (let directory = from; directory.startsWith(root); directory = dirname(directory)) {
      const candidate = join(directory, 'node_modules', name)
      if (existsSync(join(candidate, 'package.json'))) return candidate
      if (directory === root) break
    }
    return undefined
  }
  const visit = (directory) => {
    const {dependencies, optionalDependencies} = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'))
    for (const name of Object.keys({...dependencies, ...optionalDependencies})) {
      const found = resolve(directory, name)
      if (!found || needed.has(found)) continue
      needed.add(found)
      visit(found)
    }
  }
  visit(root)
  for (const entry of readdirSync(modules)) {
    const names = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((name) => `${entry}/${name}`) : [entry]
    for (const name of names) if (!name.startsWith('.') && !needed.has(join(modules, name))) rmSync(join(modules, name), {recursive: true, force: true})
  }
  rmSync(join(modules, '.bin'), {recursive: true, force: true})
}
