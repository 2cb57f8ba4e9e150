// A mention is not a use: `we avoid the term "human error"` talks *about* the
// phrase. Phrases inside quotes, or introduced as a term, are skipped.
//
// Hand-written rather than `nlcst-is-literal`: that checks one word and also
// treats words next to a colon, dash or comma as literal, so `Root cause:
// human error` would be skipped; here quotes are paired across a whole block
// and only explicit quoting or "the term/word/phrase …" counts.
import type {Nodes} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Block, Sentence, Span} from './types.js'

const quotedSpans = new WeakMap<Block, Span[]>()

const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim()

const isLetter = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char)

/** Ranges of quoted text in a block, in source offsets. */
function quotes(block: Block, source: string): Span[] {
  let spans = quotedSpans.get(block)
  if (spans) return spans
  spans = []
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
  quotedSpans.set(block, spans)
  return spans
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
  const quoted = quotes(sentence.block, source)
  if (quoted.some((span) => span.start < start && span.end > end - 1)) return true
  // Once a paragraph has put a phrase in quotes to discuss it, its later
  // unquoted uses in that paragraph refer to the same term ("“operator
  // error” is never a root cause … any operator error is a symptom").
  const phrase = normalize(source.slice(start, end))
  if (quoted.some((span) => span.end <= start && normalize(source.slice(span.start + 1, span.end - 1)) === phrase)) return true
  const siblings = sentence.node.children
  const index = siblings.indexOf(first as (typeof siblings)[number])
  const previous = siblings.slice(0, Math.max(index, 0)).filter((node) => node.type === 'WordNode').slice(-2)
  return previous.some((word) => termCue.test(toString(word)))
}
