import {
  defineRule,
  findCounterfactuals,
  findPhrases,
  isBoundary,
  isMention,
  isVerbGroup,
  loadPhraseTable,
  namedTerms,
  nodesIn,
  referentOf,
  subjectBefore,
  termRange,
  termsOf,
  type PhraseEntry,
  type PhraseTable,
  type Sentence,
  type Term,
  type TermRange
} from '@blamelint/core'

type Entry = PhraseEntry & {withNextWord?: boolean; dropFirstWord?: boolean}

const table = loadPhraseTable(new URL('../data/phrases.yml', import.meta.url)) as PhraseTable & {signals: string[]; groups: string[]}

const counterfactualMessage =
  '`{actual}` is a counterfactual about someone else, judged with knowledge of the outcome. Knowing how it ended ' +
  'makes the right path look obvious; it did not look that way at the time. Say what the person saw, what the tools ' +
  'showed, and why the action made sense then.'

/** Words after "obvious" that already mark it as hindsight: "obvious only in hindsight", "obvious only because we know…". */
const acknowledged = /^only\b|^(in|with) (hindsight|retrospect)\b|^after the fact\b/

const has = (term: Term | undefined, tag: string) => term?.tags.has(tag) ?? false

/**
 * Whether the subject of the predicate at term `index` is other people, not
 * named ones: "the engineer", "someone", "the support rotation" (groups the
 * shared referent check does not know count as people). The writer is
 * no-self-blame's, a named person no-named-blame's.
 */
function aboutOthers(sentence: Sentence, terms: Term[], index: number, people: readonly string[]): boolean {
  const range = subjectBefore(terms, index, false)
  if (!range) return false
  const words = terms.slice(...range)
  const named = namedTerms(sentence, {people})
  if (words.some((term) => named.has(term))) return false
  const head = words.findLast((term) => has(term, 'Noun'))
  return (head !== undefined && table.groups.includes(head.normal)) || referentOf(words, named) === 'person'
}

/** Whether a negation stands in the clause before term `index`: "it was not immediately obvious", "none of this was obvious". */
function negatedBefore(terms: Term[], index: number): boolean {
  for (let at = index - 1; at >= 0 && !isBoundary(terms[at], terms[at + 1]); at--) {
    if (has(terms[at], 'Negative') || /^(hardly|barely|far|nothing|none|no|nobody)$/.test(terms[at].normal)) return true
  }
  return false
}

/** Whether a phrase match passes its entry's context check (see `kind` in the table). */
function accepts(sentence: Sentence, terms: Term[], range: TermRange, entry: Entry, people: readonly string[]): boolean {
  switch (entry.kind) {
    case 'obvious': {
      const after = terms.slice(range[1], range[1] + 3).map((term) => term.normal).join(' ')
      return !negatedBefore(terms, range[1]) && !acknowledged.test(after)
    }
    case 'judged': {
      return aboutOthers(sentence, terms, range[0], people)
    }
    case 'passive': {
      // "the alert that had been ignored": the subject is what "that" stands for.
      let cursor = range[0]
      while (cursor > 0 && isVerbGroup(terms[cursor - 1])) cursor--
      const relative = /^(that|which)$/.test(terms[cursor - 1]?.normal ?? '') ? cursor - 1 : range[0]
      const subject = subjectBefore(terms, relative, false)
      const head = subject && terms.slice(...subject).findLast((term) => has(term, 'Noun'))
      return head !== undefined && table.signals.includes(head.normal)
    }
    default:
      return true
  }
}

/** Replacements for a match: the verb without its judging adverb, "did not notice", "was not acted on". */
function suggestions(entry: Entry, actual: string): string[] | undefined {
  const words = actual.split(/\s+/)
  if (entry.dropFirstWord) return [words.slice(1).join(' ')]
  if (entry.kind === 'passive') return /^(was|were)$/i.test(words[0]) ? [`${words[0]} not acted on`] : undefined
  return entry.withNextWord ? entry.expected?.map((text) => `${text} ${words[words.length - 1]}`) : entry.expected
}

const sourceText = (source: string, nodes: Sentence['node']['children']) =>
  source.slice(nodes[0].position?.start.offset, nodes[nodes.length - 1].position?.end.offset)

export default defineRule({
  meta: {
    id: 'no-hindsight',
    description: 'Flags hindsight judgements about others ("should have known", "it was obvious that").',
    severity: 'warning',
    recommended: true
  },
  check(document, context) {
    const people = context.settings.people
    for (const match of findPhrases(document, table)) {
      const entry = match.entry as Entry
      const terms = termsOf(match.sentence)
      const range = termRange(match.sentence, match.nodes)
      if (!range || !accepts(match.sentence, terms, range, entry, people)) continue
      // "failed to notice": the verb belongs to the report.
      const end = entry.withNextWord && terms[range[1]] ? range[1] + 1 : range[1]
      const nodes = nodesIn(match.sentence, terms[range[0]].start, terms[end - 1].end)
      const actual = sourceText(document.source, nodes)
      context.report({
        node: nodes,
        message: (entry.message ?? table.message).replaceAll('{actual}', actual),
        actual,
        expected: suggestions(entry, actual),
        note: entry.note ?? table.note
      })
    }

    for (const sentence of document.sentences) {
      const counterfactuals = findCounterfactuals(sentence)
      if (counterfactuals.length === 0) continue
      const terms = termsOf(sentence)
      for (const {range, passive, fact} of counterfactuals) {
        // Systems ("the load balancer should have failed over") are left alone.
        if (passive || !aboutOthers(sentence, terms, range[0], people)) continue
        const nodes = nodesIn(sentence, terms[range[0]].start, terms[range[1] - 1].end)
        if (isMention(document.source, sentence, nodes)) continue
        const actual = sourceText(document.source, nodes)
        const plain = sentence.text.slice(terms[range[0]].start, terms[range[1] - 1].end) === actual
        context.report({
          node: nodes,
          message: counterfactualMessage.replaceAll('{actual}', actual),
          actual,
          expected: fact && plain ? [fact] : undefined,
          note: table.note
        })
      }
    }
  }
})
