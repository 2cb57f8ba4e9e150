import {
  defineRule,
  findCounterfactuals,
  findingOf,
  findPhrases,
  isBoundary,
  isMention,
  isPersonTerm,
  isVerbGroup,
  loadPhraseTable,
  namedTerms,
  negatedBefore,
  nodesIn,
  phraseAfter,
  referentOf,
  reportNodes,
  sourceText,
  subjectBefore,
  termRange,
  termsOf,
  type Counterfactual,
  type Sentence,
  type Term,
  type TermRange
} from '@blamelint/core'

const table = loadPhraseTable(new URL('../data/phrases.yml', import.meta.url), {
  lists: ['signals', 'groups', 'knowing', 'diligence', 'data', 'generic'],
  fields: {withNextWord: 'boolean', dropFirstWord: 'boolean'},
  kinds: ['obvious', 'judged', 'passive']
})
type Entry = (typeof table)['entries'][number]

const counterfactualMessage =
  '`{actual}` is a counterfactual about someone else, judged with knowledge of the outcome. Knowing how it ended ' +
  'makes the right path look obvious; it did not look that way at the time. Say what the person saw, what the tools ' +
  'showed, and why the action made sense then.'

const passiveMessage =
  '`{actual}` judges, with knowledge of the outcome, a step people did not take. The passive hides who, but the ' +
  'verdict still lands on them, and it skips what the review is for: why the step did not look necessary then. ' +
  'Say what the people involved saw and expected, or what would have made the step happen (a gate, a checklist item).'

const genericMessage =
  '`{actual}` measures the people who were there against an imagined person who already knew what to look for. ' +
  'Knowing the outcome makes the signal look obvious; at the time it was one of many. Say what the person actually ' +
  'saw, and why the signal did not stand out.'

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
  if (!head) return referentOf(words, named) === 'person'
  // compromise splits a hyphenated head: "the on-call" is "on" + "call".
  const before = words[words.indexOf(head) - 1]
  const whole = before?.post === '-' ? {...head, normal: `${before.normal}-${head.normal}`} : head
  return table.groups.includes(whole.normal) || isPersonTerm(whole) || referentOf(words, named) === 'person'
}

/**
 * Whether the subject of the modal at term `index` stands for anyone: "anyone
 * who had read the notes", "any engineer". Not with a condition after it:
 * "anyone would have noticed if the panel had shown the lag" blames the panel.
 */
function genericSubject(terms: Term[], index: number): boolean {
  const range = subjectBefore(terms, index, false)
  const conditional = terms.slice(index).some((term, at) => /^(if|unless)$/.test(term.normal) || (term.normal === 'had' && isBoundary(terms[index + at - 1], term)))
  if (!range || conditional) return false
  const words = terms.slice(...range)
  const head = words.findLast((term) => has(term, 'Noun')) ?? words[words.length - 1]
  return table.generic.includes(head.normal) || (words[0].normal === 'any' && isPersonTerm(head))
}

/**
 * Whether a passive counterfactual judges a step people skipped: "the staging
 * environment should have been checked", "…should have been reviewed by a
 * second engineer"; not what a system was expected to do ("should have been
 * caught by the integration tests", "the exception should have been caught").
 */
function skippedStep(sentence: Sentence, terms: Term[], {range, modal, verb}: Counterfactual, people: readonly string[]): boolean {
  if ((modal !== 'should' && modal !== 'ought') || !table.diligence.includes(verb)) return false
  let at = range[1]
  while (has(terms[at], 'Adverb') && !isBoundary(terms[at - 1], terms[at])) at++
  if (terms[at]?.normal === 'by' && !isBoundary(terms[at - 1], terms[at])) {
    const agent = terms.slice(...phraseAfter(terms, at + 1))
    const named = namedTerms(sentence, {people})
    return !agent.some((term) => named.has(term)) && referentOf(agent, named) === 'person'
  }
  const subject = subjectBefore(terms, range[0], false)
  const nouns = subject ? terms.slice(...subject).filter((term) => has(term, 'Noun')) : []
  const [before, head] = nouns.slice(-2).map((term) => term.normal)
  return !(table.data.includes(head ?? before) || table.data.includes(`${before} ${head}`))
}

/** "far from obvious" denies it too. */
const far = new Set(['far'])

/** Whether a phrase match passes its entry's context check (see `kind` in the table). */
function accepts(sentence: Sentence, terms: Term[], range: TermRange, entry: Entry, people: readonly string[]): boolean {
  switch (entry.kind) {
    case 'obvious': {
      const after = terms.slice(range[1], range[1] + 3).map((term) => term.normal).join(' ')
      return !negatedBefore(terms, range[1], {also: far}) && !acknowledged.test(after)
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

export default defineRule({
  meta: {
    id: 'no-hindsight',
    description: 'Flags hindsight judgements about others ("should have known", "it was obvious that").',
    severity: 'warning',
    recommended: true
  },
  check(document, context) {
    const people = context.settings.people
    // Terms already reported per sentence: "Any competent engineer should have caught it" gets one message.
    const reported = new Map<Sentence, TermRange[]>()
    for (const match of findPhrases(document, table)) {
      const {entry} = match
      const terms = termsOf(match.sentence)
      const range = termRange(match.sentence, match.nodes)
      if (!range || !accepts(match.sentence, terms, range, entry, people)) continue
      // "failed to notice": the verb belongs to the report.
      const end = entry.withNextWord && terms[range[1]] ? range[1] + 1 : range[1]
      const nodes = nodesIn(match.sentence, terms[range[0]].start, terms[end - 1].end)
      reported.set(match.sentence, [...(reported.get(match.sentence) ?? []), [range[0], end]])
      reportNodes(document, context, match.sentence, nodes, {...findingOf(entry, table), expected: suggestions(entry, sourceText(document, nodes))})
    }

    for (const sentence of document.sentences) {
      const counterfactuals = findCounterfactuals(sentence, {would: true})
      if (counterfactuals.length === 0) continue
      const terms = termsOf(sentence)
      for (const counterfactual of counterfactuals) {
        const {range, passive, modal, fact} = counterfactual
        const subject = subjectBefore(terms, range[0], false)
        if (subject && reported.get(sentence)?.some(([start, end]) => start < subject[1] && end > subject[0])) continue
        // Systems ("the load balancer should have failed over") are left alone.
        const message =
          modal === 'would'
            ? table.knowing.includes(counterfactual.verb) && genericSubject(terms, range[0]) && genericMessage
            : passive
              ? skippedStep(sentence, terms, counterfactual, people) && passiveMessage
              : aboutOthers(sentence, terms, range[0], people) && counterfactualMessage
        if (!message) continue
        const nodes = nodesIn(sentence, terms[range[0]].start, terms[range[1] - 1].end)
        if (isMention(document.source, sentence, nodes)) continue
        const plain = sentence.text.slice(terms[range[0]].start, terms[range[1] - 1].end) === sourceText(document, nodes)
        reportNodes(document, context, sentence, nodes, {message, expected: fact && plain ? [fact] : undefined, note: table.note})
      }
    }
  }
})
