// List items under an action heading that are not actions: group labels
// ("- Ledger" over the ledger's items) and legends ("- P1 - blocks the next
// release" explaining the priorities that later items use).
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
  const itemStarts = new Set([...outerOf.values()].map((span) => span.start))
  const labels = new Map<ActionItem, ActionItemGroup>()
  for (const item of items) {
    const outer = outerOf.get(item)
    if (!outer || item.kind !== 'list' || item.blocks.length !== 1 || Object.keys(item.columns).length > 0 || !isLabel(item.text)) continue
    const children = lists.filter((list) => list.depth === item.depth + 1 && contains(outer, list.outer.start))
    if (children.length > 0 && children.every((child) => itemStarts.has(child.outer.start))) {
      labels.set(item, {text: item.text, span: item.span, extent: item.extent})
    }
  }
  if (labels.size === 0) return items
  /** The labels an item is nested in, innermost first. */
  const enclosing = (item: ActionItem) =>
    [...labels.keys()].filter((label) => label.depth < item.depth && contains(outerOf.get(label)!, item.span.start)).sort((a, b) => b.depth - a.depth)
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

/** "P1 - blocks the next release", "Detect: how soon we notice": a term of up to three words, a separator, its meaning. */
const definition = /^\s*([\p{L}\p{N}][\p{L}\p{N}'’/-]*(?:[ \t]+[\p{L}\p{N}][\p{L}\p{N}'’/-]*){0,2})[ \t]*(?::|[ \t][-–—][ \t]|[–—])[ \t]*\S/u
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** Whether an item uses `term` as a label: a whole cell ("P1" under Priority), "[P1]", "(P1)" or "P1:" at its start. */
function usesLabel(item: ActionItem, term: string): boolean {
  const lower = term.toLowerCase()
  if (Object.values(item.columns).some((field) => field.text.trim().toLowerCase() === lower)) return true
  const escaped = escape(term)
  return new RegExp(`[[(]${escaped}[)\\]]|^\\s*${escaped}\\s*(?::|\\s[-–—]\\s|[–—])`, 'iu').test(item.text)
}

/**
 * Drop legends: a list of two or more items that each define a term ("P0 -
 * critical for the release") where every term labels a later item (a
 * Priority cell "P0", "[P0]"). The list explains the labels; the items that
 * carry them are the actions.
 */
export function withoutLegends(items: ActionItem[], outerOf: Map<ActionItem, Span>, source: string): ActionItem[] {
  const legend = new Set<ActionItem>()
  let run: ActionItem[] = []
  const close = (next: number) => {
    const terms = run.map((item) => definition.exec(item.text)?.[1])
    const later = items.slice(next)
    if (run.length >= 2 && terms.every((term) => term !== undefined && later.some((item) => usesLabel(item, term)))) run.forEach((item) => legend.add(item))
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
  return legend.size === 0 ? items : items.filter((item) => !legend.has(item))
}
