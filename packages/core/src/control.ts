// Inline control comments:
//   <!-- blamelint-disable [rule ...] -->            until enabled again
//   <!-- blamelint-enable [rule ...] -->
//   <!-- blamelint-disable-next-line [rule ...] -->  the following line
//   <!-- blamelint-disable-line [rule ...] -->       the comment's own line
// No rule ids means every rule; `--` ends the ids and starts a reason.
//
// Hand-written rather than `unified-message-control`: that package scopes its
// `ignore` verb to the next *node* (a whole paragraph or list), while users of
// ESLint-style `-next-line` comments (and the editor's "disable for this line"
// quick fix) expect exactly one line; it also needs an mdast/hast tree, and
// these comments work the same in plain text.
import type {VFileMessage} from 'vfile-message'
import type {Location} from 'vfile-location'
import type {Comment} from './parse/comments.js'
import {lastBelow} from './search.js'

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line'

export interface Directive {
  kind: DirectiveKind
  /** Rule ids; empty means all rules. */
  ruleIds: string[]
  /** Offset where the directive takes effect (`disable`/`enable`). */
  offset: number
  /** Line the directive applies to (`-line` kinds). */
  line: number
  comment: Comment
}

const pattern = /^<!--\s*blamelint-(disable-next-line|disable-line|disable|enable)(?=\s|-->)([\s\S]*?)-->$/

export function parseDirectives(comments: Comment[], location: Location): Directive[] {
  const directives: Directive[] = []
  for (const comment of comments) {
    const match = pattern.exec(comment.value.trim())
    if (!match) continue
    const kind = match[1] as DirectiveKind
    const ids = match[2].split(/\s--\s|^--\s|\s--$/)[0]
    const ruleIds = ids.split(/[\s,]+/).filter(Boolean)
    const startLine = location.toPoint(comment.start)?.line ?? 1
    const endLine = location.toPoint(comment.end)?.line ?? startLine
    directives.push({
      kind,
      ruleIds,
      offset: kind === 'enable' ? comment.start : comment.end,
      line: kind === 'disable-next-line' ? endLine + 1 : startLine,
      comment
    })
  }
  return directives
}

const applies = (directive: Directive, ruleId: string) =>
  directive.ruleIds.length === 0 || directive.ruleIds.includes(ruleId)

/** Directives indexed for quick lookups: a document may hold thousands, each checked against every message. */
interface Index {
  /** `-line` directives by the line they apply to. */
  lines: Map<number, Directive[]>
  /** Per rule id, the `disable`/`enable` directives that apply to it, in source order. */
  ranges: Map<string, Directive[]>
}

const indexes = new WeakMap<Directive[], Index>()

function indexOf(directives: Directive[]): Index {
  let index = indexes.get(directives)
  if (!index) {
    index = {lines: new Map(), ranges: new Map()}
    for (const directive of directives) {
      if (directive.kind === 'disable-next-line' || directive.kind === 'disable-line') {
        const onLine = index.lines.get(directive.line)
        if (onLine) onLine.push(directive)
        else index.lines.set(directive.line, [directive])
      }
    }
    indexes.set(directives, index)
  }
  return index
}

/** Whether the directives turn `message` off. */
export function isSuppressed(message: VFileMessage, directives: Directive[]): boolean {
  if (directives.length === 0) return false
  const ruleId = message.ruleId ?? ''
  const offset = message.place && 'start' in message.place ? message.place.start.offset : undefined
  const {lines, ranges} = indexOf(directives)
  if (message.line != null && lines.get(message.line)?.some((directive) => applies(directive, ruleId))) return true
  if (offset === undefined) return false
  let range = ranges.get(ruleId)
  if (!range) {
    range = directives.filter((directive) => (directive.kind === 'disable' || directive.kind === 'enable') && applies(directive, ruleId))
    ranges.set(ruleId, range)
  }
  // Directives come in source order; the last one at or before the message wins.
  return range[lastBelow(range, offset + 1, (directive) => directive.offset)]?.kind === 'disable'
}
