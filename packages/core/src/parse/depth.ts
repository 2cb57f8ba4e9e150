// Pathological nesting — lists or block quotes 10,000 levels deep, emphasis
// or HTML elements nested thousands deep — makes micromark's mdast compiler
// quadratic and overflows the stack in recursive tree walkers (unified
// utilities, hast-util-from-parse5, ours). Real documents nest a few levels,
// so before parsing, markup that would open more than `nestingLimit` levels
// is blanked out: replaced, character for character, with a no-break space
// (Markdown) or a space (HTML). Offsets, lines and columns stay those of the
// source, and the deeper text is still linted, as text. A linear scan gives
// an upper bound on the depth the parser would build (it never undercounts
// the levels a line or a tag opens), so documents within the limit are
// parsed untouched.

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
  private readonly parts: string[] = []
  private from = 0
  first: number | undefined

  constructor(
    private readonly text: string,
    private readonly filler: string
  ) {}

  blank(start: number, end: number): void {
    if (end <= start) return
    this.first ??= start
    this.parts.push(this.text.slice(this.from, start), this.text.slice(start, end).replace(/[^\r\n]/g, this.filler))
    this.from = end
  }

  result(): Limited | undefined {
    if (this.first === undefined) return undefined
    const before = this.text.slice(0, this.first)
    const line = (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1
    return {text: this.parts.join('') + this.text.slice(this.from), line}
  }
}

const listMarker = /(?:[-*+]|\d{1,9}[.)])(?=[ \t\r\n]|$)/y
const footnoteLabel = /\[\^[^\]\s]{1,999}\]:/y

/**
 * Markdown: containers are opened at the start of a line, so a line opens at
 * most as many levels as its prefix has `>`, list markers and footnote labels,
 * plus one per two columns of indentation (each continued list item needs at
 * least two). Emphasis and strikethrough nest by delimiter runs, counted per
 * paragraph: openers add, closers take away; so do link brackets.
 */
function limitMarkdown(source: string, limit: number): Limited | undefined {
  const out = new Blanker(source, '\u00A0')
  let balance = 0
  let brackets = 0
  let unmatched = 0
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

    // Emphasis runs and link brackets: a blank line, a heading or a list item ends a paragraph.
    if (at === lineEnd || opensBlock || source[at] === '#') balance = brackets = unmatched = 0
    for (let index = at; index < lineEnd; index++) {
      const char = source[index]
      if (char === '\\') {
        index++
        continue
      }
      // Brackets nest no deeper than a link, but micromark looks back over
      // every open one, and from every unmatched `]` to the paragraph start.
      if (char === '[') {
        if (brackets === limit) out.blank(index, index + 1)
        else brackets++
      } else if (char === ']') {
        if (brackets > 0) brackets--
        else if (unmatched === limit) out.blank(index, index + 1)
        else unmatched++
      }
      if (char !== '*' && char !== '_' && char !== '~') continue
      let end = index
      while (end < lineEnd && source[end] === char) end++
      const before = index === at ? ' ' : source[index - 1]
      const after = end === lineEnd ? ' ' : source[end]
      const opens = !/\s/.test(after)
      const closes = !/\s/.test(before)
      if (opens && !closes) {
        const room = Math.max(0, limit - balance)
        if (end - index > room) out.blank(index + room, end)
        balance = Math.min(limit, balance + end - index)
      } else if (closes && !opens) {
        balance = Math.max(0, balance - (end - index))
      }
      index = end - 1
    }

    if (lineEnd >= source.length) break
    lineStart = lineEnd + (source[lineEnd] === '\r' && source[lineEnd + 1] === '\n' ? 2 : 1)
  }
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
