// HTML (e.g. Confluence or Google Docs exports) → document model.
import type {Element, ElementContent, Root, RootContent} from 'hast'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import type {Block} from '../types.js'
import {DocumentBuilder, isActionTableHeader, spanOf, type PartSink} from './builder.js'
import type {Comment} from './comments.js'
import type {Segment} from './paragraph.js'

// Whole exported pages are parsed as documents (so `<head>` is recognised and
// skipped); snippets as fragments.
const fragmentProcessor = unified().use(rehypeParse, {fragment: true})
const documentProcessor = unified().use(rehypeParse, {fragment: false})
// A comment ends at its first `-->` (not `[\s\S]*?`, which backtracks exponentially over many comments).
const isWholeDocument = /^\s*(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype|html|head|body)\b/i

/** Elements whose content is never prose. */
const skipped = new Set(['head', 'script', 'style', 'template', 'noscript', 'pre', 'svg', 'math', 'iframe', 'object', 'select', 'textarea', 'button', 'img', 'video', 'audio', 'canvas'])
/** Inline elements holding code-like literal text. */
const literal = new Set(['code', 'kbd', 'samp', 'var', 'tt'])
/** Elements that start a new block of prose. */
const blockLevel = new Set([
  'address', 'article', 'aside', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'legend', 'main', 'nav', 'p',
  'section', 'summary', 'center'
])

type Content = RootContent | ElementContent

/** Parse HTML into the document model, handing its parts to `parts`; returns its comments. */
export function parseHtml(source: string, parts: PartSink): Comment[] {
  const tree = (isWholeDocument.test(source) ? documentProcessor : fragmentProcessor).parse(source) as Root
  const builder = new DocumentBuilder(source, 'html', parts)
  const comments: Comment[] = []

  const comment = (node: Content) => {
    const span = spanOf(node)
    if (span) comments.push({value: source.slice(span.start, span.end), ...span})
  }

  /** Inline content of `nodes`, appended to `into`. */
  const inline = (nodes: Content[], into: Segment[]): Segment[] => {
    for (const node of nodes) {
      const span = spanOf(node)
      if (node.type === 'text') {
        if (span) into.push({kind: 'text', value: node.value, ...span})
      } else if (node.type === 'comment') {
        comment(node)
      } else if (node.type === 'element') {
        if (skipped.has(node.tagName)) continue
        if (node.tagName === 'br') {
          if (span) into.push({kind: 'break', ...span})
        } else if (literal.has(node.tagName)) {
          if (span) into.push({kind: 'source', value: source.slice(span.start, span.end), ...span})
        } else {
          inline(node.children, into)
        }
      }
    }
    return into
  }

  /**
   * Walk the children of a container, turning runs of inline content into
   * blocks; returns the blocks made directly in it (not in nested lists).
   * Outside lists and tables (`outside`), a part of the document may end
   * after each block-level child.
   */
  const container = (nodes: Content[], kind: Block['kind'], quoted: boolean, depth: number, outside = false): Block[] => {
    const blocks: Block[] = []
    let run: Segment[] = []
    const flush = () => {
      if (run.length > 0) for (const block of builder.paragraph({kind, segments: run, quoted})) blocks.push(block)
      run = []
    }
    for (const node of nodes) {
      if (node.type !== 'element') {
        if (node.type === 'text' || node.type === 'comment') inline([node], run)
        continue
      }
      const tag = node.tagName
      if (skipped.has(tag)) {
        flush()
      } else if (/^h[1-6]$/.test(tag)) {
        flush()
        builder.heading(Number(tag[1]), inline(node.children, []), quoted)
      } else if (tag === 'ul' || tag === 'ol') {
        flush()
        list(node, depth, quoted)
      } else if (tag === 'table') {
        flush()
        table(node, quoted)
      } else if (tag === 'blockquote') {
        flush()
        container(node.children, 'paragraph', true, depth, outside)
      } else if (blockLevel.has(tag) || tag === 'li') {
        flush()
        for (const block of container(node.children, kind, quoted, depth, outside && tag !== 'li')) blocks.push(block)
      } else {
        inline([node], run)
        continue
      }
      if (outside) builder.boundary()
    }
    flush()
    return blocks
  }

  const list = (node: Element, depth: number, quoted: boolean): void => {
    for (const item of node.children) {
      if (item.type !== 'element' || item.tagName !== 'li') continue
      const blocks = container(item.children, 'listItem', quoted, depth + 1)
      const outer = spanOf(item) ?? {start: 0, end: 0}
      const nested = firstList(item)
      builder.listItem(blocks, taskState(item), depth, {start: outer.start, end: nested ? (spanOf(nested)?.start ?? outer.end) : outer.end}, outer)
    }
  }

  const table = (node: Element, quoted: boolean): void => {
    const rows: Element[] = []
    const collect = (parent: Element) => {
      for (const child of parent.children) {
        if (child.type !== 'element') continue
        if (child.tagName === 'tr') rows.push(child)
        else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) collect(child)
      }
    }
    collect(node)
    const cellsOf = (row: Element) =>
      row.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'))
    const cellBlock = (cell: Element) => container(cell.children, 'tableCell', quoted, 0)[0]
    let header: string[] = []
    const first = rows[0]
    // A header row: all <th>, or (as Google Docs exports it) <td> cells named like an action table's columns.
    if (first && (cellsOf(first).every((cell) => cell.tagName === 'th') || isActionTableHeader(cellsOf(first).map(textOf)))) {
      header = cellsOf(first).map((cell) => cellBlock(cell)?.text ?? '')
      rows.shift()
    }
    for (const row of rows) builder.tableRow(header, cellsOf(row).map(cellBlock), spanOf(row))
  }

  container(tree.children, 'paragraph', false, 0, true)
  builder.finish()
  return comments
}

/** The text of an element, markup removed. */
function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value
  return node.type === 'element' ? node.children.map(textOf).join('') : ''
}

/** The first list nested anywhere inside `element`. */
function firstList(element: Element): Element | undefined {
  for (const child of element.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'ul' || child.tagName === 'ol') return child
    const found = firstList(child)
    if (found) return found
  }
  return undefined
}

/** Task state of a list item: a checkbox input, or Confluence's inline tasks. */
function taskState(item: Element): boolean | undefined {
  const first = item.children.find((child) => child.type === 'element' || (child.type === 'text' && child.value.trim()))
  if (first?.type === 'element' && first.tagName === 'input' && first.properties.type === 'checkbox') {
    return Boolean(first.properties.checked)
  }
  if (item.properties.dataInlineTaskId !== undefined) {
    const classes = item.properties.className
    return Array.isArray(classes) && classes.includes('checked')
  }
  return undefined
}
