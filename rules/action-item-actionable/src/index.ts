import {
  actionLead,
  actionPhraseFields,
  actionWords,
  defineRule,
  hasVerb,
  isActionVerb,
  loadWordLists,
  loadPhraseTable,
  reportActionPhrases,
  reportNodes,
  termsOf,
  wordText,
  type ActionItem,
  type ActionLead,
  type Sentence
} from '@blamelint/core'

const table = loadPhraseTable(new URL('../data/phrases.yml', import.meta.url), {fields: actionPhraseFields})
const topics = loadWordLists(new URL('../data/topics.yml', import.meta.url), ['topicHeads', 'topicOpeners'])
const topicHeads = new Set(topics.topicHeads)
const topicOpeners = new Set(topics.topicOpeners)
const {nounGerunds} = actionWords
const determiners = new Set(['the', 'a', 'an', 'our', 'all', 'each', 'every', 'any', 'this', 'these', 'those', 'its', 'their', 'your', 'that', 'some', 'no'])
/** Words that end the first noun phrase of an item. */
const phraseEnds = new Set(['for', 'of', 'on', 'in', 'to', 'with', 'about', 'around', 'across', 'from', 'into', 'by', 'at', 'per', 'after', 'before', 'during', 'under', 'over', 'between', 'via', 'against', 'when', 'where', 'that', 'which', 'so', 'if', 'until'])
const nominal = /(?:ation|ment|ance|ence|ity|ness|ing)s?$/

type Node = Sentence['node']['children'][number]

const isWordNode = (node: Node) => node.type === 'WordNode'

/**
 * Whether an item that does not start with a verb still has one: a finite
 * verb ("The alert needs a name", "etcd detects…"), or "to" + verb ("SRE to
 * add…"). The word lists catch modals first; compromise reads the tenses.
 */
function itemHasVerb(item: ActionItem, topic: string[]): boolean {
  if (item.sentences.some((sentence) => hasVerb(sentence.node.children.filter(isWordNode).map(wordText)))) return true
  // compromise reads "checks" in "New health checks" as a verb: skip the topic's words.
  const skip = new Set(topic.flatMap((word) => word.split('-')))
  return item.sentences.some((sentence) => hasFiniteVerb(sentence, skip))
}

function hasFiniteVerb(sentence: Sentence, skip: Set<string>): boolean {
  const terms = termsOf(sentence)
  return terms.some((term, index) => {
    const {tags} = term
    if (skip.has(term.text.toLowerCase())) return false
    // Parts of a compound ("orders-db") are not verbs of the item.
    if (term.post.includes('-') || term.pre.includes('-') || terms[index - 1]?.post.endsWith('-')) return false
    if (tags.has('Modal') || tags.has('Copula') || tags.has('Auxiliary')) return true
    if (tags.has('PastTense') && !tags.has('Adjective')) return true
    return tags.has('PresentTense') && !tags.has('Gerund') && !tags.has('Infinitive') && /s$/i.test(term.text)
  })
}

/**
 * The words of the topic an item opens with, or undefined when it opens with
 * a verb. A listed verb is one; so is any word followed by "the", "a"…
 * ("Disown the namespace"). Other openings are read as a verb unless they
 * start a topic: a word followed by a preposition or nothing ("Dashboards
 * for search"), an adjective such as "Better" or "New", or a noun phrase
 * that ends in a topic noun ("Replica lag dashboard", "Circuit breaker
 * implementation"). A hyphenated verb can open a topic too ("Rate-limit
 * table documentation").
 */
function openingTopic(lead: ActionLead): string[] | undefined {
  if (isActionVerb(lead.text)) return undefined
  const after = lead.sentence.node.children.slice(lead.index + 1).filter((node) => node.type !== 'WhiteSpaceNode')
  const next = after[0]
  if (next && isWordNode(next) && determiners.has(wordText(next))) return undefined
  const phrase = [lead.text]
  for (const node of after) {
    if (!isWordNode(node) || phraseEnds.has(wordText(node))) break
    phrase.push(wordText(node))
  }
  const head = phrase[phrase.length - 1]
  const isTopic = phrase.length === 1 || topicHeads.has(head) || nominal.test(head) || nounGerunds.has(lead.text) || topicOpeners.has(lead.text)
  return isTopic ? phrase : undefined
}

/** From the lead to the last word before a trailing "(owner, ticket)". */
function topicNodes(lead: ActionLead): Node[] {
  const children = lead.sentence.node.children
  const open = children.findIndex((node, index) => index > lead.index && node.type === 'PunctuationNode' && wordText(node) === '(')
  const rest = children.slice(lead.index, open === -1 ? undefined : open)
  let end = rest.length
  while (end > 1 && (rest[end - 1].type === 'WhiteSpaceNode' || rest[end - 1].type === 'PunctuationNode')) end--
  return rest.slice(0, end)
}

export default defineRule({
  meta: {
    id: 'action-item-actionable',
    description: 'Flags action items that start with a non-committal verb or have no verb.',
    severity: 'warning',
    recommended: true
  },
  check(document, context) {
    const flagged = new Set(reportActionPhrases(document, context, table, {isVerb: isActionVerb}).map((match) => match.item))
    for (const item of document.actionItems) {
      if (flagged.has(item)) continue
      const lead = actionLead(item, isActionVerb)
      const topic = lead && openingTopic(lead)
      if (!lead || !topic || itemHasVerb(item, topic)) continue
      reportNodes(document, context, lead.sentence, topicNodes(lead), {
        message:
          '`{actual}` names a topic but no action, so nobody can tell what will change or when the item is done. ' +
          'Start with a verb and the outcome, e.g. "Add alerting for all cases where this service returns >1% errors".',
        note: 'A topic ("Monitoring improvements") collects ideas; an action item is a change someone can finish and someone else can check.'
      })
    }
  }
})
