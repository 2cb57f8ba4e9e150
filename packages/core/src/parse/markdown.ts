// Markdown (CommonMark + GFM, front matter skipped) → document model.
import type {List, ListItem, Nodes, Parents, PhrasingContent, Root, Table} from 'mdast'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import type {Block} from '../types.js'
import {DocumentBuilder, spanOf, type PartSink} from './builder.js'
import type {Comment} from './comments.js'
import {incrementalParser} from './incremental.js'
import type {Segment} from './paragraph.js'

/**
 * GFM as remark-gfm sets it up, without literal autolinks (`www.x.com`,
 * `https://…`, `kim@example.com`). Looking for those costs micromark a check
 * at every `h`, `w` and `@`, and mdast a pass over every text node: 40 % of
 * the Markdown parse of text that has none.
 */
function gfmWithoutLiteralAutolinks(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem())
  ;(data.fromMarkdownExtensions ??= []).push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()])
}

/** The Markdown parsers: full GFM, and GFM for text without literal autolinks (a test checks they agree there). */
export const markdownProcessors = {
  gfm: unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']),
  withoutLiteralAutolinks: unified().use(remarkParse).use(gfmWithoutLiteralAutolinks).use(remarkFrontmatter, ['yaml', 'toml'])
}

/**
 * What every literal autolink contains: an `@` (e-mail), `www.` or
 * `http://`/`https://`, in the text once escapes and character references
 * are resolved (`www\.x.com` and `www&#46;x.com` are links too), so source
 * with a `\` or a `&` may hold one as well.
 */
export const mayHoldLiteralAutolink = /@|www\.|https?:\/\/|\\|&/i

/** Parse Markdown, reusing unchanged parts of earlier documents (for editors). */
const parseTree = incrementalParser(
  (text) => (mayHoldLiteralAutolink.test(text) ? markdownProcessors.gfm : markdownProcessors.withoutLiteralAutolinks).parse(text) as Root
)

/** Parse Markdown into the document model, handing its parts to `parts`; returns its HTML comments. */
export function parseMarkdown(source: string, parts: PartSink): Comment[] {
  const builder = new DocumentBuilder(source, 'markdown', parts)
  const comments: Comment[] = []

  const inline = (nodes: PhrasingContent[], into: Segment[] = []): Segment[] => {
    for (const node of nodes) {
      const span = spanOf(node)
      if (!span) continue
      switch (node.type) {
        case 'text':
          into.push({kind: 'text', value: node.value, ...span})
          break
        case 'inlineCode':
          into.push({kind: 'source', value: node.value, ...span})
          break
        case 'break':
          into.push({kind: 'break', ...span})
          break
        case 'html':
          collectComment(node.value, span.start, span.end)
          break
        case 'link':
          // A bare URL autolinked by GFM is a URL, not prose.
          if (/^(https?:|www\.)/.test(node.url) && node.children.length === 1 && node.children[0].type === 'text' && node.url.endsWith(node.children[0].value)) {
            into.push({kind: 'source', value: node.children[0].value, ...span})
          } else {
            inline(node.children, into)
          }
          break
        default:
          if ('children' in node) inline(node.children as PhrasingContent[], into)
      }
    }
    return into
  }

  const collectComment = (value: string, start: number, end: number) => {
    if (value.trimStart().startsWith('<!--')) comments.push({value, start, end})
  }

  const walk = (node: Nodes, quoted: boolean): void => {
    switch (node.type) {
      case 'heading':
        builder.heading(node.depth, inline(node.children), quoted)
        return
      case 'paragraph':
        builder.paragraph({kind: 'paragraph', segments: inline(node.children), quoted})
        return
      case 'list':
        list(node, 0, quoted)
        return
      case 'table':
        table(node, quoted)
        return
      case 'html': {
        const span = spanOf(node)
        if (span) collectComment(node.value, span.start, span.end)
        return
      }
      case 'blockquote':
        for (const child of node.children) walk(child, true)
        return
      case 'code':
      case 'yaml':
      case 'definition':
      case 'thematicBreak':
        return
      default:
        if ('children' in node) for (const child of (node as Parents).children) walk(child as Nodes, quoted)
    }
  }

  const list = (node: List, depth: number, quoted: boolean): void => {
    for (const item of node.children) listItem(item, depth, quoted)
  }

  const listItem = (item: ListItem, depth: number, quoted: boolean): void => {
    const blocks: Block[] = []
    for (const child of item.children) {
      if (child.type === 'paragraph') {
        for (const block of builder.paragraph({kind: 'listItem', segments: inline(child.children), quoted})) blocks.push(block)
      } else if (child.type === 'list') {
        list(child, depth + 1, quoted)
      } else {
        walk(child, quoted)
      }
    }
    const outer = spanOf(item) ?? {start: 0, end: 0}
    const nested = item.children.find((child) => child.type === 'list')
    const extent = {start: outer.start, end: trimEnd(source, nested ? (spanOf(nested)?.start ?? outer.end) : outer.end)}
    builder.listItem(blocks, typeof item.checked === 'boolean' ? item.checked : undefined, depth, extent, outer)
  }

  const table = (node: Table, quoted: boolean): void => {
    const [head, ...rows] = node.children
    if (!head) return
    const header = head.children.map((cell) => builder.block({kind: 'tableCell', segments: inline(cell.children), quoted})?.text ?? '')
    for (const row of rows) {
      const cells = row.children.map((cell) => builder.block({kind: 'tableCell', segments: inline(cell.children), quoted}))
      builder.tableRow(header, cells, spanOf(row))
    }
  }

  for (const child of parseTree(source)) {
    walk(child, false)
    builder.boundary()
  }
  builder.finish()
  return comments
}

/** `end` moved back over trailing whitespace. */
function trimEnd(source: string, end: number): number {
  while (end > 0 && /\s/.test(source[end - 1])) end--
  return end
}
