// A minimal LSP client for the end-to-end tests, on vscode-languageserver-
// protocol (the protocol layer of VS Code's own client): it starts the
// server as a process speaking over stdio.
import {spawn, type ChildProcess} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  type CodeAction,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type Range,
  type ShowMessageParams,
  type TextEdit
} from 'vscode-languageserver-protocol'
import {createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection} from 'vscode-languageserver-protocol/node'

export const serverBin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))

export class TestClient {
  readonly connection: ProtocolConnection
  readonly process: ChildProcess
  /** Every diagnostics notification, in order. */
  readonly published: PublishDiagnosticsParams[] = []
  readonly messages: ShowMessageParams[] = []
  readonly registrations: string[] = []
  stderr = ''
  private waiters: Array<() => void> = []

  constructor(command = process.execPath, args = [serverBin, '--stdio'], cwd?: string) {
    this.process = spawn(command, args, {cwd, stdio: ['pipe', 'pipe', 'pipe']})
    this.process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)))
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!))
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.record(() => this.published.push(params)))
    this.connection.onNotification(ShowMessageNotification.type, (params) => this.record(() => this.messages.push(params)))
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((registration) => registration.method))
      return null
    })
    this.connection.listen()
  }

  private record(add: () => void) {
    add()
    for (const wake of this.waiters.splice(0)) wake()
  }

  async initialize(initializationOptions: object = {debounce: 20}, workspace: object = {}): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: {didChangeWatchedFiles: {dynamicRegistration: true}, ...workspace},
        textDocument: {publishDiagnostics: {versionSupport: true, codeDescriptionSupport: true, dataSupport: true}}
      },
      initializationOptions
    })
    await this.connection.sendNotification(InitializedNotification.type, {})
    return result
  }

  /** Resolve with the first notification (already received or coming) that satisfies `test`. */
  async waitFor<T>(find: () => T | undefined, what: string, timeout = 20_000): Promise<T> {
    const deadline = Date.now() + timeout
    for (;;) {
      const found = find()
      if (found !== undefined) return found
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server stderr:\n${this.stderr}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  /** The diagnostics published for `version` of `uri` (the last ones when `version` is undefined). */
  diagnostics(uri: string, version?: number): Promise<Diagnostic[]> {
    return this.waitFor(
      () => this.published.findLast((params) => params.uri === uri && (version === undefined || params.version === version))?.diagnostics,
      `diagnostics for ${uri} v${version}`
    )
  }

  /** Wait for diagnostics published after `count` notifications. */
  next(uri: string, count = this.published.length): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.published.slice(count).find((params) => params.uri === uri), `new diagnostics for ${uri}`)
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId, version, text}})
  }

  change(uri: string, version: number, edits: TextEdit[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: {uri, version},
      contentChanges: edits.map((edit) => ({range: edit.range, text: edit.newText}))
    })
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, {textDocument: {uri}})
  }

  filesChanged(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes})
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    return this.connection.sendRequest(CodeActionRequest.type, {textDocument: {uri}, range, context: {diagnostics}}) as Promise<CodeAction[]>
  }

  /** Shut the server down; resolves with its exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)))
    await this.connection.sendRequest(ShutdownRequest.type)
    await this.connection.sendNotification(ExitNotification.type)
    const code = await exited
    this.connection.dispose()
    return code
  }

  kill(): void {
    this.connection.dispose()
    this.process.kill()
  }
}

/** Apply LSP text edits to `text` (edits must not overlap). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const offset = (position: {line: number; character: number}) => {
    let at = 0
    for (let line = 0; line < position.line; line++) {
      const match = /\r\n|\r|\n/.exec(text.slice(at))
      at += match ? match.index + match[0].length : text.length - at
    }
    return at + position.character
  }
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
  for (const edit of sorted) text = text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end))
  return text
}
