import {
  defineRule,
  fill,
  findingOf,
  findPhrases,
  loadPhraseTable,
  reportNodes,
  sourceText,
  spanOf,
  textSpan,
  wordText,
  type Document,
  type PhraseMatch,
  type PhraseMatchOf,
  type Report,
  type Sentence
} from '@blamelint/core'

const dataFile = (name: string) => new URL(`../data/${name}`, import.meta.url)
const outageTable = loadPhraseTable(dataFile('outage.yml'), {lists: ['notAUse', 'notAUseAfter', 'impactSections', 'dateWords']})
const partial = loadPhraseTable(dataFile('partial.yml'), {
  lists: ['resources', 'causeStarters', 'causeVerbs', 'groups', 'groupPrepositions', 'notSubsets', 'latencyVerbs', 'latencySubjects'],
  fields: {scope: 'boolean'}
})
const full = loadPhraseTable(dataFile('full.yml'), {lists: ['negators', 'failures', 'people'], fields: {withFailure: 'boolean', subjectIsPeople: 'boolean'}})

/** Something a sentence says about the impact. */
interface Cue {
  text: string
  /** Why it shows partial impact ("limits the impact to part of the users or traffic"). */
  reason: string
  /** Limits the impact to part of the users or traffic, which also takes back a full-loss cue. */
  scope: boolean
}

const anyOf = (list: string[]) => new RegExp(`\\b(?:${list.join('|')})\\b`, 'i')
const impactTitle = anyOf(outageTable.impactSections)
const causeStarter = anyOf(partial.causeStarters)
const causeVerb = anyOf(partial.causeVerbs)

const isWord = (node: {type: string}) => node.type === 'WordNode'
const wordsBefore = (match: PhraseMatch, count: number) => match.sentence.node.children.slice(0, match.index).filter(isWord).map(wordText).slice(-count)
const wordsAfter = (match: PhraseMatch, count: number) => match.sentence.node.children.slice(match.index + match.nodes.length).filter(isWord).map(wordText).slice(0, count)
const sentenceWords = (sentence: Sentence) => sentence.node.children.filter(isWord).map(wordText)

/** Whether the text at `start`–`end` of a sentence sits in a cause clause ("began when a slow query…"). */
const isCause = (sentence: Sentence, start: number, end: number) => causeStarter.test(sentence.text.slice(0, start)) || causeVerb.test(sentence.text.slice(end))

/** Whether a percentage is a resource level ("CPU at 95%", "60% of the error budget"): its words and the two before it. */
const isResourceLevel = (sentence: Sentence, match: RegExpExecArray) => {
  const before = sentence.text.slice(0, match.index).split(/\s+/).slice(-3).join(' ')
  return `${before} ${match[0]}`.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((word) => partial.resources.includes(word))
}
const hasFailureWord = (sentence: Sentence) => sentenceWords(sentence).some((word) => full.failures.includes(word))

// Numbers are read here rather than from a phrase table, which cannot compare
// them: "4% of requests" is partial, "100% of requests failed" is not.
// Starting at a number's first digit: from every digit of a long run, `\d+` rescanned the rest.
const percentage = /(?<!\d)(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)(?:\s+of(?:\s+[\w-]+){1,2})?/gi
const numberWords: Record<string, number> = {one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100}
const count = `\\d[\\d,]*|${Object.keys(numberWords).join('|')}`
const share = new RegExp(`\\b(${count})\\s+(?:out\\s+)?of\\s+(?:the\\s+|our\\s+|its\\s+)?(${count})\\b(?:\\s+[\\w-]+)?`, 'gi')
const toNumber = (text: string) => numberWords[text.toLowerCase()] ?? Number(text.replaceAll(',', ''))
const oneIn = new RegExp(`\\b(?:one|1)\\s+in\\s+(?:${count}|a\\s+hundred|a\\s+thousand)\\b`, 'gi')
const shareReason = 'gives the share of users or traffic affected'

// "for Android users", "for customers on the free plan": a qualified group.
const group = partial.groups.join('|')
const subset = new RegExp(`\\bfor\\s+(?:((?:[\\w-]+\\s+){1,3})(?:${group})|(?:the\\s+)?(?:${group})\\s+(?:${partial.groupPrepositions.join('|')})\\s+(?:(?:the|a|an)\\s+)?([\\w-]+))\\b`, 'gi')
const isSubset = (match: RegExpExecArray) => (match[1] ?? match[2]).toLowerCase().split(/\s+/).every((word) => !partial.notSubsets.includes(word))

// "took up to 8 seconds to load", "page loads took 12 s".
const amount = String.raw`(?:\d+(?:[.,]\d+)?|a\s+few|several|many)`
const duration = String.raw`(?:(?:up\s+to|over|more\s+than|as\s+long\s+as|about|around|roughly|nearly|almost)\s+)?${amount}(?:\s*(?:-|–|to)\s*${amount})?\s*(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?)\b`
const slowResponse = new RegExp(String.raw`\btook\s+${duration}\s+to\s+(?:${partial.latencyVerbs.join('|')})\b|\b(?:${partial.latencySubjects.join('|')})\s+took\s+${duration}`, 'gi')

/** Partial-impact cues in a sentence read with regular expressions, outside cause clauses. */
function patternCues(sentence: Sentence): Cue[] {
  const found: Array<{match: RegExpExecArray; reason: string; scope: boolean}> = []
  const add = (matches: Iterable<RegExpExecArray>, reason: string, scope: boolean) => {
    for (const match of matches) found.push({match, reason, scope})
  }
  add([...sentence.text.matchAll(percentage)].filter((match) => Number(match[1]) < 100 && !isResourceLevel(sentence, match)), shareReason, true)
  add([...sentence.text.matchAll(share)].filter((match) => toNumber(match[1]) < toNumber(match[2])), shareReason, true)
  add(sentence.text.matchAll(oneIn), shareReason, true)
  add([...sentence.text.matchAll(subset)].filter(isSubset), 'limits the impact to part of the users', true)
  add(sentence.text.matchAll(slowResponse), 'describes slowness rather than a loss of service', false)
  return found
    .filter(({match}) => !isCause(sentence, match.index, match.index + match[0].length))
    .map(({match, reason, scope}) => ({text: match[0], reason, scope}))
}

/** "100% of requests failed". */
const statesTotalFailure = (sentence: Sentence) =>
  hasFailureWord(sentence) && [...sentence.text.matchAll(percentage)].some((match) => Number(match[1]) >= 100 && !isResourceLevel(sentence, match))

/** Partial-impact cues per sentence, found when first asked for: most sentences are never asked about. */
function partialCues(document: Document): (sentence: Sentence) => Cue[] {
  const cues = new Map<Sentence, Cue[]>()
  return (sentence) => {
    let found = cues.get(sentence)
    if (found) return found
    found = patternCues(sentence)
    for (const match of findPhrases(document, partial, [sentence])) {
      const next = match.sentence.node.children.slice(match.index + match.nodes.length).find(isWord)
      // "some 40 minutes" is an estimate, not a share.
      if (next && /^\d/.test(wordText(next))) continue
      const {start, end} = textSpan(match.sentence, match.nodes)
      if (isCause(match.sentence, start, end)) continue
      const {entry} = match
      // Show a single word with the word it qualifies: "some emails", not "some".
      const following = match.sentence.node.children.slice(match.index + match.nodes.length, match.index + match.nodes.length + 2)
      const text = match.nodes.length === 1 && following[0]?.type === 'WhiteSpaceNode' && following[1] && isWord(following[1]) ? `${match.actual} ${wordText(following[1])}` : match.actual
      found.push({text, reason: entry.message ?? partial.message, scope: entry.scope === true})
    }
    cues.set(sentence, found)
    return found
  }
}

function isFullLossCue(match: PhraseMatchOf<typeof full>): boolean {
  const {entry} = match
  if (wordsBefore(match, 4).some((word) => full.negators.includes(word))) return false
  if (entry.withFailure && !hasFailureWord(match.sentence)) return false
  if (entry.subjectIsPeople && !full.people.includes(wordText(match.nodes[0]))) return false
  return true
}

/**
 * Whether the document states a full loss of service in `sentences`: a cue
 * that is not negated and not limited to part of the users in its sentence.
 */
function statesFullLoss(document: Document, sentences: Sentence[], cuesOf: (sentence: Sentence) => Cue[]): boolean {
  const limited = (sentence: Sentence) => cuesOf(sentence).some((cue) => cue.scope)
  if (sentences.some((sentence) => statesTotalFailure(sentence) && !limited(sentence))) return true
  return findPhrases(document, full, sentences).some((match) => isFullLossCue(match) && !limited(match.sentence))
}

const underImpactHeading = (sentence: Sentence) => sentence.section.path.some((title) => impactTitle.test(title))

/** Capitalised words before "outage" that are not names: "The outage", "During outage" in a heading. */
const functionWords = new Set(['the', 'a', 'an', 'this', 'that', 'our', 'their', 'its', 'during', 'after', 'before', 'since', 'until'])

/** Whether a match of `outage` is a use of the word about this incident. */
function isUse(document: Document, match: PhraseMatch): boolean {
  if (wordsBefore(match, 4).some((word) => outageTable.notAUse.includes(word))) return false
  if (wordsAfter(match, 4).some((word) => outageTable.notAUseAfter.includes(word))) return false
  const start = spanOf(match.nodes[0])?.start ?? 0
  // A channel, handle or path: `#outages`, `@outage-team`.
  if (/[#@/_-]/.test(document.source[start - 1] ?? '')) return false
  // Words that start with a letter: "14:02 The outage" starts at "The".
  const words = match.sentence.node.children.filter((node) => isWord(node) && /^\p{L}/u.test(wordText(node)))
  const at = words.indexOf(match.nodes[0] as (typeof words)[number])
  const last = words.indexOf(match.nodes[match.nodes.length - 1] as (typeof words)[number])
  const capitalised = (node: (typeof words)[number] | undefined) => node !== undefined && /^\p{Lu}/u.test(sourceText(document, [node]))
  // Names: "the Outage Response Team", "a GitHub outage" (someone else's).
  if (capitalised(words[at]) && (at > 0 || capitalised(words[last + 1]))) return false
  const previous = words[at - 1]
  const isDate = (word: string) => outageTable.dateWords.includes(word.replace(/'s$/, ''))
  return !(at > 1 && capitalised(previous) && !functionWords.has(wordText(previous)) && !isDate(wordText(previous)))
}

export default defineRule({
  meta: {
    id: 'outage-usage',
    description: 'Flags "outage" for impact that was not a full loss of service.',
    severity: 'warning',
    recommended: true
  },
  create(context) {
    // Whether a use is reported depends on the whole document: whether it states a full loss of
    // service anywhere, and what its impact statement says. Uses are found part by part, with
    // the facts each part gives, and reported at the end.
    let fullLoss = false
    let headed = false
    /** The impact statement's first cue, and its first that counts in a document with headings. */
    let firstCue: Cue | undefined
    let firstHeadedCue: Cue | undefined
    /** Uses found, their messages to be completed with the reason. */
    const uses: Array<{report: Report; own: Cue | undefined; modifier: boolean}> = []
    return {
      part(document) {
        if (fullLoss) return
        headed ||= document.sections.some((section) => section.depth > 0)
        const inActionItems = new Set(document.actionItems.flatMap((item) => item.sentences))
        const evidence = document.sentences.filter((sentence) => !inActionItems.has(sentence))
        const cuesOf = partialCues(document)
        if (statesFullLoss(document, evidence, cuesOf)) {
          fullLoss = true
          return
        }
        // The impact statement: an "Impact" or "Summary" section, or the lead
        // paragraphs. A share of users counts anywhere there; a word such as
        // "slow" only under an impact heading or in a document without headings.
        for (const sentence of evidence) {
          if (firstHeadedCue) break
          if (sentence.section.depth > 1 && !underImpactHeading(sentence)) continue
          const own = cuesOf(sentence)
          firstCue ??= own[0]
          firstHeadedCue = own.find((cue) => cue.scope || underImpactHeading(sentence))
        }
        for (const match of findPhrases(document, outageTable)) {
          if (!isUse(document, match)) continue
          const use = {own: cuesOf(match.sentence)[0], modifier: Boolean(match.entry.message)}
          // The reason is filled in at the end.
          reportNodes(document, {...context, report: (report) => uses.push({report, ...use})}, match.sentence, match.nodes, findingOf(match.entry, outageTable))
        }
      },
      finish() {
        if (fullLoss) return
        const impactCue = headed ? firstHeadedCue : firstCue
        for (const {report, own, modifier} of uses) {
          let reason: string
          if (modifier) reason = ''
          else if (own) reason = `this sentence ${own.reason} (“${own.text}”)`
          else if (impactCue) reason = `the document never says the service was unavailable, and its impact statement ${impactCue.reason} (“${impactCue.text}”)`
          else continue
          context.report({...report, message: fill(report.message, {reason}), note: report.note && fill(report.note, {reason})})
        }
      }
    }
  }
})
