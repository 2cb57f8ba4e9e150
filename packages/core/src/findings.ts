// The one reporting path for rules that report a stretch of a sentence: a
// phrase-table match, or a match widened to its subject or verb ("should have
// checked" → "The reviewer should have checked"). It fills the message's
// placeholders, falls back to the table's message and note, and fits each
// suggestion into the sentence, so that applying it reads as English:
//
// - a replacement that brings its own article takes over the article (or
//   possessive) before the range: "caused by a human error" → "caused by a
//   missing safeguard", not "a a missing safeguard";
// - "a"/"an" before the range agrees with the replacement: "an outage" →
//   "a degradation";
// - at the start of a sentence a replacement starts with a capital, as the
//   text it replaces did: "Human error caused…" → "A missing safeguard
//   caused…"; removing an opening phrase takes its comma along and
//   capitalises the next word: "Of course, it broke" → "It broke".
// - removing a phrase set off by commas takes them along: "…was missed,
//   needless to say." → "…was missed."
//
// The reported range (and `actual`) grows over the words a fix has to
// change with it; the message still quotes the text that was found.
import type {SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {spanOf} from './parse/builder.js'
import type {Document, RuleContext, Sentence, Span} from './types.js'

/** The source text that `nodes` cover, markup included ("**should** have"). */
export function sourceText(document: Document, nodes: SentenceContent[]): string {
  const span = spanOfNodes(nodes)
  return span ? document.source.slice(span.start, span.end) : ''
}

/** Where `nodes` (adjacent siblings) sit in the source. */
export function spanOfNodes(nodes: SentenceContent[]): Span | undefined {
  const first = nodes.length > 0 ? spanOf(nodes[0]) : undefined
  const last = nodes.length > 0 ? spanOf(nodes[nodes.length - 1]) : undefined
  return first && last ? {start: first.start, end: last.end} : undefined
}

/** Replace `{name}` placeholders in a message template ("`{actual}` names a person…"). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(values, name) ? values[name] : placeholder))
}

/** What to say about the reported text. */
export interface Finding {
  /** What was found, why it harms learning, what to write instead; `{actual}` becomes the reported text. */
  message: string
  /** Replacements (`''` = remove); fitted to the sentence when reported. */
  expected?: string[]
  note?: string
  /** Values of the message's other placeholders (`{person}`, `{reason}`). */
  values?: Record<string, string>
}

/** A table entry's finding: its own message and note, else the table's. */
export function findingOf(
  entry: {message?: string; expected?: string[]; note?: string},
  table: {message: string; note?: string},
  values?: Record<string, string>
): Finding {
  return {message: entry.message ?? table.message, expected: entry.expected, note: entry.note ?? table.note, values}
}

/**
 * Report `nodes` (children of `sentence.node`): their source text fills
 * `{actual}`; suggestions are fitted to the sentence (see the top of this
 * file), which may widen the range and so `actual`.
 */
export function reportNodes(document: Document, context: RuleContext, sentence: Sentence, nodes: SentenceContent[], finding: Finding): void {
  const found = spanOfNodes(nodes)
  const sentenceStart = spanOf(sentence.node)?.start
  if (!found || sentenceStart === undefined) {
    // Nodes without positions (built by hand, not parsed): nothing to fit.
    const values = {...finding.values, actual: toString(nodes)}
    context.report({node: nodes, message: fill(finding.message, values), expected: finding.expected, note: finding.note && fill(finding.note, values)})
    return
  }
  const {span, expected} = finding.expected ? fitReplacements(document.source, sentenceStart, found, finding.expected) : {span: found, expected: undefined}
  const values = {...finding.values, actual: document.source.slice(found.start, found.end)}
  const note = finding.note === undefined ? undefined : fill(finding.note, values)
  const widened = span.start !== found.start || span.end !== found.end
  context.report({span, actual: document.source.slice(span.start, span.end), found: widened ? values.actual : undefined, message: fill(finding.message, values), expected, note})
}

/**
 * Words before a range that a replacement with its own article takes over.
 * Not "that" or "her", which are as often a conjunction or an object.
 */
const determiner = /(?:^|[^\p{L}\p{N}'’-])(an?|the|this|these|those|our|their|its|his|my|your)([ \t]+|[ \t]*\r?\n[ \t]*)$/iu
const leadingArticle = /^(?:an?|the)\s/i

/**
 * "a" or "an" before `word`, by its first sound. Replacements come from the
 * rules' own tables, so first letters and a few exceptions are enough (a
 * full pronunciation list would be a large dependency for a handful of words).
 */
export function indefiniteArticle(word: string): 'a' | 'an' {
  // Initialisms are read letter by letter: "an SRE", "a DNS change".
  if (/^\p{Lu}{2,}(?!\p{Ll})/u.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a'
  const lower = word.toLowerCase()
  if (/^(?:hour|honest|honou?r|heir)/.test(lower)) return 'an'
  if (/^(?:uni|use|usu|ure|uri|eu|one\b|once)/.test(lower)) return 'a'
  return /^[aeiou]/.test(lower) ? 'an' : 'a'
}

const capitalise = (text: string) => (/^\p{Ll}/u.test(text) ? text[0].toUpperCase() + text.slice(1) : text)

/** `word` with the first letter of `model`'s case: "An" for "A". */
const inCaseOf = (model: string, word: string) => (/^\p{Lu}/u.test(model) ? capitalise(word) : word)

/** The comma or colon, space and lower-case word after an opening phrase: ", it" in "Of course, it broke". */
const afterOpening = /^[,;:]?[ \t]+(\p{Ll}[\p{L}\p{N}'’-]*)?/u

/**
 * Fit replacements of `source[span]` into its sentence, which starts at
 * `sentenceStart`: take over a determiner before the span when a replacement
 * brings its own article or "a"/"an" has to change; at the start of a
 * sentence, capitalise, and let a removal take the comma and the next word;
 * elsewhere let a removal take the commas around it.
 */
export function fitReplacements(source: string, sentenceStart: number, span: Span, expected: string[]): {span: Span; expected: string[]} {
  let {start, end} = span
  let fitted = expected
  const before = determiner.exec(source.slice(Math.max(sentenceStart, start - 12), start))
  if (before) {
    const [, word, space] = before
    const indefinite = /^an?$/i.test(word)
    const agreeing = (text: string) => (indefinite ? inCaseOf(word, indefiniteArticle(text)) : word)
    const takesOver = (text: string) => text !== '' && (leadingArticle.test(text) || (indefinite && agreeing(text) !== word))
    if (expected.some(takesOver)) {
      start -= word.length + space.length
      fitted = expected.map((text) => (text === '' ? word : leadingArticle.test(text) ? text : `${agreeing(text)} ${text}`))
    }
  }
  if (/\p{Ll}/u.test(source.slice(sentenceStart, start))) {
    // Removing a phrase set off by commas takes them along: "…missed, needless to say, the target" → "…missed the target".
    const comma = fitted.includes('') && /^[,.;:!?]/.test(source.slice(end)) ? /,[ \t]+$/.exec(source.slice(sentenceStart, start)) : null
    if (comma) {
      const [lead, trail] = [comma[0], source[end] === ',' ? ',' : '']
      start -= lead.length
      end += trail.length
      fitted = fitted.map((text) => (text === '' ? '' : lead + text + trail))
    }
    return {span: {start, end}, expected: fitted}
  }
  // At the start of the sentence. A capital there that is not a name or an initialism marks the start.
  const capital = /^\p{Lu}(?!\p{Lu})/u.test(source.slice(start, end))
  const tail = fitted.includes('') ? afterOpening.exec(source.slice(end)) : null
  if (tail) {
    end += tail[0].length
    const next = tail[1] ?? ''
    fitted = fitted.map((text) => (text === '' ? (capital ? capitalise(next) : next) : text + tail[0]))
  }
  return {span: {start, end}, expected: capital ? fitted.map(capitalise) : fitted}
}
