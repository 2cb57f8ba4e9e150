// Lint an editor's document and turn blamelint's messages into LSP
// diagnostics.
import {fileURLToPath} from 'node:url'
import {formatFromPath, severityOf, type InputFormat, type Linter} from 'blamelint'
import {DiagnosticSeverity, type Diagnostic} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'

export type Message = ReturnType<Linter['lint']>['messages'][number]

/** What a diagnostic carries for its code actions. */
export interface DiagnosticData {
  /** The flagged text. */
  actual?: string
  /** Replacements (`''` = remove). */
  expected?: string[]
}

/** Input formats by LSP language id (`text` is Neovim's and Helix's plain text). */
const formatsByLanguage: Record<string, InputFormat> = {markdown: 'markdown', plaintext: 'text', text: 'text', html: 'html'}

/** The file behind a `file:` URI; other schemes (untitled buffers) have none. */
export function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined
}

/** The input format of a document, or undefined when blamelint does not lint it. */
export function formatOf(document: Pick<TextDocument, 'languageId' | 'uri'>): InputFormat | undefined {
  const path = pathOf(document.uri)
  return formatsByLanguage[document.languageId] ?? (path ? formatFromPath(path) : undefined)
}

const severities = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  // Style advice: shown, but quieter than a warning (VS Code hides most hints).
  suggestion: DiagnosticSeverity.Information
}

/** An LSP diagnostic for a message; ranges come from offsets, so they are UTF-16 exact. */
export function toDiagnostic(message: Message, document: TextDocument): Diagnostic {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : start
  const position = (point: typeof start) =>
    point?.offset !== undefined
      ? document.positionAt(point.offset)
      : {line: Math.max((point?.line ?? 1) - 1, 0), character: Math.max((point?.column ?? 1) - 1, 0)}
  const data: DiagnosticData = {actual: message.actual, expected: message.expected}
  const diagnostic: Diagnostic = {
    range: {start: position(start), end: position(end)},
    severity: severities[severityOf(message)],
    message: message.note ? `${message.reason}\n${message.note}` : message.reason,
    source: 'blamelint',
    data
  }
  if (message.ruleId) diagnostic.code = message.ruleId
  if (message.url) diagnostic.codeDescription = {href: message.url}
  return diagnostic
}

/** Lint a document with the configuration nearest to its file. Throws on a broken config. */
export function lintDocument(linter: Linter, document: TextDocument, format: InputFormat): Diagnostic[] {
  const file = linter.lint(document.getText(), {filePath: pathOf(document.uri), format})
  return file.messages.map((message) => toDiagnostic(message, document))
}
