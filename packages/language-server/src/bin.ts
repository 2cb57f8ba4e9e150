#!/usr/bin/env node
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node'
import {startServer, version} from './server.js'

const usage = `Usage: blamelint-language-server --stdio

The blamelint language server (LSP): diagnostics for blameful phrases in
Markdown, plain text and HTML, with quick fixes. Start it from your editor.

Transports: --stdio, --node-ipc, --socket=<port>, --pipe=<name>
  -v, --version  Print the version
  -h, --help     Print this help`

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${usage}\n`)
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${version}\n`)
} else if (!args.some((arg) => /^--(stdio|node-ipc|socket|pipe)/.test(arg))) {
  process.stderr.write(`blamelint-language-server: choose a transport\n\n${usage}\n`)
  process.exitCode = 2
} else {
  // Keep serving when a reply the server waits for fails (an editor may not answer a request).
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`blamelint-language-server: ${reason instanceof Error ? reason.stack : String(reason)}\n`)
  })
  startServer(createConnection(ProposedFeatures.all))
}
