// Starts blamelint-language-server for Markdown, plain text and HTML files.
// The server ships inside the extension (server/, see scripts/package.mjs);
// when run from the repository it uses packages/language-server.
import {existsSync} from 'node:fs'
import {workspace, type ExtensionContext} from 'vscode'
import {LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node'

let client: LanguageClient | undefined

export async function activate(context: ExtensionContext): Promise<void> {
  const bundled = context.asAbsolutePath('server/dist/bin.js')
  const module = existsSync(bundled) ? bundled : context.asAbsolutePath('../language-server/dist/bin.js')
  const serverOptions: ServerOptions = {module, transport: TransportKind.ipc}
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['markdown', 'plaintext', 'html'].flatMap((language) => [
      {scheme: 'file', language},
      {scheme: 'untitled', language}
    ]),
    initializationOptions: {debounce: workspace.getConfiguration('blamelint').get<number>('debounce')}
  }
  client = new LanguageClient('blamelint', 'blamelint', serverOptions, clientOptions)
  await client.start()
}

export async function deactivate(): Promise<void> {
  await client?.stop()
}
