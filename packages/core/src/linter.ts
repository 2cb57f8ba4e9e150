import {extname} from 'node:path'
import type {Nodes} from 'nlcst'
import {VFile} from 'vfile'
import {location as createLocation} from 'vfile-location'
import {VFileMessage} from 'vfile-message'
import {compareText} from './compare.js'
import {isSuppressed, parseDirectives} from './control.js'
import {resolveConfig} from './config.js'
import {isStackOverflow, limitNesting, nestingLimit, withoutTags} from './parse/limits.js'
import {parseHtml} from './parse/html.js'
import {parseMarkdown} from './parse/markdown.js'
import {parseText} from './parse/text.js'
import type {PartSink} from './parse/builder.js'
import type {Comment} from './parse/comments.js'
import type {Document, InputFormat, LintOptions, Report, Rule, RuleListener, Severity, Span} from './types.js'

const formatsByExtension: Record<string, InputFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.mkdn': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.txt': 'text',
  '.text': 'text'
}

/** The input format a file name implies, if any. */
export function formatFromPath(path: string): InputFormat | undefined {
  return formatsByExtension[extname(path).toLowerCase()]
}

/** Where markup nested too deeply to parse as such was read as text. */
export interface NestingNotice {
  /** 1-based line where it starts. */
  line: number
  /** Whether the whole document was read as plain text. */
  plainText: boolean
}

function parseFormat(source: string, format: InputFormat, parts: PartSink): Comment[] {
  switch (format) {
    case 'html':
      return parseHtml(source, parts)
    case 'text':
      return parseText(source, parts)
    default:
      return parseMarkdown(source, parts)
  }
}

/**
 * Parse source text into the document model, handing its parts to `parts`;
 * returns its HTML comments. Markup nested deeper than `nestingLimit` is
 * read as text (`nesting` says where), so no input overflows the stack: when
 * it does, and `restart` agrees, the document is parsed again as text.
 */
function parseParts(source: string, format: InputFormat, parts: PartSink, restart: () => boolean): {comments: Comment[]; nesting?: NestingNotice} {
  const limited = limitNesting(source, format)
  try {
    const comments = parseFormat(limited?.text ?? source, format, parts)
    return limited ? {comments, nesting: {line: limited.line, plainText: false}} : {comments}
  } catch (error) {
    if (!isStackOverflow(error) || !restart()) throw error
    return {comments: parseText(format === 'html' ? withoutTags(source) : source, parts), nesting: {line: 1, plainText: true}}
  }
}

/** Parse source text into the document model (in one part), with its HTML comments. */
export function parseDocument(source: string, format: InputFormat = 'markdown'): {document: Document; comments: Comment[]; nesting?: NestingNotice} {
  let document: Document | undefined
  const parsed = parseParts(source, format, {size: Infinity, take: (part) => (document = part)}, () => true)
  return {document: document!, ...parsed}
}

/**
 * Characters of prose per part of a long document. Each part's trees are
 * dropped once the rules have seen it, so memory stays flat however long the
 * document is; parts much smaller than this cost time (see docs/performance.md).
 */
const defaultPartSize = 100_000

/** vfile-message's `fatal`: true = error, false = warning, undefined = info. */
const fatalBySeverity: Record<Exclude<Severity, 'off'>, boolean | undefined> = {
  error: true,
  warning: false,
  suggestion: undefined
}

/** The severity of a message, read back from `fatal`. */
export function severityOf(message: VFileMessage): Exclude<Severity, 'off'> {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'suggestion'
}

/** How many of `messages` there are of each severity. */
export function countBySeverity(messages: Iterable<VFileMessage>): Record<Exclude<Severity, 'off'>, number> {
  const counts = {error: 0, warning: 0, suggestion: 0}
  for (const message of messages) counts[severityOf(message)]++
  return counts
}

function spanOfReport(report: Report): Span | undefined {
  if (report.span) return report.span
  const nodes = (Array.isArray(report.node) ? report.node : report.node ? [report.node] : []) as Nodes[]
  const start = nodes[0]?.position?.start.offset
  const end = nodes[nodes.length - 1]?.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}

/**
 * `make()`, with no stack trace recorded for the Errors it creates. A
 * VFileMessage is an Error, which records the stack it was made on, and
 * vfile-message then sets its `stack` to '': made this way, a message is
 * about four times cheaper. `Error.stackTraceLimit` is left as it was, absent
 * included (as while the startup snapshot is built: a limit set then would
 * replace Node.js's own in every process started from it).
 */
export function withoutStackTrace<T>(make: () => T): T {
  const limit = Error.stackTraceLimit
  if (typeof limit !== 'number' || limit === 0) return make()
  Error.stackTraceLimit = 0
  try {
    return make()
  } finally {
    Error.stackTraceLimit = limit
  }
}

/**
 * Lint `text` with `rules`. Returns a VFile whose `messages` are the
 * problems found, sorted by position, after control comments and `allow`.
 */
export function lintText(text: string, rules: Rule[], options: LintOptions = {}): VFile {
  const file = new VFile({path: options.filePath, value: text})
  const format = options.format ?? (options.filePath ? formatFromPath(options.filePath) : undefined) ?? 'markdown'
  const config = options.config ?? resolveConfig(rules)
  const location = createLocation(text)
  const allowed = new Set(config.allow.map((entry) => entry.toLowerCase()))

  const create = (reason: string, span: Span | undefined, ruleId: string, url: string | undefined, severity: Exclude<Severity, 'off'>) => {
    const start = span ? location.toPoint(span.start) : undefined
    const end = span ? location.toPoint(span.end) : undefined
    const message = withoutStackTrace(() => new VFileMessage(reason, {place: start && end ? {start, end} : start, ruleId, source: 'blamelint'}))
    message.url = url
    message.fatal = fatalBySeverity[severity]
    message.file = file.path ?? ''
    return message
  }

  // A long document repeats a few dozen reasons thousands of times, each built
  // afresh by its rule: one shared copy of each keeps the messages small.
  const reasons = new Map<string, string>()
  const shared = (reason: string) => {
    const known = reasons.get(reason)
    if (known !== undefined) return known
    reasons.set(reason, reason)
    return reason
  }

  /** Rule messages, before the disable comments (found as the document is parsed) are applied. */
  let reported: VFileMessage[] = []
  let listeners: RuleListener[] = []
  const start = () => {
    reported = []
    listeners = rules.flatMap((rule) => {
      const setting = config.rules[rule.meta.id]
      if (!setting || setting.severity === 'off') return []
      const {severity} = setting
      return rule.create({
        options: setting.options,
        settings: config.settings,
        report(report) {
          if (report.found !== undefined && allowed.has(report.found.toLowerCase())) return
          const span = spanOfReport(report)
          const message = create(shared(report.message), span, rule.meta.id, rule.meta.url, severity)
          message.actual = report.actual ?? (span ? text.slice(span.start, span.end) : undefined)
          message.expected = report.expected
          message.note = report.note
          if (message.actual === undefined || !allowed.has(message.actual.toLowerCase())) reported.push(message)
        }
      })
    })
  }
  start()
  const size = options.partSize ?? defaultPartSize
  if (!(size > 0)) throw new TypeError(`partSize must be a positive number, got ${size}`)
  let rulesRunning = false
  const take = (part: Document) => {
    rulesRunning = true
    for (const listener of listeners) listener.part(part)
    rulesRunning = false
  }
  const restart = () => {
    // A stack overflow in a rule is the rule's bug, not deep nesting: thrown, not read as plain text.
    if (rulesRunning) return false
    start()
    return true
  }
  const {comments, nesting} = parseParts(text, format, {size, take}, restart)
  for (const listener of listeners) listener.finish?.()

  const messages: VFileMessage[] = []
  const directives = parseDirectives(comments, location)
  const known = new Set(rules.map((rule) => rule.meta.id))
  for (const directive of directives) {
    for (const id of directive.ruleIds) {
      if (known.has(id)) continue
      const message = create(`Unknown rule \`${id}\` in a \`blamelint-${directive.kind}\` comment`, directive.comment, 'unknown-rule', undefined, 'warning')
      message.actual = id
      messages.push(message)
    }
  }
  if (nesting) {
    const reason = nesting.plainText
      ? `This document nests too deeply to parse as ${format}, so it was checked as plain text: sections, lists and action items were not recognised. Flatten the nesting to have its structure checked.`
      : `Markup nested more than ${nestingLimit} levels deep (lists, quotes, emphasis, brackets or HTML elements) was read as plain text from this line: its structure, such as list and action items, was not recognised. Flatten the nesting to have it checked.`
    const start = location.toOffset({line: nesting.line, column: 1}) ?? 0
    messages.push(create(reason, {start, end: start}, 'nesting-limit', undefined, 'warning'))
  }
  for (const message of reported) if (!isSuppressed(message, directives)) messages.push(message)

  messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compareText(String(a.ruleId), String(b.ruleId)))
  // A loop, not push(...messages): spreading 100,000 messages overflows the stack.
  for (const message of messages) file.messages.push(message)
  return file
}
