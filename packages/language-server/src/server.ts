// The language server: lints open Markdown, plain-text and HTML documents on
// open and (debounced) on change, publishes diagnostics, offers code actions
// and re-lints when a configuration file changes.
import {readFileSync} from 'node:fs'
import {basename} from 'node:path'
import {BlamelintError, configFileNames, Linter} from 'blamelint'
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic
} from 'vscode-languageserver'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {codeActions} from './actions.js'
import {formatOf, lintDocument} from './diagnostics.js'

export const version: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}).version

/** Settings a client may pass as `initializationOptions`. */
export interface InitializationOptions {
  /** Milliseconds to wait after the last change before re-linting (default 150). */
  debounce?: number
}

const defaultDebounce = 150

/**
 * The published diagnostic a client sent back with a code-action request, or
 * undefined when it is not (or no longer) one of them. Clients do not always
 * return ranges as they got them (Neovim 0.7 sends byte columns), so the
 * server's own range and data are used.
 */
function ownDiagnostic(published: Diagnostic[], diagnostic: Diagnostic): Diagnostic | undefined {
  const candidates = published.filter((own) => own.code === diagnostic.code && own.range.start.line === diagnostic.range.start.line)
  const distance = (own: Diagnostic) => (own.message === diagnostic.message ? 0 : 1e6) + Math.abs(own.range.start.character - diagnostic.range.start.character)
  return candidates.sort((a, b) => distance(a) - distance(b))[0]
}

/** Serve blamelint over `connection` until the client exits. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const linter = new Linter()
  const timers = new Map<string, NodeJS.Timeout>()
  /** Diagnostics last published, by URI. */
  const published = new Map<string, Diagnostic[]>()
  /** Errors already shown in a window message, until the configuration changes. */
  const shown = new Set<string>()
  let debounce = defaultDebounce
  let watchesFiles = false
  let versioned = false

  connection.onInitialize((params) => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions
    if (typeof options.debounce === 'number' && options.debounce >= 0) debounce = options.debounce
    watchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    versioned = params.capabilities.workspace?.workspaceEdit?.documentChanges === true
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix]}
      },
      serverInfo: {name: 'blamelint-language-server', version}
    }
  })

  connection.onInitialized(() => {
    if (!watchesFiles) return
    connection.client
      .register(DidChangeWatchedFilesNotification.type, {watchers: configFileNames.map((name) => ({globPattern: `**/${name}`}))})
      .catch((error: unknown) => connection.console.error(`blamelint: cannot watch configuration files: ${String(error)}`))
  })

  /** Show an error once (a broken config would otherwise pop up on every keystroke). */
  const showOnce = (message: string) => {
    if (shown.has(message)) return
    shown.add(message)
    // A notification, not `window.showErrorMessage`: that is a request, which not every client answers.
    void connection.sendNotification(ShowMessageNotification.type, {type: MessageType.Error, message: `blamelint: ${message}`})
  }

  const validate = (uri: string) => {
    const document = documents.get(uri)
    const format = document && formatOf(document)
    if (!document || !format) return
    // Without file watching, read configuration files afresh on every lint.
    if (!watchesFiles) linter.clearCache()
    let diagnostics: Diagnostic[]
    try {
      diagnostics = lintDocument(linter, document, format)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (error instanceof BlamelintError) {
        showOnce(message)
        diagnostics = [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, severity: DiagnosticSeverity.Error, source: 'blamelint', code: 'config', message: `Invalid configuration: ${message}`}]
      } else {
        connection.console.error(`blamelint: linting ${uri} failed: ${error instanceof Error ? error.stack : message}`)
        showOnce(`linting failed: ${message}`)
        return
      }
    }
    published.set(uri, diagnostics)
    void connection.sendDiagnostics({uri, version: document.version, diagnostics})
  }

  const cancel = (uri: string) => {
    clearTimeout(timers.get(uri))
    timers.delete(uri)
  }

  /** Documents whose first content event (the open) is still to come: linted at once, not debounced. */
  const opening = new Set<string>()
  documents.onDidOpen((event) => opening.add(event.document.uri))

  documents.onDidChangeContent((event) => {
    const {uri} = event.document
    cancel(uri)
    if (opening.delete(uri)) return validate(uri)
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri)
        validate(uri)
      }, debounce)
    )
  })

  documents.onDidClose((event) => {
    const {uri} = event.document
    cancel(uri)
    opening.delete(uri)
    published.delete(uri)
    void connection.sendDiagnostics({uri, diagnostics: []})
  })

  connection.onDidChangeWatchedFiles((params) => {
    if (!params.changes.some((change) => configFileNames.includes(basename(change.uri)))) return
    linter.clearCache()
    shown.clear()
    for (const document of documents.all()) validate(document.uri)
  })

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri)
    const format = document && formatOf(document)
    if (!document || !format) return []
    // Ranges must fit the current text: lint now if a lint is pending.
    if (timers.has(document.uri)) {
      cancel(document.uri)
      validate(document.uri)
    }
    const own = published.get(document.uri) ?? []
    const diagnostics = params.context.diagnostics.flatMap((diagnostic) => ownDiagnostic(own, diagnostic) ?? [])
    return codeActions(document, format, diagnostics, {versioned})
  })

  connection.onShutdown(() => {
    for (const uri of timers.keys()) cancel(uri)
  })

  documents.listen(connection)
  connection.listen()
}
