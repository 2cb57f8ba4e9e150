// Turns the inline content of one block into an nlcst paragraph whose
// positions point into the original source.
//
// Hand-written instead of `remark-retext` / `mdast-util-to-nlcst` because
// those (1) drop tables, where action items often live, and (2) compute
// positions from the *parsed* text value, so every blockquote marker, list
// indent, backslash escape or entity before a word shifts all later
// positions. Here each text segment is aligned character by character with
// its source slice, so ranges stay exact in every container.
import {LRUCache} from 'lru-cache'
import type {Nodes, Paragraph, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import type {Point} from 'unist'
import {paragraphInRuns, splitLongSentences} from './limits.js'
import {OffsetPosition, type LineStarts} from './position.js'

/** A piece of a block's inline content. */
export type Segment =
  /** Prose: `value` is the parsed text, `start`/`end` its source range. */
  | {kind: 'text'; value: string; start: number; end: number}
  /** Code and other literal text: kept as one `SourceNode`, never linted. */
  | {kind: 'source'; value: string; start: number; end: number}
  /** A hard line break. */
  | {kind: 'break'; start: number; end: number}

/**
 * `parse-english` (the parser behind `retext-english`) with a `tokenize` that
 * returns prepared tokens, so its sentence and paragraph plugins run on
 * content we built from several source segments.
 */
class SegmentParser extends ParseEnglish {
  prepared: SentenceContent[] | undefined

  override tokenize(value: string | null | undefined): SentenceContent[] {
    const prepared = this.prepared
    this.prepared = undefined
    return prepared ?? super.tokenize(value)
  }
}

const parser = new SegmentParser()

/** How far ahead to look for a value character in its source slice. */
const lookahead = 16

/**
 * Maps each offset in `value` to an offset in `source`, where `value` is
 * `source` with some characters removed (container markers, escapes) or
 * replaced (entities).
 */
function align(value: string, source: string): Int32Array {
  const map = new Int32Array(value.length + 1)
  let s = 0
  for (let v = 0; v < value.length; v++) {
    let found = -1
    const code = value.charCodeAt(v)
    const limit = Math.min(source.length, s + lookahead)
    for (let k = s; k < limit; k++) {
      // HTML parsers turn `\r\n` and `\r` into `\n`.
      if (source.charCodeAt(k) === code || (code === 10 && source.charCodeAt(k) === 13)) {
        found = k
        break
      }
    }
    if (found === -1) {
      // A replaced character (an entity): map it to where we are.
      map[v] = Math.min(s, source.length)
      s = Math.min(s + 1, source.length)
    } else {
      map[v] = found
      s = found + (code === 10 && source.charCodeAt(found) === 13 && source.charCodeAt(found + 1) === 10 ? 2 : 1)
    }
  }
  map[value.length] = value.length === 0 ? 0 : Math.min(map[value.length - 1] + 1, source.length)
  return map
}

/** Give `nodes` (from `from` in the parsed value) their source positions; returns the offset after them. */
function place(nodes: SentenceContent[], map: Int32Array, base: number, from: number, lines: LineStarts): number {
  let offset = from
  for (const node of nodes) {
    // The length of `toString(node)`, without building the string: a parent's text is its children's.
    const length = ('children' in node ? place(node.children as SentenceContent[], map, base, offset, lines) : offset + node.value.length) - offset
    const start = base + map[offset]
    const end = base + (length === 0 ? map[offset] : map[offset + length - 1] + 1)
    node.position = new OffsetPosition(start, end, lines)
    offset += length
  }
  return offset
}

interface CachedParagraph {
  tree: Paragraph
  /** Where the tree's first segment started. */
  at: Point & {offset: number}
}

/**
 * Paragraphs of earlier parses by block, so an editor re-parsing after an
 * edit only tokenizes the blocks that changed; the others are copied with
 * their positions shifted. Bounded by the source text they cover (about 35
 * documents of 1,000 words): trees take ~90 times the memory of their text
 * (and each holds its document's line starts, four bytes a line), and a CLI
 * run over many files or one huge document would otherwise keep every tree
 * it built.
 */
const paragraphs = new LRUCache<string, CachedParagraph>({max: 20_000, maxSize: 100_000, sizeCalculation: (_, key) => key.length})
const keys = new WeakMap<Paragraph, string>()

/**
 * A key that identifies a block's paragraph: equal keys mean equal trees
 * (up to a shift of positions), so per-sentence results can be cached by it.
 */
export function paragraphKey(tree: Paragraph): string | undefined {
  return keys.get(tree)
}

/** Build an nlcst paragraph from a block's segments. */
export function toParagraph(segments: Segment[], source: string, lines: LineStarts): Paragraph {
  const from = segments[0]?.start ?? 0
  const at = lines.toPoint(from)
  // The segments (relative to the first) and the source they cover decide the
  // tree; a segment's value is only spelled out when it is not its source.
  let key = source.slice(from, segments[segments.length - 1]?.end ?? from)
  for (const segment of segments) {
    key += `\u0000${segment.kind}${segment.start - from},${segment.end - from}`
    if (segment.kind !== 'break' && !(segment.value.length === segment.end - segment.start && source.startsWith(segment.value, segment.start))) {
      key += `:${segment.value}`
    }
  }
  const cached = paragraphs.get(key)
  let tree: Paragraph
  if (cached) {
    // Unmoved blocks (those before an edit) share the tree: rules never change it.
    tree = cached.at.offset === at.offset && cached.at.line === at.line && cached.at.column === at.column ? cached.tree : shifted(cached.tree, at.offset - cached.at.offset, lines)
  } else {
    tree = buildParagraph(segments, source, lines)
    paragraphs.set(key, {tree, at})
  }
  keys.set(tree, key)
  return tree
}

/** A copy of `node` moved by `delta` characters, into the document of `lines`. */
function shifted<Node extends Nodes>(node: Node, delta: number, lines: LineStarts): Node {
  const copy = {...node}
  if (node.position) copy.position = new OffsetPosition(node.position.start.offset! + delta, node.position.end.offset! + delta, lines)
  if ('children' in node) (copy as {children: unknown[]}).children = node.children.map((child: Nodes) => shifted(child, delta, lines))
  return copy
}

function buildParagraph(segments: Segment[], source: string, lines: LineStarts): Paragraph {
  const content: SentenceContent[] = []
  let previousEnd: number | undefined
  for (const segment of segments) {
    // Separate segments that the source separates (e.g. two table-cell lines).
    if (previousEnd !== undefined && segment.start > previousEnd && content.length > 0) {
      const gap = source.slice(previousEnd, segment.start)
      if (/^\s+$/.test(gap) && !/\s$/.test(toString(content[content.length - 1]))) {
        content.push(positioned({type: 'WhiteSpaceNode', value: gap.includes('\n') ? '\n' : ' '}, previousEnd, segment.start, lines))
      }
    }
    if (segment.kind === 'text') {
      const tokens = parser.tokenize(segment.value)
      place(tokens, align(segment.value, source.slice(segment.start, segment.end)), segment.start, 0, lines)
      // A loop, not push(...tokens): spreading 100,000 tokens overflows the stack.
      for (const token of tokens) content.push(token)
    } else if (segment.kind === 'source') {
      content.push(positioned({type: 'SourceNode', value: segment.value}, segment.start, segment.end, lines))
    } else {
      content.push(positioned({type: 'WhiteSpaceNode', value: '\n'}, segment.start, segment.end, lines))
    }
    previousEnd = segment.end
  }
  const paragraph = paragraphInRuns(content, (part) => {
    parser.prepared = part
    return parser.tokenizeParagraph('')
  })
  splitLongSentences(paragraph)
  if (content.length > 0) {
    paragraph.position = new OffsetPosition(content[0].position!.start.offset!, content[content.length - 1].position!.end.offset!, lines)
  }
  return paragraph
}

function positioned<Node extends SentenceContent>(node: Node, start: number, end: number, lines: LineStarts): Node {
  node.position = new OffsetPosition(start, end, lines)
  return node
}
