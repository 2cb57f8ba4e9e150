// Incremental Markdown parsing for the language server: re-parsing a long
// document after a one-character edit must not re-run micromark over all of
// it (about 50 ms for 5,000 words). The document is split into chunks that
// micromark parses independently, and each chunk's mdast is cached by its
// text; an unchanged chunk is reused with its positions shifted.
//
// A chunk starts at a line that follows a blank line and begins in column 1
// with a leaf block: a line opening a container (list item, block quote,
// footnote definition) can change how micromark ends an open block in the
// container before, and a loose list must stay one list. From there the only
// Markdown state that can survive is a fenced code or HTML block left open by
// the chunk before, or front matter, and the document-wide link and footnote
// definitions. The parser itself tells us about open blocks: each chunk is
// parsed with a sentinel paragraph after it, and when the sentinel is not a
// paragraph of its own the chunk is merged with the next. Definitions found
// in any chunk are written before the others when they are parsed, so
// references resolve exactly as in a whole-document parse.
import {LRUCache} from 'lru-cache'
import type {Nodes, Root, RootContent} from 'mdast'
import type {Point, Position} from 'unist'

interface Chunk {
  /** Source text of the chunk. */
  text: string
  /** Offset and line of its first character. */
  offset: number
  line: number
}

interface Parsed {
  tree: Root
  /** Whether a fenced code or HTML block is still open at the chunk's end. */
  open: boolean
  /** Identifiers of the link and footnote definitions in the chunk. */
  definitions: string[]
  footnotes: string[]
}

const blank = /^[ \t]*$/
/** Lines that open a container (list item, block quote, footnote definition). */
const containerStart = /^(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|>|\[\^)/
const frontmatterFence = /^(---|\+\+\+)[ \t]*$/
const lineEnding = /\r\n|\r|\n/g
const sentinel = 'X'

/** Split `source` into candidate chunks (see above). */
export function splitChunks(source: string): Chunk[] {
  const chunks: Chunk[] = []
  let start = 0
  let startLine = 1
  let line = 1
  let previousBlank = false
  let frontmatter: string | undefined
  let offset = 0
  while (offset <= source.length) {
    lineEnding.lastIndex = offset
    const match = lineEnding.exec(source)
    const end = match ? match.index : source.length
    const text = source.slice(offset, end)
    if (line === 1) {
      frontmatter = frontmatterFence.exec(text)?.[1]
      if (frontmatter && !hasClosingFence(source, end, frontmatter)) frontmatter = undefined
    } else if (frontmatter) {
      if (frontmatterFence.exec(text)?.[1] === frontmatter) frontmatter = undefined
    } else if (previousBlank && text !== '' && !/^[ \t]/.test(text) && !containerStart.test(text)) {
      chunks.push({text: source.slice(start, offset), offset: start, line: startLine})
      start = offset
      startLine = line
    }
    previousBlank = blank.test(text)
    if (!match) break
    offset = end + match[0].length
    line++
  }
  chunks.push({text: source.slice(start), offset: start, line: startLine})
  return chunks
}

function hasClosingFence(source: string, from: number, fence: string): boolean {
  const escaped = fence.replace(/\+/g, '\\+')
  return new RegExp(`(?:\\r\\n|\\r|\\n)${escaped}[ \\t]*(?:\\r\\n|\\r|\\n|$)`).test(source.slice(from))
}

const countLines = (text: string) => (text.match(lineEnding)?.length ?? 0)

/**
 * Wrap `parse` (a whole-document mdast parser) into one that reuses the
 * chunks of earlier calls. It yields the top-level nodes of `parse(source)`,
 * a chunk at a time, so that a long document's tree need never be whole.
 */
export function incrementalParser(parse: (text: string) => Root, limit = 2000): (source: string) => Generator<RootContent> {
  // Bounded by text too, so a huge document's chunk trees do not all stay cached.
  const cache = new LRUCache<string, Parsed>({max: limit, maxSize: 100_000, sizeCalculation: (_, key) => key.length})

  /** Parse `lead + chunk + trail`, keeping only the chunk's nodes (positions as in the parsed text). */
  const parseText = (lead: string, chunk: string, trail: string, last: boolean): Parsed => {
    const text = lead + chunk + trail + (last ? '' : sentinel)
    let parsed = cache.get(text)
    if (parsed) return parsed
    const tree = parse(text)
    const from = lead.length
    const to = from + chunk.length
    const sentinelAt = text.length - 1
    const open = !last && !tree.children.some((node) => node.type === 'paragraph' && node.position?.start.offset === sentinelAt)
    tree.children = tree.children.filter((node) => {
      const start = node.position?.start.offset ?? 0
      return start >= from && start < to
    })
    const definitions: string[] = []
    const footnotes: string[] = []
    collectDefinitions(tree, definitions, footnotes)
    parsed = {tree, open, definitions, footnotes}
    cache.set(text, parsed)
    return parsed
  }

  /**
   * The chunks, each parsed on its own. A chunk that leaves a block open is
   * merged into the ones after it, taking twice as many each time so an
   * unclosed fence costs O(n log n).
   */
  function* merged(candidates: Chunk[]): Generator<{chunk: Chunk; parsed: Parsed; last: boolean}> {
    for (let index = 0; index < candidates.length; ) {
      let take = 1
      for (;;) {
        const last = index + take >= candidates.length
        const chunk = join(candidates.slice(index, index + take))
        const parsed = parseText(chunk.offset === 0 ? '' : '\n', chunk.text, '', last)
        if (!parsed.open || last) {
          yield {chunk, parsed, last}
          break
        }
        take = Math.min(take * 2, candidates.length - index)
      }
      index += take
    }
  }

  return function* (source) {
    const candidates = splitChunks(source)
    if (candidates.length === 1) {
      yield* parse(source).children
      return
    }
    // Link and footnote definitions (`[id]: …`, `[^id]: …`) are found in a first pass, which
    // drops the trees (or leaves them in the cache) and records the chunks, so the second pass
    // need not find them again. Without a `]:` there are no definitions, and one pass.
    const definitions = new Set<string>()
    const footnotes = new Set<string>()
    let plan: Iterable<{chunk: Chunk; last: boolean; parsed?: Parsed}>
    if (!source.includes(']:')) {
      plan = merged(candidates)
    } else {
      const chunks: Array<{chunk: Chunk; last: boolean}> = []
      for (const {chunk, last, parsed} of merged(candidates)) {
        chunks.push({chunk, last})
        for (const id of parsed.definitions) definitions.add(id)
        for (const id of parsed.footnotes) footnotes.add(id)
      }
      plan = chunks
    }
    const block =
      definitions.size + footnotes.size === 0
        ? ''
        : [...[...definitions].map((id) => `[${id}]: x\n`), ...[...footnotes].map((id) => `[^${id}]: x\n`), '\n'].join('')

    for (const {chunk, last, parsed: plain} of plan) {
      let lead = chunk.offset === 0 ? '' : '\n'
      let parsed: Parsed
      // Definitions go before a chunk, except the first, whose front matter
      // must stay at the start: they go after it, behind the sentinel line the
      // chunk was checked with (it ends with a blank line). A chunk that is
      // the whole document holds its definitions already.
      if (block && chunk.text.includes('[') && !(chunk.offset === 0 && last)) {
        if (chunk.offset === 0) {
          parsed = parseText('', chunk.text, `${sentinel}\n\n${block}`, last)
        } else {
          lead = block
          parsed = parseText(lead, chunk.text, '', last)
        }
      } else {
        parsed = plain ?? parseText(lead, chunk.text, '', last)
      }
      const shift = {offset: chunk.offset - lead.length, line: chunk.line - 1 - countLines(lead)}
      // Unmoved chunks (those before an edit) share their nodes: nothing changes them.
      for (const node of parsed.tree.children) yield shift.offset === 0 && shift.line === 0 ? node : clone(node, shift)
    }
  }
}

function join(chunks: Chunk[]): Chunk {
  return {text: chunks.map((chunk) => chunk.text).join(''), offset: chunks[0].offset, line: chunks[0].line}
}

function collectDefinitions(node: Nodes, definitions: string[], footnotes: string[]): void {
  if (node.type === 'definition') definitions.push(node.identifier)
  else if (node.type === 'footnoteDefinition') footnotes.push(node.identifier)
  if ('children' in node) for (const child of node.children) collectDefinitions(child as Nodes, definitions, footnotes)
}

/** Copy a node with its positions moved; chunks start in column 1, so columns stay. */
function clone<Node extends Nodes>(node: Node, shift: {offset: number; line: number}): Node {
  const copy = {...node}
  if (node.position) copy.position = shiftPosition(node.position, shift)
  if ('children' in node) (copy as {children: Nodes[]}).children = node.children.map((child: Nodes) => clone(child, shift))
  return copy
}

function shiftPosition(position: Position, shift: {offset: number; line: number}): Position {
  const move = (point: Point): Point => ({line: point.line + shift.line, column: point.column, offset: (point.offset ?? 0) + shift.offset})
  return {start: move(position.start), end: move(position.end)}
}
