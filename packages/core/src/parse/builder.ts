// Collects blocks, sections, sentences and action items while a format
// walker (markdown, HTML, plain text) visits a document in source order.
import type {Paragraph, Sentence as NlcstSentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {
  ActionItem,
  ActionItemField,
  ActionItemKind,
  Block,
  BlockKind,
  Document,
  InputFormat,
  Section,
  Sentence,
  Span
} from '../types.js'
import {findComments} from './comments.js'
import {findLegends, itemsHolding, withoutGroupLabels, type ListRecord} from './groups.js'
import {toParagraph, type Segment} from './paragraph.js'
import {LineStarts} from './position.js'

// Action headings. A heading (or a part of it: "Lessons and action items") is
// an action heading when it is one of these terms, with a few words before
// it. Ambiguous terms ("actions", "tasks") only take qualifiers such as
// "Immediate", so "GitHub Actions budget" or "Background tasks" are not.
const strongTerm =
  '(?:action items?|action points?|action plan|follow[- ]?ups|follow[- ]up (?:actions|items|tasks|work)|remediation(?: (?:items|actions|tasks|steps|plan))?|(?:corrective|preventive|preventative) (?:actions?|measures?|steps)|next steps|to-?dos?)'
const weakTerm = '(?:actions|tasks|follow[- ]?up|remediations)'
const qualifier =
  '(?:immediate|short[- ]term|medium[- ]term|long[- ]term|near[- ]term|future|further|follow[- ]up|corrective|preventive|preventative|recommended|remaining|open|outstanding|pending|planned|proposed|agreed|next|key|our|additional|completed|done|mitigation|remediation|prevention|incident|review|team)'
const strongPart = new RegExp(`^(?:[\\p{L}\\p{N}'’/.-]+\\s+){0,3}${strongTerm}(?:\\s+(?:for|from|by|in|on|to|of)\\s.*)?$`, 'iu')
const weakPart = new RegExp(`^(?:${qualifier}\\s+){0,2}${weakTerm}$`, 'i')

/** A heading's parts: numbering, parentheticals and end punctuation removed, split at "and", "&", "/", ":". */
function headingParts(title: string): string[] {
  const text = title
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/^[^\p{L}]+|[^\p{L}\p{N})]+$/gu, '')
    .replace(/\b(corrective|preventive|preventative) (?:and|&) (?:corrective|preventive|preventative)\b/gi, '$1')
    .replace(/\s+/g, ' ')
  return text.split(/\s*(?:\band\b|&|\/|,|:|;|\s[-–—]\s|\+)\s*/i).filter(Boolean)
}

/** `AI:`, `Action:`, `TODO:` (and `Action item:`, `TODO(@kim):`) line prefixes. */
export const actionLinePrefix = /^[ \t]*(?:AI|Action(?: item)?|TODO|To-?do)(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*:[ \t]*/i

/** Column headers that hold the action text of an action-item table row. */
const actionColumn = /^(action( item)?s?|items?|tasks?|follow[- ]?ups?|description|what|title|summary|remediation|next steps?|to-?dos?)$/i

/** Column headers that give an action's owner, ticket or state. */
const detailColumn = /^(owners?|assignees?|who|dri|tickets?|bugs?|issues?|jira|links?|status|due|due date|priority)$/i

/** Whether cell texts name the columns of an action-item table ("Action | Owner | Ticket"). */
export function isActionTableHeader(cells: string[]): boolean {
  const names = cells.map((cell) => cell.trim())
  return names.some((name) => actionColumn.test(name)) && names.some((name) => detailColumn.test(name))
}

/**
 * A list item that is a field of its parent item ("Owner: @kim", "Ticket:
 * OPS-12"), not an action of its own.
 */
const fieldItem =
  /^[ \t]*(owners?|assignees?|assigned to|dri|responsible|lead|ticket|tickets|issue|issues|bug|bugs|jira|tracking|tracked in|tracker|link|links|pr|due|due date|deadline|eta|status|priority|severity|type)[ \t]*:[ \t]*(\S[\s\S]*)$/i

/** Longer headings are prose, and `headingParts` is quadratic on some long runs. */
const headingLength = 300

export function isActionHeading(title: string): boolean {
  return title.length <= headingLength && headingParts(title).some((part) => strongPart.test(part) || weakPart.test(part))
}

/** A paragraph that introduces a list of actions ("**Next steps:**"): only unambiguous terms. */
function isActionLeadIn(text: string): boolean {
  if (text.length > 60) return false
  const parts = headingParts(text)
  return parts.length === 1 && strongPart.test(parts[0])
}

export interface BlockOptions {
  kind: BlockKind
  segments: Segment[]
  quoted: boolean
}

/** A list item that is a field of its parent ("Owner: @kim"), kept until the parent is known. */
interface PendingField {
  name: string
  field: ActionItemField
  depth: number
}

/** Where a format walker hands the parts of a document (see `Document`). */
export interface PartSink {
  /** About how many characters of prose a part holds: the first top-level boundary past it ends the part. */
  size: number
  take(part: Document): void
}

export class DocumentBuilder {
  readonly source: string
  /** Where the source's lines start: node positions turn offsets into points with it. */
  readonly lines: LineStarts
  private readonly format: InputFormat
  private readonly parts: PartSink
  private stack: Section[] = []
  private section: Section
  // The part being built.
  private blocks: Block[] = []
  /** The sentences of each block of the part. */
  private sentencesOf = new Map<Block, Sentence[]>()
  private sections: Section[]
  /** Action items of the top-level blocks the part has so far, with their fields and group labels settled. */
  private actionItems: ActionItem[] = []
  /** Each list item's whole range, nested lists included: where its fields may sit. */
  private outer = new Map<ActionItem, Span>()
  /** Characters of prose in the part, and how many it takes before the part may end. */
  private prose = 0
  private proseToEnd: number
  private handedOver = false
  // The top-level block being walked.
  private unsettled: ActionItem[] = []
  private fields: PendingField[] = []
  /** Every list item, action or not: to tell whether a label's nested items are all actions. */
  private lists: ListRecord[] = []
  /** Blocks that are `AI:`-style line items. */
  private readonly lineItems = new Set<Block>()
  /** Whether the last paragraph introduced a list of actions ("Next steps:"). */
  private leadIn = false

  constructor(source: string, format: InputFormat, parts: PartSink) {
    this.source = source
    this.format = format
    this.parts = parts
    this.proseToEnd = parts.size
    this.lines = new LineStarts(source)
    this.section = {title: '', path: [], depth: 0, isActionSection: false}
    this.sections = [this.section]
  }

  /** Whether list items and table rows here are action items. */
  private get collectsActions(): boolean {
    return this.section.isActionSection || this.leadIn
  }

  /** Add a block; returns undefined when it holds no prose. */
  block({kind, segments: raw, quoted}: BlockOptions): Block | undefined {
    const segments = trimStart(raw.flatMap(splitLiterals), this.source)
    if (!segments.some((segment) => segment.kind === 'text' && /\S/.test(segment.value))) return undefined
    if (kind === 'paragraph' || kind === 'heading') this.leadIn = false
    const tree = toParagraph(segments, this.source, this.lines)
    // The text of each sentence (and white space between them), made once for the block's text and its sentences.
    const texts = tree.children.map((child) => toString(child))
    const block: Block = {
      kind,
      tree,
      text: texts.join(''),
      span: spanOf(tree) ?? {start: segments[0].start, end: segments[segments.length - 1].end},
      section: this.section,
      quoted
    }
    this.blocks.push(block)
    const sentences: Sentence[] = []
    tree.children.forEach((child, index) => {
      if (child.type === 'SentenceNode') sentences.push({node: child as NlcstSentence, text: texts[index], block, section: block.section})
    })
    this.sentencesOf.set(block, sentences)
    this.prose += block.text.length
    return block
  }

  /**
   * Add the blocks of a paragraph. Lines that start with `AI:`, `Action:` or
   * `TODO:` become blocks of their own, each an action item. A paragraph that
   * is only "Action items:" or "**Next steps**" makes the list after it one of
   * action items.
   */
  paragraph({kind, segments, quoted}: BlockOptions): Block[] {
    const lines = splitLines(segments, this.source)
    if (!lines.some((line) => actionPrefixLength(line) > 0)) {
      const block = this.block({kind, segments, quoted})
      if (block && kind === 'paragraph' && isActionLeadIn(block.text)) this.leadIn = true
      return block ? [block] : []
    }
    const blocks: Block[] = []
    let pending: Segment[] = []
    const flush = () => {
      const block = this.block({kind, segments: pending, quoted})
      if (block) blocks.push(block)
      pending = []
    }
    for (const line of lines) {
      const prefix = actionPrefixLength(line)
      if (!prefix) {
        for (const segment of line) pending.push(segment)
        continue
      }
      flush()
      const block = this.block({kind, segments: dropChars(line, prefix), quoted})
      if (block) {
        blocks.push(block)
        this.lineItems.add(block)
        this.actionItem('line', [block], {extent: {start: line[0].start, end: line[line.length - 1].end}})
      }
    }
    flush()
    return blocks
  }

  /** Open a section for a heading of `depth`. */
  heading(depth: number, segments: Segment[], quoted = false): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].depth >= depth) this.stack.pop()
    const parent = this.stack[this.stack.length - 1]
    const section: Section = {title: '', path: [], depth, isActionSection: false}
    this.section = section
    const block = this.block({kind: 'heading', segments, quoted})
    section.title = block ? block.text.trim() : ''
    section.path = [...(parent ? parent.path : []), section.title]
    section.isActionSection = isActionHeading(section.title) || Boolean(parent?.isActionSection)
    section.heading = block
    this.stack.push(section)
    this.sections.push(section)
  }

  /** Record an action item made of `blocks`. */
  actionItem(
    kind: ActionItemKind,
    blocks: Block[],
    extra: {columns?: Record<string, ActionItemField>; checked?: boolean; depth?: number; extent?: Span} = {}
  ): ActionItem | undefined {
    if (blocks.length === 0) return undefined
    const span = {start: blocks[0].span.start, end: blocks[blocks.length - 1].span.end}
    const item: ActionItem = {
      kind,
      text: blocks.map((block) => block.text).join('\n'),
      span,
      extent: extra.extent ?? span,
      blocks,
      sentences: [],
      columns: extra.columns ?? {},
      checked: extra.checked,
      depth: extra.depth ?? 0,
      section: this.section
    }
    this.unsettled.push(item)
    return item
  }

  /**
   * Record a list item: an action item when it is a task or sits under an
   * action heading, unless one of its lines is already an `AI:` item. A
   * nested "Owner: @kim" or "Ticket: OPS-12" item becomes a column of its
   * parent instead. `extent` is the item without its nested lists, `outer`
   * the item with them.
   */
  listItem(blocks: Block[], checked: boolean | undefined, depth: number, extent: Span, outer: Span = extent): void {
    this.lists.push({depth, outer})
    if (blocks.length === 0) return
    const field = checked === undefined ? fieldItem.exec(blocks.map((block) => block.text).join('\n')) : null
    if (field) {
      const span = {start: blocks[0].span.start, end: blocks[blocks.length - 1].span.end}
      if (depth > 0) this.fields.push({name: field[1].toLowerCase(), field: {text: field[2].trim(), span}, depth})
      return
    }
    if (checked === undefined && !this.collectsActions) return
    if (blocks.some((block) => this.lineItems.has(block))) return
    const item = this.actionItem(checked === undefined ? 'list' : 'task', blocks, {checked, depth, extent})
    if (item) this.outer.set(item, outer)
  }

  /**
   * Record a table row: under an action heading, each body row is an action
   * item whose text is the action column and whose other cells are columns.
   */
  tableRow(header: string[], cells: Array<Block | undefined>, extent?: Span): void {
    if (!this.collectsActions) return
    const names = header.map((name) => name.trim().toLowerCase())
    let actionIndex = names.findIndex((name) => actionColumn.test(name))
    if (actionIndex === -1) actionIndex = 0
    const action = cells[actionIndex]
    if (!action) return
    const columns: Record<string, ActionItemField> = {}
    names.forEach((name, index) => {
      const cell = cells[index]
      if (name && cell && index !== actionIndex) columns[name] = {text: cell.text, span: cell.span}
    })
    this.actionItem('table', [action], {columns, extent})
  }

  /**
   * Mark the end of a top-level block (a list, a table, a paragraph…): the
   * part may end here. It ends once it holds `parts.size` characters of
   * prose, unless a list in it may still turn out to be a legend of labels
   * used later (see `findLegends`); then it grows until it is decided.
   */
  boundary(): void {
    this.settle()
    if (this.prose < this.proseToEnd) return
    const {legends, open} = findLegends(this.actionItems, this.outer, this.source)
    if (open) this.proseToEnd = this.prose + this.parts.size
    else this.endPart(legends)
  }

  /** End the document: hand over its last part (an empty one only if it is the only one). */
  finish(): void {
    this.settle()
    if (this.blocks.length > 0 || this.sections.length > 0 || !this.handedOver) this.endPart(findLegends(this.actionItems, this.outer, this.source).legends)
  }

  /** Give the action items of the top-level block just walked their fields and group labels. */
  private settle(): void {
    if (this.unsettled.length > 0) this.settleItems()
    this.unsettled = []
    this.fields = []
    this.lists = []
    this.lineItems.clear()
  }

  private settleItems(): void {
    // Nested items are recorded after their parents' walk; keep source order.
    const items = this.unsettled.sort((a, b) => a.span.start - b.span.start)
    // A field belongs to the first item one level up whose range holds it.
    const holding = itemsHolding(items, this.outer, this.fields.map(({field}) => field.span.start))
    this.fields.forEach(({name, field, depth}, index) => {
      const parent = holding[index].filter((item) => item.depth === depth - 1).sort((a, b) => a.span.start - b.span.start)[0]
      if (parent) parent.columns[name] ??= field
    })
    for (const item of withoutGroupLabels(items, this.outer, this.lists)) this.actionItems.push(item)
  }

  private endPart(legends: Set<ActionItem>): void {
    const sentences = this.blocks.flatMap((block) => this.sentencesOf.get(block)!)
    const actionItems = this.actionItems.filter((item) => !legends.has(item))
    for (const item of actionItems) {
      item.sentences = item.blocks.flatMap((block) => this.sentencesOf.get(block) ?? [])
    }
    const part: Document = {
      format: this.format,
      source: this.source,
      tree: {type: 'RootNode', children: this.blocks.map((block): Paragraph => block.tree)},
      blocks: this.blocks,
      sentences,
      sections: this.sections,
      actionItems
    }
    this.blocks = []
    this.sentencesOf.clear()
    this.sections = []
    this.actionItems = []
    this.outer = new Map()
    this.prose = 0
    this.proseToEnd = this.parts.size
    this.handedOver = true
    this.parts.take(part)
  }
}

const url = /\b(?:https?:\/\/|www\.)[^\s<>()"'`]+[^\s<>()"'`.,;:!?]/g

/** URLs, and HTML comments in plain text (which Markdown and HTML parsers keep out of text already), in order. */
function literals(value: string): Array<{index: number; text: string}> {
  const found: Array<{index: number; text: string}> = []
  let last = 0
  const urls = (to: number) => {
    for (const match of value.slice(last, to).matchAll(url)) found.push({index: last + match.index, text: match[0]})
  }
  for (const comment of findComments(value)) {
    urls(comment.start)
    found.push({index: comment.start, text: comment.value})
    last = comment.end
  }
  urls(value.length)
  return found
}

/** URLs and comments are never linted: turn them into source segments. */
function splitLiterals(segment: Segment): Segment[] {
  if (segment.kind !== 'text' || !/https?:|www\.|<!--/.test(segment.value)) return [segment]
  // Only split when the value is the source verbatim, so offsets carry over.
  if (segment.end - segment.start !== segment.value.length) return [segment]
  const parts: Segment[] = []
  let last = 0
  for (const {index, text} of literals(segment.value)) {
    if (index > last) parts.push({kind: 'text', value: segment.value.slice(last, index), start: segment.start + last, end: segment.start + index})
    parts.push({kind: 'source', value: text, start: segment.start + index, end: segment.start + index + text.length})
    last = index + text.length
  }
  if (last < segment.value.length) parts.push({kind: 'text', value: segment.value.slice(last), start: segment.start + last, end: segment.end})
  return parts
}

const lineEnding = /\r\n|\r|\n/g

/**
 * Split segments at line endings. A parsed text value has as many line
 * endings as its source, so the n-th line ending of the value is the n-th of the source.
 */
function splitLines(segments: Segment[], source: string): Segment[][] {
  const lines: Segment[][] = [[]]
  for (const segment of segments) {
    if (segment.kind === 'break') {
      lines.push([])
      continue
    }
    if (segment.kind !== 'text' || !/[\r\n]/.test(segment.value)) {
      lines[lines.length - 1].push(segment)
      continue
    }
    // Any line ending: HTML parsers turn `\r\n` and `\r` into `\n`, so only their count agrees.
    const values = segment.value.split(lineEnding)
    const slice = source.slice(segment.start, segment.end)
    let sourceFrom = 0
    values.forEach((value, index) => {
      lineEnding.lastIndex = sourceFrom
      const ending = index < values.length - 1 ? lineEnding.exec(slice) : null
      const sourceTo = ending ? ending.index : slice.length
      if (index > 0) lines.push([])
      // Skip container markers (`> `, list indents) before the line's text.
      while (value && sourceFrom < sourceTo && slice[sourceFrom] !== value[0]) sourceFrom++
      if (value) lines[lines.length - 1].push({kind: 'text', value, start: segment.start + sourceFrom, end: segment.start + sourceTo})
      sourceFrom = ending ? ending.index + ending[0].length : slice.length
    })
  }
  return lines.filter((line) => line.length > 0)
}

/**
 * Length of an action-item prefix at the start of a line, or 0. The prefix
 * may span several text segments (`**Action:** rotate…`), and something must
 * follow it.
 */
function actionPrefixLength(line: Segment[]): number {
  let text = ''
  for (const segment of line) {
    if (segment.kind !== 'text') break
    text += segment.value
  }
  const match = actionLinePrefix.exec(text)
  if (!match) return 0
  const rest = text.slice(match[0].length)
  const more = line.some((segment) => segment.kind !== 'text')
  return /\S/.test(rest) || more ? match[0].length : 0
}

/** Drop the first `count` characters of a line's text segments. */
function dropChars(line: Segment[], count: number): Segment[] {
  const result: Segment[] = []
  let left = count
  for (const segment of line) {
    if (left === 0 || segment.kind !== 'text') {
      result.push(segment)
      continue
    }
    const take = Math.min(left, segment.value.length)
    left -= take
    if (take < segment.value.length) result.push({...segment, value: segment.value.slice(take), start: segment.start + take})
  }
  return result
}

/** Drop whitespace before a block's first character (e.g. after a task checkbox). */
function trimStart(segments: Segment[], source: string): Segment[] {
  const index = segments.findIndex((segment) => segment.kind !== 'text' || /\S/.test(segment.value))
  if (index === -1) return segments
  const first = segments[index]
  if (first.kind !== 'text' || !/^\s/.test(first.value)) return segments.slice(index)
  const value = first.value.trimStart()
  let start = first.start
  while (start < first.end && /\s/.test(source[start])) start++
  return [{...first, value, start}, ...segments.slice(index + 1)]
}

export function spanOf(node: {position?: {start: {offset?: number}; end: {offset?: number}}}): Span | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}
