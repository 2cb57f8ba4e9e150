// Code actions for blamelint diagnostics: apply a suggested rewording, or
// turn the rule off for one line or the whole file with a control comment
// (see packages/core/src/control.ts).
import {parseDocument, type Document, type InputFormat} from 'blamelint'
import {CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {DiagnosticData} from './diagnostics.js'

export interface CodeActionOptions {
  /**
   * Tie edits to the document's version (`documentChanges`), so a client
   * refuses them once the text has changed instead of misplacing them.
   */
  versioned?: boolean
}

/** Code actions for blamelint's diagnostics among `diagnostics`. */
export function codeActions(document: TextDocument, format: InputFormat, diagnostics: Diagnostic[], options: CodeActionOptions = {}): CodeAction[] {
  const action = (title: string, edits: TextEdit[], diagnostic: Diagnostic, isPreferred?: boolean): CodeAction => {
    const edit: WorkspaceEdit = options.versioned
      ? {documentChanges: [{textDocument: {uri: document.uri, version: document.version}, edits}]}
      : {changes: {[document.uri]: edits}}
    const fix: CodeAction = {title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit}
    if (isPreferred) fix.isPreferred = true
    return fix
  }
  const ours = diagnostics.filter((diagnostic) => diagnostic.source === 'blamelint' && typeof diagnostic.code === 'string')
  const fixes: CodeAction[] = []
  const lines: CodeAction[] = []
  const files: CodeAction[] = []
  const seen = new Set<string>()
  const once = (key: string) => !seen.has(key) && Boolean(seen.add(key))
  const comments = new ControlComments(document, format)
  for (const diagnostic of ours) {
    const rule = diagnostic.code as string
    fixes.push(...quickFixes(document, diagnostic).map(({title, edits, preferred}) => action(title, edits, diagnostic, preferred)))
    if (rule === 'unknown-rule') continue
    const line = diagnostic.range.start.line
    if (once(`line:${rule}:${line}`)) {
      const edit = comments.disableLine(rule, line)
      if (edit) lines.push(action(`Disable ${rule} for this line`, [edit], diagnostic))
    }
    if (once(`file:${rule}`)) {
      const edit = comments.disableFile(rule)
      if (edit) files.push(action(`Disable ${rule} in this file`, [edit], diagnostic))
    }
  }
  return [...fixes, ...lines, ...files]
}

/** One quick fix per `expected` suggestion: replace the flagged text, or remove it. */
function quickFixes(document: TextDocument, diagnostic: Diagnostic): Array<{title: string; edits: TextEdit[]; preferred: boolean}> {
  const {expected = []} = (diagnostic.data ?? {}) as DiagnosticData
  const actual = document.getText(diagnostic.range)
  const preferred = expected.length === 1
  return expected.map((suggestion) => {
    if (suggestion === '') return {title: `Remove “${actual}”`, edits: [{range: removalRange(document, diagnostic.range), newText: ''}], preferred}
    // The engine already fits suggestions to the sentence (articles, capitals).
    return {title: `Replace “${actual}” with “${suggestion}”`, edits: [{range: diagnostic.range, newText: suggestion}], preferred}
  })
}

/** The range to delete when removing `range`: with one of the spaces around it, so no double space is left. */
function removalRange(document: TextDocument, range: Range): Range {
  const text = document.getText()
  const start = document.offsetAt(range.start)
  const end = document.offsetAt(range.end)
  if (text[end] === ' ' && (start === 0 || /\s/.test(text[start - 1]))) return {start: range.start, end: document.positionAt(end + 1)}
  if (text[start - 1] === ' ' && !/\w/.test(text[end] ?? '')) return {start: document.positionAt(start - 1), end: range.end}
  return range
}

/** A list marker (`-`, `*`, `+`, `1.`, `1)`) or block quote marker, with what follows it. */
const containerPrefix = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*/
const nextLineComment = /^([ \t>]*)<!--\s*blamelint-disable-next-line\s+([^\s>-][^>]*?)\s*-->[ \t]*$/
const fileComment = /^<!--\s*blamelint-disable\s+([^\s>-][^>]*?)\s*-->[ \t]*$/
const frontmatter = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)[\s\S]*?(?:\r\n|\r|\n)\1[ \t]*(?:\r\n|\r|\n|$)/
const doctype = /^\s*<!doctype[^>]*>[ \t]*(?:\r\n|\r|\n|$)/i

/** Whether a control comment's ids end in `-- reason` (then rules are not added to it). */
const hasReason = (ids: string) => /(?:^|\s)--(?:\s|$)/.test(ids)

interface Candidate {
  edit: TextEdit
  /** Offset in the edited text where the control comment starts. */
  comment: number
}

/**
 * Places control comments where they keep the document's structure. A
 * comment line is only right in some places: in Markdown it splits a
 * paragraph, ends a table or a list, so each candidate placement is parsed
 * and kept only when the comment is read as one and every block, section and
 * action item is as before.
 */
class ControlComments {
  private readonly text: string
  private readonly lines: string[]
  private readonly eol: string
  private shapeOfText: string[] | undefined

  constructor(
    private readonly document: TextDocument,
    private readonly format: InputFormat
  ) {
    this.text = document.getText()
    this.lines = this.text.split(/\r\n|\r|\n/)
    this.eol = /\r\n|\r|\n/.exec(this.text)?.[0] ?? '\n'
  }

  /** `<!-- blamelint-disable-next-line rule -->` above `line`, or `-disable-line` at its end. */
  disableLine(rule: string, line: number): TextEdit | undefined {
    const text = this.lines[line] ?? ''
    const candidates: Candidate[] = []
    const above = nextLineComment.exec(this.lines[line - 1] ?? '')
    if (above && !hasReason(above[2])) {
      // Add the rule to a comment already there.
      const ids = above[2].split(/[\s,]+/)
      const start = this.document.offsetAt({line: line - 1, character: 0})
      if (!ids.includes(rule)) {
        const newText = `${above[1]}<!-- blamelint-disable-next-line ${[...ids, rule].join(' ')} -->`
        candidates.push({edit: {range: {start: {line: line - 1, character: 0}, end: {line: line - 1, character: this.lines[line - 1].length}}, newText}, comment: start + above[1].length})
      }
    }
    // A list item's comment is indented to its content, so it stays in the list.
    const prefix = containerPrefix.exec(text)![0].replace(/[-*+\d.)]/g, ' ')
    const lineStart = this.document.offsetAt({line, character: 0})
    candidates.push({
      edit: {range: {start: {line, character: 0}, end: {line, character: 0}}, newText: `${prefix}<!-- blamelint-disable-next-line ${rule} -->${this.eol}`},
      comment: lineStart + prefix.length
    })
    // Inline: in a table row's last cell, or before a hard break (trailing spaces, a backslash).
    const tail = /\|[ \t]*$/.test(text) ? /[ \t]*\|[ \t]*$/ : /(?:(?<!\\)\\|[ \t]*)$/
    const at = tail.exec(text)!.index
    const inline = ` <!-- blamelint-disable-line ${rule} -->`
    candidates.push({edit: {range: {start: {line, character: at}, end: {line, character: at}}, newText: inline}, comment: lineStart + at + 1})
    return this.first(candidates)
  }

  /** `<!-- blamelint-disable rule -->` at the top (after front matter or a doctype). */
  disableFile(rule: string): TextEdit | undefined {
    const skip = (this.format === 'markdown' ? frontmatter : this.format === 'html' ? doctype : undefined)?.exec(this.text)?.[0].length ?? 0
    const position = this.document.positionAt(skip)
    const candidates: Candidate[] = []
    const existing = fileComment.exec(this.lines[position.line] ?? '')
    if (existing && !hasReason(existing[1])) {
      const ids = existing[1].split(/[\s,]+/)
      if (ids.includes(rule)) return undefined
      const range = {start: position, end: {line: position.line, character: this.lines[position.line].length}}
      candidates.push({edit: {range, newText: `<!-- blamelint-disable ${[...ids, rule].join(' ')} -->`}, comment: skip})
    }
    const comment = `<!-- blamelint-disable ${rule} -->`
    // Its own paragraph: followed by a blank line, unless one follows already.
    const blankAfter = /^[ \t]*(?:\r\n|\r|\n)/.test(this.text.slice(skip))
    for (const newText of blankAfter ? [`${comment}${this.eol}`] : [`${comment}${this.eol}${this.eol}`, `${comment}${this.eol}`]) {
      candidates.push({edit: {range: {start: position, end: position}, newText}, comment: skip})
    }
    return this.first(candidates)
  }

  private first(candidates: Candidate[]): TextEdit | undefined {
    return candidates.find((candidate) => this.keepsStructure(candidate))?.edit
  }

  private keepsStructure({edit, comment}: Candidate): boolean {
    const start = this.document.offsetAt(edit.range.start)
    const edited = this.text.slice(0, start) + edit.newText + this.text.slice(this.document.offsetAt(edit.range.end))
    const parsed = parseDocument(edited, this.format)
    if (!parsed.comments.some((found) => found.start + found.value.length - found.value.trimStart().length === comment)) return false
    this.shapeOfText ??= shape(parseDocument(this.text, this.format).document)
    const after = shape(parsed.document)
    return after.length === this.shapeOfText.length && after.every((entry, index) => entry === this.shapeOfText![index])
  }
}

/** Comments removed and white space collapsed (plain text keeps comments in its prose). */
const withoutComments = (text: string) => text.replace(/<!--[\s\S]*?-->/g, ' ').replace(/\s+/g, ' ').trim()

/** What the rules see of a document's structure, except control comments. */
function shape(document: Document): string[] {
  const path = (titles: string[]) => titles.map(withoutComments).filter(Boolean).join(' > ')
  return [
    ...document.blocks.map((block) => [block.kind, block.quoted, path(block.section.path), withoutComments(block.text)]).filter((entry) => entry[3]),
    ...document.actionItems.map((item) => ['action item', item.kind, item.depth, withoutComments(item.text)]).filter((entry) => entry[3])
  ].map((entry) => entry.join('|'))
}
