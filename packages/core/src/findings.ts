// Reporting a stretch of a sentence. The blame rules find a phrase, widen it
// to its subject or its verb ("should have checked" → "The reviewer should
// have checked"), and report the widened range with its text in the message.
import type {SentenceContent} from 'nlcst'
import type {Document, RuleContext} from './types.js'

/** The source text that `nodes` cover, markup included ("**should** have"). */
export function sourceText(document: Document, nodes: SentenceContent[]): string {
  return document.source.slice(nodes[0].position?.start.offset, nodes[nodes.length - 1].position?.end.offset)
}

/** What to say about the nodes; `{actual}` in the message becomes their source text. */
export interface Finding {
  message: string
  expected?: string[]
  note?: string
}

/** Report `nodes`, with their source text as `actual` and in the message. */
export function reportNodes(document: Document, context: RuleContext, nodes: SentenceContent[], {message, expected, note}: Finding): void {
  const actual = sourceText(document, nodes)
  context.report({node: nodes, message: message.replaceAll('{actual}', actual), actual, expected, note})
}
