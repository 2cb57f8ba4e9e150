// Walking from one node of a sentence to the next word: the blame rules read
// the words around a match ("Sam's" before "bad deploy", "by" after
// "broken") without compromise.
import type {SentenceContent} from 'nlcst'

/**
 * Index of the first node after (`step` 1) or before (`step` -1) node
 * `index` that is neither whitespace nor punctuation matched by `skip`. It
 * may be out of range.
 */
export function nodeNear(children: SentenceContent[], index: number, step: 1 | -1, skip?: RegExp): number {
  let at = index + step
  const skipped = (node: SentenceContent | undefined) =>
    node !== undefined && (node.type === 'WhiteSpaceNode' || (skip !== undefined && node.type !== 'WordNode' && 'value' in node && skip.test(node.value)))
  while (skipped(children[at])) at += step
  return at
}

/** Like `nodeNear`, but -1 unless that node is a word. */
export function wordNear(children: SentenceContent[], index: number, step: 1 | -1, skip?: RegExp): number {
  const at = nodeNear(children, index, step, skip)
  return children[at]?.type === 'WordNode' ? at : -1
}
