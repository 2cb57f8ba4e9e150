// A mention is not a use: `we avoid the term "human error"` talks *about* the
// phrase. Phrases inside quotes, or introduced as a term, are skipped.
//
// Hand-written rather than `nlcst-is-literal`: that checks one word and also
// treats words next to a colon, dash or comma as literal, so `Root cause:
// human error` would be skipped; here quotes are paired across a whole block
// and only explicit quoting or "the term/word/phrase …" counts.
import type {Nodes} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {lastBelow} from './search.js'
import type {Block, Sentence, Span} from './types.js'

/** A block's quoted ranges, prepared so that each match is checked in logarithmic time. */
interface Quotes {
  /** Quoted ranges by start. */
  spans: Span[]
  /** `reach[i]`: the furthest end of `spans[0..i]`. */
  reach: number[]
  /** Normalised quoted text → end of its first quote (quotes up to `quoteLength` long). */
  firstEnd: Map<string, number>
}

/** Longer quotes are not compared with phrases (each match is a few words). */
const quoteLength = 1000

const quotedSpans = new WeakMap<Block, Quotes>()

const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim()

const isLetter = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char)

/** Ranges of quoted text in a block, in source offsets. */
function quotes(block: Block, source: string): Quotes {
  const known = quotedSpans.get(block)
  if (known) return known
  const spans: Span[] = []
  const text = source.slice(block.span.start, block.span.end)
  const open: Array<{char: string; at: number}> = []
  const closers: Record<string, string> = {'"': '"', '“': '”', '„': '“', '‘': '’', "'": "'", '«': '»', '‹': '›', '「': '」'}
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    const before = text[index - 1]
    const after = text[index + 1]
    const top = open[open.length - 1]
    const isApostrophe = (char === "'" || char === '’') && isLetter(before) && isLetter(after)
    if (isApostrophe) continue
    if (top && closers[top.char] === char && !(char === "'" && isLetter(after))) {
      open.pop()
      spans.push({start: block.span.start + top.at, end: block.span.start + index + 1})
    } else if (char in closers && !(char === "'" && (isLetter(before) || !isLetter(after)))) {
      open.push({char, at: index})
    }
  }
  spans.sort((a, b) => a.start - b.start)
  const reach: number[] = []
  const firstEnd = new Map<string, number>()
  for (const span of spans) {
    reach.push(Math.max(span.end, reach[reach.length - 1] ?? -1))
    if (span.end - span.start > quoteLength) continue
    const text = normalize(source.slice(span.start + 1, span.end - 1))
    firstEnd.set(text, Math.min(span.end, firstEnd.get(text) ?? Infinity))
  }
  const prepared = {spans, reach, firstEnd}
  quotedSpans.set(block, prepared)
  return prepared
}

/**
 * Words that introduce a phrase as a term: "the term", "words like". `like`
 * alone is no cue: "an incident like this never happens again" uses the words.
 */
const termCue = /^(term|terms|word|words|phrase|phrases|label|labels|expression|expressions|wording|language)$/i

/**
 * Whether the match `nodes` (children of `sentence.node`) is quoted or
 * discussed as a term rather than used.
 */
export function isMention(source: string, sentence: Sentence, nodes: Nodes[]): boolean {
  const first = nodes[0]
  const last = nodes[nodes.length - 1]
  const start = first.position?.start.offset
  const end = last.position?.end.offset
  if (start === undefined || end === undefined) return false
  const {spans, reach, firstEnd} = quotes(sentence.block, source)
  // Some quote opened before the match reaches past it.
  const opened = lastBelow(spans, start, (span) => span.start)
  if (opened >= 0 && reach[opened] > end - 1) return true
  // Once a paragraph has put a phrase in quotes to discuss it, its later
  // unquoted uses in that paragraph refer to the same term ("“operator
  // error” is never a root cause … any operator error is a symptom").
  if ((firstEnd.get(normalize(source.slice(start, end))) ?? Infinity) <= start) return true
  // The two words before the match.
  const siblings = sentence.node.children
  let index = lastBelow(siblings, start, (node) => node.position?.start.offset) + 1
  if (siblings[index] !== first) index = siblings.indexOf(first as (typeof siblings)[number])
  let words = 0
  for (let at = index - 1; at >= 0 && words < 2; at--) {
    if (siblings[at].type !== 'WordNode') continue
    words++
    if (termCue.test(toString(siblings[at]))) return true
  }
  return false
}
