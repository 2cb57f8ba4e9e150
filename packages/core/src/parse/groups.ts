// List items under an action heading that are not actions: group labels
// ("- Ledger" over the ledger's items) and legends ("- P1 - blocks the next
// release" explaining the priorities that later items use).
import {lastBelow} from '../search.js'
import type {ActionItem, ActionItemGroup, Span} from '../types.js'
import {hasVerb, isActionVerb} from '../verbs.js'

/** A list item of any kind (action, field or neither), for finding what is nested in what. */
export interface ListRecord {
  depth: number
  /** The item with its nested lists. */
  outer: Span
}

const contains = (span: Span, offset: number) => span.start <= offset && offset < span.end
// `[^[\]]`, not `[^\]]`: a run of `[` without `]` is then linear, not quadratic.
const withoutBrackets = (text: string) => text.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ')

/**
 * Whether an item reads as a label: one phrase of at most four words (a
 * colon may end it) that does not open with a verb and has no finite verb
 * ("is", "should") or "to" + verb. Later words may be verbs used as nouns:
 * "Search and indexing", "Rate limit".
 */
function isLabel(text: string): boolean {
  const bare = withoutBrackets(text).trim()
  const words = (bare.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).map((word) => word.toLowerCase().replace(/’/g, "'"))
  if (words.length === 0 || words.length > 4 || /[.!?;:]\s*\S|\s[-–—]\s/.test(bare)) return false
  return !isActionVerb(words[0]) && !hasVerb(words)
}

/**
 * Drop group labels: a list item whose text is a label (see `isLabel`) and
 * whose nested items are all action items, with no "Owner:" fields of its
 * own. Each item under one gets it as `group`, and its depth no longer counts
 * the label, so "- Ledger\n  - Add…" lists a top-level item.
 */
export function withoutGroupLabels(items: ActionItem[], outerOf: Map<ActionItem, Span>, lists: ListRecord[]): ActionItem[] {
  const itemStarts = new Set(items.flatMap((item) => outerOf.get(item)?.start ?? []))
  const byStart = [...lists].sort((a, b) => a.outer.start - b.outer.start)
  const labels = new Map<ActionItem, ActionItemGroup>()
  for (const item of items) {
    const outer = outerOf.get(item)
    if (!outer || item.kind !== 'list' || item.blocks.length !== 1 || Object.keys(item.columns).length > 0 || !isLabel(item.text)) continue
    const children = listsFrom(byStart, outer).filter((list) => list.depth === item.depth + 1)
    if (children.length > 0 && children.every((child) => itemStarts.has(child.outer.start))) {
      labels.set(item, {text: item.text, span: item.span, extent: item.extent})
    }
  }
  if (labels.size === 0) return items
  const order = new Map(items.map((item, index) => [item, index]))
  const holding = itemsHolding([...labels.keys()], outerOf, items.map((item) => item.span.start))
  /** The labels an item is nested in, innermost first. */
  const enclosing = (item: ActionItem) =>
    holding[order.get(item)!].filter((label) => label.depth < item.depth).sort((a, b) => b.depth - a.depth || order.get(a)! - order.get(b)!)
  for (const [label, group] of labels) group.group = labels.get(enclosing(label)[0])
  const kept = items.filter((item) => !labels.has(item))
  for (const item of kept) {
    const around = enclosing(item)
    if (around.length === 0) continue
    item.group = labels.get(around[0])
    item.depth -= around.length
  }
  return kept
}

/** The list records (sorted by start) that start inside `span`: a binary search, not a scan of every list of the document. */
function listsFrom(byStart: ListRecord[], span: Span): ListRecord[] {
  const found: ListRecord[] = []
  for (let index = lastBelow(byStart, span.start, (list) => list.outer.start) + 1; index < byStart.length && contains(span, byStart[index].outer.start); index++) {
    found.push(byStart[index])
  }
  return found
}

/**
 * For each offset of `points`, the items whose outer range (`outerOf`)
 * holds it. One sweep over both in source order, with the items whose
 * range has started on a stack, popped as ranges end (list items nest, so
 * the stack stays as deep as the nesting), not a search of every item per
 * point: a long document has thousands of each.
 */
export function itemsHolding(items: ActionItem[], outerOf: Map<ActionItem, Span>, points: number[]): ActionItem[][] {
  const sorted = items.flatMap((item) => (outerOf.has(item) ? [{item, outer: outerOf.get(item)!}] : [])).sort((a, b) => a.outer.start - b.outer.start)
  const found: ActionItem[][] = []
  const open: typeof sorted = []
  const close = (at: number) => {
    while (open.length > 0 && open[open.length - 1].outer.end <= at) open.pop()
  }
  let next = 0
  for (const index of points.map((_, index) => index).sort((a, b) => points[a] - points[b])) {
    const at = points[index]
    for (; next < sorted.length && sorted[next].outer.start <= at; next++) {
      close(sorted[next].outer.start)
      open.push(sorted[next])
    }
    close(at)
    found[index] = open.filter(({outer}) => contains(outer, at)).map(({item}) => item)
  }
  return found
}

/** A word of a term, as legends define and items use them ("P1", "Detect", "on-call"). */
const termWord = String.raw`[\p{L}\p{N}][\p{L}\p{N}'’/-]*`
/** "P1 - blocks the next release", "Detect: how soon we notice": a term of up to three words, a separator, its meaning. */
const definition = new RegExp(String.raw`^\s*(${termWord}(?:[ \t]+${termWord}){0,2})[ \t]*(?::|[ \t][-–—][ \t]|[–—])[ \t]*\S`, 'u')
/** The first one, two and three words of a text, as `definition` reads a term. */
const leadingWords = new RegExp(String.raw`^\s*(${termWord})([ \t]+${termWord})?([ \t]+${termWord})?`, 'u')
/** What follows a label at the start of an item: "P1:", "P1 - ", "P1—". */
const separator = /^\s*(?::|\s[-–—]\s|[–—])/
const bracketed = /[[(]([^[\]()]*)[)\]]/g

/**
 * The terms an item uses as labels, lower-cased: a whole cell ("P1" under
 * Priority), "[P1]" or "(P1)" anywhere, and "P1:", "P1 -" at its start.
 * Collected once per item, so that finding whether a term labels a later
 * item is a look-up, not a pattern tried on every later item.
 */
function labelsUsedBy(item: ActionItem): string[] {
  const labels = Object.values(item.columns).map((field) => field.text.trim().toLowerCase())
  for (const match of item.text.matchAll(bracketed)) labels.push(match[1].toLowerCase())
  const lead = leadingWords.exec(item.text)
  const from = lead ? lead[0].length - lead[0].trimStart().length : 0
  let end = from
  for (const word of lead?.slice(1) ?? []) {
    if (word === undefined) break
    end += word.length
    if (separator.test(item.text.slice(end))) labels.push(item.text.slice(from, end).toLowerCase())
  }
  return labels
}

/**
 * Legends: lists of two or more items that each define a term ("P0 -
 * critical for the release") where every term labels a later item (a
 * Priority cell "P0", "[P0]"). The list explains the labels; the items that
 * carry them are the actions. `open` says whether items after `items`
 * could still change that: a list of definitions with terms that no later
 * item uses yet, or the last list, which a list right after it could
 * continue.
 */
export function findLegends(items: ActionItem[], outerOf: Map<ActionItem, Span>, source: string): {legends: Set<ActionItem>; open: boolean} {
  const legends = new Set<ActionItem>()
  let open = false
  /** Each label's last use, by item index. */
  const lastUse = new Map<string, number>()
  items.forEach((item, index) => {
    for (const label of labelsUsedBy(item)) lastUse.set(label, index)
  })
  let run: ActionItem[] = []
  const close = (next: number) => {
    const terms = run.map((item) => definition.exec(item.text)?.[1])
    if (terms.length > 0 && terms.every((term) => term !== undefined)) {
      const used = run.length >= 2 && terms.every((term) => (lastUse.get(term.toLowerCase()) ?? -1) >= next)
      if (used) run.forEach((item) => legends.add(item))
      if ((run.length >= 2 && !used) || next === items.length) open = true
    }
    run = []
  }
  items.forEach((item, index) => {
    const previous = run[run.length - 1]
    const adjacent =
      previous !== undefined &&
      previous.section === item.section &&
      previous.depth === item.depth &&
      item.kind === 'list' &&
      !/\S/.test(source.slice(outerOf.get(previous)!.end, outerOf.get(item)?.start ?? 0))
    if (!adjacent) close(index)
    if (item.kind === 'list' && outerOf.has(item)) run.push(item)
  })
  close(items.length)
  return {legends, open}
}
