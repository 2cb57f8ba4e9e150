// Limits that keep pathological input (a repository can hold anything)
// from crashing the linter or costing more than linear time, while leaving
// real documents untouched:
//
// - Nesting. Lists or block quotes 10,000 levels deep, emphasis or HTML
//   elements nested thousands deep make micromark's mdast compiler quadratic
//   and overflow the stack in recursive tree walkers (unified utilities,
//   hast-util-from-parse5, ours). Before parsing, markup that would open more
//   than `nestingLimit` levels (or keep more than that many unmatched
//   brackets, emphasis delimiters or comment openers in one paragraph, which
//   micromark looks back over) is blanked out: replaced, character for
//   character, with a no-break space (Markdown) or a space (HTML). Offsets,
//   lines and columns stay those of the source, and the deeper text is still
//   linted, as text. A linear scan gives an upper bound on what the parser
//   would build, so documents within the limit are parsed unchanged.
// - Sentence length. A text without sentence punctuation is one "sentence";
//   `splitLongSentences` cuts it every `sentenceLimit` words.
// - Paragraph length for parse-latin, whose word merging is quadratic in the
//   tokens it sees at once: `paragraphInRuns`.

import type {Paragraph, SentenceContent} from 'nlcst'
import type {InputFormat} from '../types.js'

/** Levels of nesting parsed as such; deeper markup is read as text. */
export const nestingLimit = 100

export interface Limited {
  /** The source with markup beyond the limit blanked out (same length and line breaks). */
  text: string
  /** 1-based line of the first blanked markup. */
  line: number
}

/** Blank out markup nested deeper than `limit`; undefined when there is none. */
export function limitNesting(source: string, format: InputFormat, limit = nestingLimit): Limited | undefined {
  if (format === 'markdown') return limitMarkdown(source, limit)
  if (format === 'html') return limitHtml(source, limit)
  return undefined
}

/** Copy of `text` where ranges are replaced with `filler`, keeping line breaks. */
class Blanker {
  private readonly ranges: Array<[number, number]> = []

  constructor(
    private readonly text: string,
    private readonly filler: string
  ) {}

  blank(start: number, end: number): void {
    if (end > start) this.ranges.push([start, end])
  }

  result(): Limited | undefined {
    if (this.ranges.length === 0) return undefined
    this.ranges.sort((a, b) => a[0] - b[0])
    const parts: string[] = []
    let from = 0
    for (const [start, end] of this.ranges) {
      if (end <= from) continue
      const at = Math.max(start, from)
      parts.push(this.text.slice(from, at), this.text.slice(at, end).replace(/[^\r\n]/g, this.filler))
      from = end
    }
    const line = (this.text.slice(0, this.ranges[0][0]).match(/\r\n|\r|\n/g)?.length ?? 0) + 1
    return {text: parts.join('') + this.text.slice(from), line}
  }
}

const listMarker = /(?:[-*+]|\d{1,9}[.)])(?=[ \t\r\n]|$)/y
const footnoteLabel = /\[\^[^\]\s]{1,999}\]:/y
const whitespace = /[\s\p{Zs}]/u
const punctuation = /[\p{P}\p{S}]/u

/**
 * What micromark keeps open while it reads one paragraph's inline content,
 * and looks back over from each later delimiter: emphasis openers and
 * closers without openers, link brackets, unmatched `]`, unclosed `<!--`.
 * Each is capped at the limit; past it, the markup is blanked out.
 */
class Inline {
  private openers = new Map<string, number>()
  private totalOpeners = 0
  private strayClosers = 0
  private brackets = 0
  private unmatched = 0
  private comments: number[] = []

  constructor(
    private readonly source: string,
    private readonly out: Blanker,
    private readonly limit: number
  ) {}

  /** A paragraph ends: only `limit` unclosed comments may stay (micromark scans to its end from each). */
  end(): void {
    for (const at of this.comments.slice(this.limit)) this.out.blank(at, at + 1)
    this.openers.clear()
    this.totalOpeners = this.strayClosers = this.brackets = this.unmatched = 0
    this.comments = []
  }

  /** Read `source[from..to)`, a line of the paragraph after its container prefix. */
  line(from: number, to: number): void {
    const {source, out, limit} = this
    for (let index = from; index < to; index++) {
      const char = source[index]
      if (char === '\\') {
        index++
      } else if (char === '[') {
        if (this.brackets === limit) out.blank(index, index + 1)
        else this.brackets++
      } else if (char === ']') {
        if (this.brackets > 0) this.brackets--
        else if (this.unmatched === limit) out.blank(index, index + 1)
        else this.unmatched++
      } else if (char === '<' && source.startsWith('<!--', index)) {
        this.comments.push(index)
        index += 3
      } else if (char === '-' && source.startsWith('-->', index)) {
        this.comments = []
        index += 2
      } else if (char === '*' || char === '_' || char === '~') {
        let end = index
        while (end < to && source[end] === char) end++
        this.run(char, index, end, index === from ? ' ' : source[index - 1], end === to ? ' ' : source[end])
        index = end - 1
      }
    }
  }

  /** A delimiter run, classified as CommonMark does (left- and right-flanking). */
  private run(char: string, start: number, end: number, before: string, after: string): void {
    const {out, limit} = this
    const spaceBefore = whitespace.test(before)
    const spaceAfter = whitespace.test(after)
    const left = !spaceAfter && (!punctuation.test(after) || spaceBefore || punctuation.test(before))
    const right = !spaceBefore && (!punctuation.test(before) || spaceAfter || punctuation.test(after))
    const opens = char === '_' ? left && (!right || punctuation.test(before)) : left
    const closes = char === '_' ? right && (!left || punctuation.test(after)) : right
    const open = this.openers.get(char) ?? 0
    if (closes && !opens) {
      // A closer without an opener walks back to the paragraph's start.
      if (open > 0) {
        this.openers.set(char, open - 1)
        this.totalOpeners--
      } else if (this.strayClosers === limit) out.blank(start, end)
      else this.strayClosers++
    } else if (opens) {
      // Counted as an opener even when it might close: an upper bound.
      if (this.totalOpeners === limit) return out.blank(start, end)
      this.openers.set(char, open + 1)
      this.totalOpeners++
      // One run nests as deep as it is long.
      out.blank(start + limit, end)
    }
  }
}

/**
 * Markdown: containers are opened at the start of a line, so a line opens at
 * most as many levels as its prefix has `>`, list markers and footnote labels,
 * plus one per two columns of indentation (each continued list item needs at
 * least two). Inline markup is counted per paragraph (see `Inline`).
 */
function limitMarkdown(source: string, limit: number): Limited | undefined {
  const out = new Blanker(source, '\u00A0')
  const inline = new Inline(source, out, limit)
  let lineStart = 0
  while (lineStart <= source.length) {
    let lineEnd = lineStart
    while (lineEnd < source.length && source[lineEnd] !== '\n' && source[lineEnd] !== '\r') lineEnd++

    // The container prefix.
    let at = lineStart
    let markers = 0
    let columns = 0
    let opensBlock = false
    let cut: number | undefined
    for (;;) {
      while (at < lineEnd && (source[at] === ' ' || source[at] === '\t')) {
        columns += source[at] === '\t' ? 4 : 1
        at++
        if (cut === undefined && markers + Math.floor(columns / 2) > limit) cut = at - 1
      }
      let length = 0
      if (source[at] === '>') length = 1
      else {
        for (const pattern of [listMarker, footnoteLabel]) {
          pattern.lastIndex = at
          if (pattern.test(source)) length = pattern.lastIndex - at
          if (length) break
        }
      }
      if (!length || at + length > lineEnd) break
      if (source[at] !== '>') opensBlock = true
      markers++
      if (cut === undefined && markers + Math.floor(columns / 2) > limit) cut = at
      at += length
    }
    if (cut !== undefined) out.blank(cut, at)

    // A blank line, a heading or a list item ends a paragraph.
    if (at === lineEnd || opensBlock || source[at] === '#') inline.end()
    inline.line(at, lineEnd)

    if (lineEnd >= source.length) break
    lineStart = lineEnd + (source[lineEnd] === '\r' && source[lineEnd + 1] === '\n' ? 2 : 1)
  }
  inline.end()
  return out.result()
}

/** Elements that never hold content. */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'basefont', 'bgsound', 'frame'])
/**
 * Elements not counted: each is closed by the next of its kind (or by a
 * block) unless a counted element (`ul`, `table`, `dl`, `select`…) stands
 * between, so they at most double the count.
 */
const uncounted = new Set(['html', 'head', 'body', 'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'option', 'optgroup', 'rb', 'rt', 'rp', 'rtc'])
/** Elements whose content is text up to their end tag. */
const rawText = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'])
const tag = /<(\/?)([A-Za-z][^\s/<>]*)[^<>]*>/y

/**
 * HTML: a stack of open elements, as the parser keeps one: a start tag
 * pushes (in SVG and MathML `/>` closes at once), an end tag pops down to
 * the element it closes. Start tags that would stack more than `limit`
 * counted elements, and their end tags, are blanked out.
 */
function limitHtml(source: string, limit: number): Limited | undefined {
  const out = new Blanker(source, ' ')
  const stack: Array<{name: string; blanked: boolean}> = []
  const open = new Map<string, number>()
  let foreign = 0
  let at = source.indexOf('<')
  while (at !== -1) {
    if (source.startsWith('<!--', at)) {
      const end = source.indexOf('-->', at + 4)
      if (end === -1) break
      at = source.indexOf('<', end + 3)
      continue
    }
    tag.lastIndex = at
    const match = tag.exec(source)
    if (!match) {
      at = source.indexOf('<', at + 1)
      continue
    }
    const end = at + match[0].length
    const name = match[2].toLowerCase()
    if (match[1]) {
      if (open.get(name)) {
        let popped
        do {
          popped = stack.pop()!
          open.set(popped.name, open.get(popped.name)! - 1)
          if (popped.name === 'svg' || popped.name === 'math') foreign--
        } while (popped.name !== name)
        if (popped.blanked) out.blank(at, end)
      }
    } else if (!voidElements.has(name) && !uncounted.has(name) && !(foreign > 0 && match[0].endsWith('/>'))) {
      const blanked = stack.length >= limit
      if (blanked) out.blank(at, end)
      stack.push({name, blanked})
      open.set(name, (open.get(name) ?? 0) + 1)
      if (name === 'svg' || name === 'math') foreign++
      if (rawText.has(name) && !blanked) {
        const close = new RegExp(`</${name}[\\s/>]`, 'gi')
        close.lastIndex = end
        const found = close.exec(source)
        if (!found) break
        at = found.index
        continue
      }
    }
    at = source.indexOf('<', end)
  }
  return out.result()
}

/** Whether `error` is a stack overflow (which a depth limit missed). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message)
}

/** HTML with its tags (not its comments) blanked out, to be read as plain text. */
export function withoutTags(source: string): string {
  const out = new Blanker(source, ' ')
  for (const match of source.matchAll(/<(?!!--)[^<>]*>/g)) out.blank(match.index, match.index + match[0].length)
  return out.result()?.text ?? source
}

/** Words in one sentence, at most: longer "sentences" are split before the rules see them. */
const sentenceLimit = 500

/**
 * Split sentences of more than `sentenceLimit` words, in place. A text
 * without sentence punctuation (a log line, a 5 MB blob) is otherwise one
 * sentence, and work per sentence that is fine for real ones (compromise's
 * analysis, a rule looking at every word around each match) becomes
 * quadratic. The words and their positions do not change.
 */
export function splitLongSentences(paragraph: Paragraph): void {
  if (!paragraph.children.some((child) => child.type === 'SentenceNode' && child.children.length > sentenceLimit)) return
  const children: Paragraph['children'] = []
  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode' || sentence.children.length <= sentenceLimit) {
      children.push(sentence)
      continue
    }
    let from = 0
    let words = 0
    const piece = (to: number) => {
      const nodes = sentence.children.slice(from, to)
      const start = nodes[0].position?.start
      const end = nodes[nodes.length - 1].position?.end
      children.push({type: 'SentenceNode', children: nodes, ...(start && end ? {position: {start, end}} : {})})
    }
    // Cut at a space, else after punctuation ("a,b,c,…" has no space).
    sentence.children.forEach((node, index) => {
      if (node.type === 'WordNode') words++
      else if (words >= sentenceLimit && index > from) {
        const space = node.type === 'WhiteSpaceNode'
        piece(space ? index : index + 1)
        if (space) children.push(node)
        from = index + 1
        words = 0
      }
    })
    if (from < sentence.children.length) piece(sentence.children.length)
  }
  paragraph.children = children
}

/**
 * Tokens parse-latin's plugins see at once. They splice the token list for
 * each word they merge ("don't", "e.g."), quadratic in what they see, and
 * spread a merged word's parts as arguments (a stack overflow past 100,000).
 */
const tokenRun = 2000

/**
 * Build a paragraph from `content` with `tokenize`, in runs of about
 * `tokenRun` tokens cut at a space (else anywhere), so that a 5 MB line
 * costs linear time. Shorter paragraphs are tokenized whole, as before.
 */
export function paragraphInRuns(content: SentenceContent[], tokenize: (part: SentenceContent[]) => Paragraph): Paragraph {
  if (content.length <= tokenRun) return tokenize(content)
  const children: Paragraph['children'] = []
  for (let from = 0; from < content.length; ) {
    let to = Math.min(content.length, from + tokenRun)
    const limit = Math.min(content.length, to + tokenRun)
    let space = to
    while (space < limit && content[space].type !== 'WhiteSpaceNode') space++
    if (space < limit) to = space
    for (const child of tokenize(content.slice(from, to)).children) children.push(child)
    from = to
  }
  return {type: 'ParagraphNode', children}
}
