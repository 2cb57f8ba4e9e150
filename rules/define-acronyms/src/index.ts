import {defineRule, isMention, loadWordLists, ownerColumn, sourceText, spanOf, type Document, type Sentence, type Span} from '@blamelint/core'
import {BlockTexts} from './block-texts.js'
import {isEnglish} from './english.js'

const terms = loadWordLists(new URL('../data/terms.yml', import.meta.url), ['known', 'peopleSections', 'glossarySections', 'stopwords'])
for (const term of terms.known) {
  if (!/^[A-Z][A-Z&]*[A-Z]$/.test(term)) throw new Error(`data/terms.yml: write \`${term}\` in capitals, without a plural`)
}
if (new Set(terms.known).size !== terms.known.length) throw new Error('data/terms.yml: a term in `known` is listed twice')
const known = new Set(terms.known)
const stopwords = new Set(terms.stopwords)
const titleMatcher = (list: string[]) => new RegExp(`\\b(?:${list.join('|')})\\b`, 'i')
const peopleTitle = titleMatcher(terms.peopleSections)
const glossaryTitle = titleMatcher(terms.glossarySections)

/** Capitals, optionally with a plural or possessive ending: `CMDB`, `PRs`, `CAB's`. */
const capitals = /^([A-Z][A-Z&]*[A-Z])(?:s|'s|’s)?$/
const roman = /^(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})$/

type WordNode = Sentence['node']['children'][number]

/** One use of an acronym. */
interface Use {
  acronym: string
  start: number
  end: number
  node: WordNode
  sentence: Sentence
}

function* usesIn(document: Document, sentence: Sentence): Generator<Use> {
  for (const node of sentence.node.children) {
    const span = spanOf(node)
    if (node.type !== 'WordNode' || !span) continue
    const {start} = span
    const parts = document.source.slice(start, span.end).split(/([-/])/)
    // Ticket ids and dates: INFRA-90, 2023-MM-DD.
    if (parts.some((part) => /^\d/.test(part))) continue
    // `.NET`, `$TOKEN`, `#SRE`, `@OPS`: names and variables, not acronyms.
    if (/[.$#@]/.test(document.source[start - 1] ?? '')) continue
    let offset = start
    for (const part of parts) {
      const acronym = capitals.exec(part)?.[1]
      if (acronym) yield {acronym, start: offset, end: offset + acronym.length, node, sentence}
      offset += part.length
    }
  }
}

const isCapitalWord = (text: string) => /^[A-Z]{4,}$/.test(text) && isEnglish(text)

/**
 * A word in capitals that is not an acronym: shouting ("OUTAGE BEGINS",
 * "**DONE**"), a code constant (`SELFDESTRUCT`), a placeholder (`XX`) or a
 * roman numeral.
 */
function isNotAnAcronym(document: Document, use: Use): boolean {
  const {acronym, start, end, sentence, node} = use
  if (acronym.length > 6 || /^(.)\1+$/.test(acronym) || roman.test(acronym)) return true
  if (isEnglish(acronym) && (acronym.length >= 4 || (/[*_]/.test(document.source[start - 1] ?? '') && /[*_]/.test(document.source[end] ?? '')))) return true
  // Next to a shouted word: "SHOW ENGINE INNODB STATUS".
  const siblings = sentence.node.children
  const index = siblings.indexOf(node)
  return [siblings[index - 2], siblings[index + 2]].some(
    (neighbour, side) =>
      neighbour?.type === 'WordNode' &&
      siblings[index + (side === 0 ? -1 : 1)]?.type === 'WhiteSpaceNode' &&
      isCapitalWord(sourceText(document, [neighbour]))
  )
}

const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}'’]+/u).filter(Boolean)

/**
 * Whether `words`, all of them, spell `letters` by their initials. Small
 * words may be skipped ("Bureau of Labor Statistics"), at most `skips` of
 * them in a row.
 */
function spells(words: string[], letters: string, skips = Infinity, word = 0, letter = 0, run = 0): boolean {
  if (letter === letters.length) return words.length - word <= skips - run && words.slice(word).every((rest) => stopwords.has(rest))
  if (word === words.length) return false
  const current = words[word]
  return (
    (current[0] === letters[letter] && spells(words, letters, skips, word + 1, letter + 1, 0)) ||
    (run < skips && stopwords.has(current) && spells(words, letters, skips, word + 1, letter, run + 1))
  )
}

/** Whether `text` reads as the expansion of `acronym`, in order or not: "incident manager on call", "the on-call incident manager". */
function expands(text: string, acronym: string): boolean {
  const letters = acronym.toLowerCase().replace(/[^a-z]/g, '')
  const words = wordsOf(text.replaceAll('-', ' '))
  if (words.some((_, end) => spells(words.slice(0, end + 1), letters))) return true
  const content = words.filter((word) => !stopwords.has(word))
  const initials = new Set(words.map((word) => word[0]))
  if (content.length <= letters.length + 2 && [...letters].every((letter) => initials.has(letter))) return true
  // Letters inside words, the first at a word start: "PostgreSQL (PG)".
  const first = content.findIndex((word) => word[0] === letters[0])
  if (first < 0 || content.length > letters.length + 2) return false
  const rest = content.slice(first).join(' ')
  let at = 0
  return [...letters].every((letter) => (at = rest.indexOf(letter, at) + 1) > 0)
}

/**
 * The acronyms a run of words somewhere in `segments` spells: "change
 * advisory board", "mean time to detect", "Infrastructure, Platforms, and
 * Security". Small words are skipped one at a time, so that "Phase II of the
 * rollout" does not spell PIR. Collected in one pass over the words (each
 * run of up to 11 words from a start word), not a pass per acronym.
 */
function spellings(segments: string[][]): Set<string> {
  const spelled = new Set<string>()
  for (const words of segments) {
    words.forEach((word, start) => {
      if (stopwords.has(word)) return
      // Depth-first over the words after `start`: each gives its initial, or a small word (one at a time) is skipped.
      const walk = (at: number, letters: string, skipped: boolean) => {
        const length = at - start
        if (letters.length >= 3 && !stopwords.has(words[at - 1]) && length <= letters.length * 2 - 1) spelled.add(letters)
        if (at >= words.length || letters.length >= 6 || length >= 11) return
        walk(at + 1, letters + words[at][0], false)
        if (!skipped && stopwords.has(words[at])) walk(at + 1, letters, true)
      }
      walk(start + 1, word[0], false)
    })
  }
  return spelled
}

/** An acronym as `capitals` reads it, without its plural. */
const acronym = '([A-Z][A-Z&]*[A-Z])'

/**
 * Which acronyms the document defines, before or after their first use.
 * Each pattern runs once over the prose with any acronym in its place,
 * rather than once per acronym: a document with thousands of acronyms (a
 * pasted table, a log) made that quadratic.
 */
function definitions(prose: string, segments: string[][]): (name: string) => boolean {
  const defined = new Set<string>()
  // "extract, transform, load (ETL)", "the change board (or CAB)".
  for (const match of prose.matchAll(new RegExp(`[\\p{L}\\p{N}][^\\S\\n]*\\((?:or |aka |a\\.k\\.a\\. |hereafter |short |abbreviated )?["“']?${acronym}s?["”']?(?: for short)?\\)`, 'gu'))) {
    defined.add(match[1])
  }
  for (const match of prose.matchAll(new RegExp(`\\b${acronym}s?\\b,?\\s+(?:stands for|is short for|short for|is an abbreviation for|is an acronym for)\\s`, 'gu'))) {
    defined.add(match[1])
  }
  // "ETL (extract, transform, load)", "ETL stands for …", glossary lines "ETL: …".
  const after = [
    new RegExp(`\\b${acronym}s?\\b["”']?\\s*\\(([^()\\n]{3,120})\\)`, 'gu'),
    new RegExp(`\\b${acronym}s?\\b["”']?,?\\s+(?:stands for|is short for|short for|is an abbreviation for|is an acronym for|means|refers to|is the|is our|or|i\\.e\\.,?)\\s+([^.;()\\n]{3,120})`, 'gu'),
    // `[^\\S\\n]*`, not `\\s*`: from every line start, `\\s*` rescanned a run of blank lines.
    new RegExp(`^[^\\S\\n]*["“]?${acronym}s?["”]?(?:\\s+\\p{L}+){0,2}\\s*[:—–=-]\\s*([^\\n]{3,120})`, 'gmu'),
    new RegExp(`\\b${acronym}s?\\b\\s*[—–]\\s*([^—–.;()\\n]{3,120})`, 'gu')
  ]
  for (const pattern of after) {
    for (const match of prose.matchAll(pattern)) if (expands(match[2], match[1])) defined.add(match[1])
  }
  // "the change advisory board, or CAB,".
  for (const match of prose.matchAll(new RegExp(`([^.;:()\\n]{3,120}?),?\\s+(?:or|aka|a\\.k\\.a\\.|also known as|known as|hereafter|abbreviated(?: as)?|shortened to|[—–])\\s+["“]?${acronym}\\b`, 'gu'))) {
    const words = wordsOf(match[1].replaceAll('-', ' '))
    if (words.some((_, start) => spells(words.slice(start), match[2].toLowerCase()))) defined.add(match[2])
  }
  const spelled = spellings(segments)
  return (name) => defined.has(name) || (name.length >= 3 && spelled.has(name.toLowerCase()))
}

export default defineRule({
  meta: {
    id: 'define-acronyms',
    description: 'Flags acronyms and jargon used without a definition.',
    severity: 'suggestion',
    recommended: true,
    options: {
      allow: {
        type: 'string[]',
        default: [],
        description: 'Acronyms your readers know, in addition to the built-in list of common terms (HTTP, API, DNS, CPU, SQL, URL, TLS…).'
      }
    }
  },
  create(context) {
    const allowed = new Set(context.options.allow.map((term) => term.toUpperCase()))
    /** Each acronym's first use, in the order first used. */
    const first = new Map<string, Span>()
    const glossary = new Set<string>()
    const texts = new BlockTexts()
    return {
      part(document) {
        for (const block of document.blocks) texts.add(document.source, block)
        const ownerSpans = document.actionItems.flatMap((item) =>
          Object.entries(item.columns)
            .filter(([header]) => ownerColumn.test(header))
            .map(([, field]) => field.span)
        )
        for (const sentence of document.sentences) {
          const inGlossary = sentence.section.path.some((title) => glossaryTitle.test(title))
          for (const use of usesIn(document, sentence)) {
            const {acronym, start, end} = use
            if (inGlossary) glossary.add(acronym)
            // A linked acronym leads the reader to its definition: "[CMDB](https://…)".
            if (document.source[start - 1] === '[' && document.source.slice(end, end + 2) === '](') glossary.add(acronym)
            if (first.has(acronym) || known.has(acronym) || allowed.has(acronym)) continue
            if (sentence.section.path.some((title) => peopleTitle.test(title))) continue
            if (ownerSpans.some((span) => start >= span.start && end <= span.end)) continue
            if (isMention(document.source, sentence, [use.node]) || isNotAnAcronym(document, use)) continue
            first.set(acronym, {start, end})
          }
        }
      },
      finish() {
        if (first.size === 0) return
        const prose = texts.join()
        const isDefined = definitions(prose, prose.split(/[.;:()!?\n]+/).map(wordsOf))
        for (const [acronym, span] of first) {
          if (glossary.has(acronym) || isDefined(acronym)) continue
          context.report({
            span,
            actual: acronym,
            message:
              `\`${acronym}\` is not defined in this document. Readers from other teams, and newcomers reading the review later, ` +
              `may not know it and lose the thread. Spell it out at its first use, with the acronym in parentheses ` +
              `("change advisory board (CAB)"), or add it to the rule's \`allow\` option if every reader knows it.`
          })
        }
      }
    }
  }
})
