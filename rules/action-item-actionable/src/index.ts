import {readFileSync} from 'node:fs'
import {
  actionLead,
  analyze,
  defineRule,
  findActionPhrases,
  loadPhraseTable,
  nlp,
  wordText,
  type ActionItem,
  type ActionLead,
  type Sentence
} from '@blamelint/core'
import {parse as parseYaml} from 'yaml'

const table = loadPhraseTable(new URL('../data/phrases.yml', import.meta.url))
const lexicon = parseYaml(readFileSync(new URL('../data/verbs.yml', import.meta.url), 'utf8')) as {
  verbs: string[]
  nounGerunds: string[]
  finite: string[]
}
const verbs = new Set(lexicon.verbs)
const nounGerunds = new Set(lexicon.nounGerunds)
const finite = new Set(lexicon.finite)
const determiners = new Set(['the', 'a', 'an', 'our', 'all', 'each', 'every', 'any', 'this', 'these', 'those', 'its', 'their', 'your', 'that', 'some', 'no'])

/** Base forms a word may come from: "adding" → add, "configured" → configure. */
function bases(word: string): string[] {
  const forms = [word]
  if (word.startsWith('re-')) forms.push(word.slice(3))
  for (const suffix of ['ing', 'ed']) {
    if (!word.endsWith(suffix) || word.length < suffix.length + 3) continue
    const stem = word.slice(0, -suffix.length)
    forms.push(stem, `${stem}e`)
    if (stem.at(-1) === stem.at(-2)) forms.push(stem.slice(0, -1))
    if (stem.endsWith('i')) forms.push(`${stem.slice(0, -1)}y`)
  }
  return forms
}

/** Whether a word, lower-cased, reads as a verb at the start of an item. */
function isVerb(word: string): boolean {
  if (nounGerunds.has(word)) return false
  if (bases(word).some((base) => verbs.has(base))) return true
  // Unlisted words: compromise's lexicon, without loading it for listed ones.
  if (word.includes('-') || !/^[a-z]+$/.test(word)) return false
  if (/(?:ize|ise|ify)$/.test(word)) return true
  const {model} = nlp().world() as {model: {one: {lexicon: Record<string, string | undefined>}}}
  const tag = model.one.lexicon[word]
  return tag === 'Infinitive' || tag === 'Verb' || tag === 'PresentTense'
}

type Node = Sentence['node']['children'][number]

const isWordNode = (node: Node) => node.type === 'WordNode'

/**
 * Whether an item that does not start with a verb still has one: a finite
 * verb ("The alert needs a name", "etcd detects…"), or "to" + verb ("SRE to
 * add…"). compromise reads the tenses; the word list catches modals first.
 */
function hasVerb(item: ActionItem): boolean {
  for (const sentence of item.sentences) {
    const words = sentence.node.children.filter(isWordNode).map(wordText)
    if (words.some((word) => finite.has(word))) return true
    if (words.some((word, index) => index > 0 && words[index - 1] === 'to' && isVerb(word))) return true
  }
  return item.sentences.some(hasFiniteVerb)
}

interface Term {
  text: string
  pre: string
  post: string
  tags: string[]
}

function hasFiniteVerb(sentence: Sentence): boolean {
  const terms = (analyze(sentence).json() as Array<{terms: Term[]}>).flatMap((part) => part.terms)
  return terms.some((term, index) => {
    const tags = new Set(term.tags)
    // Parts of a compound ("orders-db") are not verbs of the item.
    if (term.post.includes('-') || term.pre.includes('-') || terms[index - 1]?.post.endsWith('-')) return false
    if (tags.has('Modal') || tags.has('Copula') || tags.has('Auxiliary')) return true
    if (tags.has('PastTense') && !tags.has('Adjective')) return true
    return tags.has('PresentTense') && !tags.has('Gerund') && !tags.has('Infinitive') && /s$/i.test(term.text)
  })
}

/** Whether the item opens with a verb: a known one, or any word followed by "the", "a"… */
function startsWithVerb(lead: ActionLead): boolean {
  if (isVerb(lead.text)) return true
  const next = lead.sentence.node.children.slice(lead.index + 1).find((node) => node.type !== 'WhiteSpaceNode')
  return next !== undefined && isWordNode(next) && determiners.has(wordText(next))
}

/** From the lead to the last word before a trailing "(owner, ticket)". */
function topicNodes(lead: ActionLead): Node[] {
  const children = lead.sentence.node.children
  const open = children.findIndex((node, index) => index > lead.index && node.type === 'PunctuationNode' && wordText(node) === '(')
  const rest = children.slice(lead.index, open === -1 ? undefined : open)
  let end = rest.length
  while (end > 1 && !isWordNode(rest[end - 1])) end--
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
    const flagged = new Set<ActionItem>()
    for (const match of findActionPhrases(document, table, {isVerb})) {
      flagged.add(match.item)
      context.report({
        node: match.nodes,
        message: table.message.replaceAll('{actual}', match.actual),
        actual: match.actual,
        note: table.note
      })
    }
    for (const item of document.actionItems) {
      if (flagged.has(item)) continue
      const lead = actionLead(item, isVerb)
      if (!lead || startsWithVerb(lead) || hasVerb(item)) continue
      const nodes = topicNodes(lead)
      const span = {start: nodes[0].position!.start.offset!, end: nodes[nodes.length - 1].position!.end.offset!}
      context.report({
        span,
        message:
          `\`${document.source.slice(span.start, span.end)}\` names a topic but no action, so nobody can tell what will change or when the item is done. ` +
          'Start with a verb and the outcome, e.g. "Add alerting for all cases where this service returns >1% errors".',
        note: 'A topic ("Monitoring improvements") collects ideas; an action item is a change someone can finish and someone else can check.'
      })
    }
  }
})
