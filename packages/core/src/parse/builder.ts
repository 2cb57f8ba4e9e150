// Collects blocks, sections, sentences and action items while a format
// walker (markdown, HTML, plain text) visits a document in source order.
import type {Paragraph, Sentence as NlcstSentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {location, type Location} from 'vfile-location'
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
import {toParagraph, type Segment} from './paragraph.js'

/** Headings whose sections hold action items. */
const actionHeading =
  /\b(action items?|actions|follow[- ]?ups?|follow[- ]up (actions|items)|remediations?|remediation (items|actions)|corrective (and preventive |and preventative )?actions|preventive actions|preventative actions|next steps|tasks|to-?dos?)\b/i

/** `AI:`, `Action:`, `TODO:` (and `Action item:`) line prefixes. */
export const actionLinePrefix = /^[ \t]*(?:AI|Action(?: item)?|TODO|To-?do)[ \t]*:[ \t]*/i

/** Column headers that hold the action text of an action-item table row. */
const actionColumn = /^(action( item)?s?|items?|tasks?|follow[- ]?ups?|description|what|title|summary|remediation|next steps?|to-?dos?)$/i

export function isActionHeading(title: string): boolean {
  return actionHeading.test(title)
}

export interface BlockOptions {
  kind: BlockKind
  segments: Segment[]
  quoted: boolean
}

export class DocumentBuilder {
  readonly source: string
  readonly location: Location
  readonly blocks: Block[] = []
  readonly sections: Section[]
  readonly actionItems: ActionItem[] = []
  private readonly format: InputFormat
  private stack: Section[] = []
  private section: Section
  /** Blocks that are `AI:`-style line items. */
  private readonly lineItems = new Set<Block>()

  constructor(source: string, format: InputFormat) {
    this.source = source
    this.format = format
    this.location = location(source)
    this.section = {title: '', path: [], depth: 0, isActionSection: false}
    this.sections = [this.section]
  }

  get inActionSection(): boolean {
    return this.section.isActionSection
  }

  /** Add a block; returns undefined when it holds no prose. */
  block({kind, segments: raw, quoted}: BlockOptions): Block | undefined {
    const segments = raw.flatMap(splitUrls)
    if (!segments.some((segment) => segment.kind === 'text' && /\S/.test(segment.value))) return undefined
    const tree = toParagraph(segments, this.source, this.location)
    const block: Block = {
      kind,
      tree,
      text: toString(tree),
      span: spanOf(tree) ?? {start: segments[0].start, end: segments[segments.length - 1].end},
      section: this.section,
      quoted
    }
    this.blocks.push(block)
    return block
  }

  /**
   * Add the blocks of a paragraph. Lines that start with `AI:`, `Action:` or
   * `TODO:` become blocks of their own, each an action item.
   */
  paragraph({kind, segments, quoted}: BlockOptions): Block[] {
    const lines = splitLines(segments, this.source)
    if (!lines.some((line) => startsWithActionPrefix(line))) {
      const block = this.block({kind, segments, quoted})
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
      const prefix = startsWithActionPrefix(line)
      if (!prefix) {
        pending.push(...line)
        continue
      }
      flush()
      const [first, ...rest] = line as [Segment & {kind: 'text'}, ...Segment[]]
      const stripped: Segment[] = [{...first, value: first.value.slice(prefix), start: first.start + prefix}, ...rest]
      const block = this.block({kind, segments: stripped, quoted})
      if (block) {
        blocks.push(block)
        this.lineItems.add(block)
        this.actionItem('line', [block])
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
    extra: {columns?: Record<string, ActionItemField>; checked?: boolean; depth?: number} = {}
  ): void {
    if (blocks.length === 0) return
    this.actionItems.push({
      kind,
      text: blocks.map((block) => block.text).join('\n'),
      span: {start: blocks[0].span.start, end: blocks[blocks.length - 1].span.end},
      blocks,
      sentences: [],
      columns: extra.columns ?? {},
      checked: extra.checked,
      depth: extra.depth ?? 0,
      section: this.section
    })
  }

  /**
   * Record a list item: an action item when it is a task or sits under an
   * action heading, unless one of its lines is already an `AI:` item.
   */
  listItem(blocks: Block[], checked: boolean | undefined, depth: number): void {
    if (checked === undefined && !this.inActionSection) return
    if (blocks.some((block) => this.lineItems.has(block))) return
    this.actionItem(checked === undefined ? 'list' : 'task', blocks, {checked, depth})
  }

  /**
   * Record a table row: under an action heading, each body row is an action
   * item whose text is the action column and whose other cells are columns.
   */
  tableRow(header: string[], cells: Array<Block | undefined>): void {
    if (!this.inActionSection) return
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
    this.actionItem('table', [action], {columns})
  }

  finish(): Document {
    const sentences: Sentence[] = []
    const byBlock = new Map<Block, Sentence[]>()
    for (const block of this.blocks) {
      const own: Sentence[] = []
      for (const child of block.tree.children) {
        if (child.type !== 'SentenceNode') continue
        const sentence = {node: child as NlcstSentence, text: toString(child), block, section: block.section}
        own.push(sentence)
        sentences.push(sentence)
      }
      byBlock.set(block, own)
    }
    // Nested items are recorded after their parents' walk; keep source order.
    this.actionItems.sort((a, b) => a.span.start - b.span.start)
    for (const item of this.actionItems) {
      item.sentences = item.blocks.flatMap((block) => byBlock.get(block) ?? [])
    }
    return {
      format: this.format,
      source: this.source,
      tree: {type: 'RootNode', children: this.blocks.map((block): Paragraph => block.tree)},
      blocks: this.blocks,
      sentences,
      sections: this.sections,
      actionItems: this.actionItems
    }
  }
}

const url = /\b(?:https?:\/\/|www\.)[^\s<>()"'`]+[^\s<>()"'`.,;:!?]/g

/** URLs are never linted: turn them into source segments. */
function splitUrls(segment: Segment): Segment[] {
  if (segment.kind !== 'text' || !/https?:|www\./.test(segment.value)) return [segment]
  // Only split when the value is the source verbatim, so offsets carry over.
  if (segment.end - segment.start !== segment.value.length) return [segment]
  const parts: Segment[] = []
  let last = 0
  for (const match of segment.value.matchAll(url)) {
    const index = match.index
    if (index > last) parts.push({kind: 'text', value: segment.value.slice(last, index), start: segment.start + last, end: segment.start + index})
    parts.push({kind: 'source', value: match[0], start: segment.start + index, end: segment.start + index + match[0].length})
    last = index + match[0].length
  }
  if (last < segment.value.length) parts.push({kind: 'text', value: segment.value.slice(last), start: segment.start + last, end: segment.end})
  return parts
}

/**
 * Split segments at line endings. A parsed text value keeps the line endings
 * of its source, so the n-th line ending of the value is the n-th of the source.
 */
function splitLines(segments: Segment[], source: string): Segment[][] {
  const lines: Segment[][] = [[]]
  for (const segment of segments) {
    if (segment.kind === 'break') {
      lines.push([])
      continue
    }
    if (segment.kind !== 'text' || !segment.value.includes('\n')) {
      lines[lines.length - 1].push(segment)
      continue
    }
    const values = segment.value.split('\n')
    const slice = source.slice(segment.start, segment.end)
    let sourceFrom = 0
    values.forEach((value, index) => {
      const newline = index < values.length - 1 ? slice.indexOf('\n', sourceFrom) : -1
      const sourceTo = newline === -1 ? slice.length : newline
      if (index > 0) lines.push([])
      // Skip container markers (`> `, list indents) before the line's text.
      while (value && sourceFrom < sourceTo && slice[sourceFrom] !== value[0]) sourceFrom++
      if (value) lines[lines.length - 1].push({kind: 'text', value, start: segment.start + sourceFrom, end: segment.start + sourceTo})
      sourceFrom = sourceTo + 1
    })
  }
  return lines.filter((line) => line.length > 0)
}

/** Length of an action-item prefix at the start of a line, or 0. */
function startsWithActionPrefix(line: Segment[]): number {
  const first = line[0]
  if (!first || first.kind !== 'text') return 0
  const match = actionLinePrefix.exec(first.value)
  return match && match[0].length < first.value.length ? match[0].length : 0
}

export function spanOf(node: {position?: {start: {offset?: number}; end: {offset?: number}}}): Span | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}
