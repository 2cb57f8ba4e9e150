import {
  defineRule,
  mentionsIn,
  ownerColumn,
  possiblePeople,
  refersToTicket,
  spanOf,
  ticketColumn,
  type ActionItem,
  type ActionItemGroup,
  type Block,
  type Document,
  type Section,
  type Span
} from '@blamelint/core'

/** "Owner: Kim", "assigned to the storage team", "(SRE team)". */
const ownerLabel = /\b(?:owners?|assignees?|dri|responsible)\s*[:=]\s*\S|\b(?:owned by|assigned to)\s+\S|\([^()]*\b(?:team|squad|rotation|on-?call)\b[^()]*\)/i
/** A name in parentheses or after a dash at the end of an item: "(Ngozi Okafor)", "(Kim, Lee)", "— Kim". */
const nameWord = String.raw`\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){0,2}`
// "and" only between spaces: as `\s*and\s*` it could also end a name ("Roland Lee"), and a
// list of such names backtracked exponentially.
const trailingName = new RegExp(String.raw`(?:\(\s*(${nameWord}(?:(?:\s*[,&/]\s*|\s+and\s+)${nameWord})*)\s*\)|[—–]\s*(${nameWord}))\s*[.;]?\s*$`, 'u')
/** Words in trailing parentheses that are statuses or priorities, not people. */
const notNames = /^(?:done|completed?|fixed|resolved|closed|shipped|ongoing|open|optional|blocked|pending|planned|in progress|high|medium|low|critical|urgent|minor|major|later|next|now|today|tomorrow|monday|tuesday|wednesday|thursday|friday|january|february|march|april|may|june|july|august|september|october|november|december)$/i
const emptyValue = /^\s*(?:$|-+\s*$|—|–|n\/?a\b|none\b|tbd\b|tbc\b|\?|unassigned\b|unknown\b|nobody\b)/i
/**
 * An item that is already done needs no owner: `[x]`, "(Done)", "DONE", "has
 * been added", a "Completed" section or a done status.
 */
const done = /\((?:[^()]*\s)?(?:done|completed|fixed|resolved|shipped)\b[^()]*\)|\*\*(?:done|completed|fixed)\*\*|\b(?:has|have) (?:been|already)\b/i
const doneTag = /\b(?:DONE|COMPLETED|FIXED)\b/
const doneValue = /^\s*(?:done|completed?|fixed|resolved|closed|shipped)\b/i

/**
 * Whether source text gives an owner or a ticket: a handle, e-mail address
 * or chat mention (a team's handle too), "Owner: …", or a ticket reference.
 */
const givesOwner = (source: string) => mentionsIn(source, {groups: true}).length > 0 || ownerLabel.test(source) || refersToTicket(source)

/**
 * Whether `span` of the source names someone on the team roster
 * (`settings.people`) in its prose: "Restart the brokers (kim)".
 */
function namesTeammate(document: Document, span: Span, people: readonly string[]): boolean {
  if (people.length === 0) return false
  const inside = (offset: number | undefined) => offset !== undefined && offset >= span.start && offset < span.end
  return document.sentences.some(
    (sentence) =>
      sentence.block.span.start < span.end &&
      sentence.block.span.end > span.start &&
      possiblePeople(sentence, {people}).some((person) => person.kind === 'roster' && inside(spanOf(person.nodes[0])?.start))
  )
}

/** The group labels an item is listed under, innermost first ("- Ledger (@kwame)" over "  - Add…"). */
function groupsOf(item: ActionItem): ActionItemGroup[] {
  const groups: ActionItemGroup[] = []
  for (let group = item.group; group; group = group.group) groups.push(group)
  return groups
}

function namesSomeone(text: string): boolean {
  const match = trailingName.exec(text)
  if (!match) return false
  const names = (match[1] ?? match[2]).split(/\s*(?:,|&|\band\b|\/)\s*/)
  return names.every((name) => !notNames.test(name))
}

/** Whether the item (its text, its columns or a group label over it) gives an owner or a ticket. */
function hasOwnerOrTicket(document: Document, item: ActionItem, people: readonly string[]): boolean {
  for (const [name, field] of Object.entries(item.columns)) {
    if ((ownerColumn.test(name) || ticketColumn.test(name)) && !emptyValue.test(field.text)) return true
  }
  // A group label's owner or ticket covers its items.
  return [item, ...groupsOf(item)].some(
    ({extent, text}) => givesOwner(document.source.slice(extent.start, extent.end)) || namesSomeone(text.trim()) || namesTeammate(document, extent, people)
  )
}

function isDone(document: Document, item: ActionItem): boolean {
  const titles = [item.section.title, ...groupsOf(item).map((group) => group.text)]
  if (item.checked === true || titles.some((title) => /\b(?:done|completed)\b/i.test(title))) return true
  if (Object.entries(item.columns).some(([name, field]) => name === 'status' && doneValue.test(field.text))) return true
  const source = document.source.slice(item.extent.start, item.extent.end)
  return done.test(source) || doneTag.test(source)
}

/** Prose that assigns or tracks a whole list: "Owner for all items: @kim", "Tracked in the OPS-100 epic". */
const listCue = /\b(?:owners?|owned by|assigned|assignees?|tracked|tracking|epic|follow along)\b/i

/** A heading line that gives one owner or ticket for all the items of its section: "### Short-term ([follow along](https://…))". */
function headingGivesOwner(document: Document, section: Section): boolean {
  const {heading} = section
  if (!heading) return false
  const lineEnd = document.source.indexOf('\n', heading.span.end)
  return givesOwner(document.source.slice(heading.span.start, lineEnd === -1 ? undefined : lineEnd))
}

/** A paragraph that gives an owner or ticket for all the items of its section: "Owner for all items: @kim". */
function ownsSectionItems(document: Document, block: Block, people: readonly string[]): boolean {
  if (block.kind !== 'paragraph' || !listCue.test(block.text)) return false
  return givesOwner(document.source.slice(block.span.start, block.span.end)) || namesTeammate(document, block.span, people)
}

export default defineRule({
  meta: {
    id: 'action-item-owner',
    description: 'Flags action items with neither an owner nor a ticket.',
    severity: 'suggestion',
    recommended: true
  },
  create(context) {
    const {people} = context.settings
    /**
     * The items of the current section that a later item may be nested in,
     * ever deeper: a nested item's parent is the nearest earlier item one
     * level up, and an owned parent owns its steps.
     */
    let above: Array<{depth: number; section: number; owned: boolean}> = []
    // Sections by number, not kept: a section holds its heading's tree.
    const numbers = new WeakMap<Section, number>()
    let sections = 0
    const numberOf = (section: Section) => {
      let number = numbers.get(section)
      if (number === undefined) numbers.set(section, (number = sections++))
      return number
    }
    /** Sections with a paragraph that gives an owner or ticket for all their items ("Owner for all items: @kim"), anywhere in them. */
    const ownedByParagraph = new Set<number>()
    const unowned: Array<{span: Span; text: string; section: number}> = []
    return {
      part(document) {
        for (const item of document.actionItems) {
          const section = numberOf(item.section)
          if (above.length > 0 && above[above.length - 1].section !== section) above = []
          while (above.length > 0 && above[above.length - 1].depth >= item.depth) above.pop()
          const parent = above[above.length - 1]
          const owned = hasOwnerOrTicket(document, item, people) || (parent?.depth === item.depth - 1 && parent.owned)
          above.push({depth: item.depth, section, owned})
          if (!owned && !isDone(document, item) && !headingGivesOwner(document, item.section)) unowned.push({span: item.span, text: item.text, section})
        }
        for (const block of document.blocks) {
          const section = numberOf(block.section)
          if (!ownedByParagraph.has(section) && ownsSectionItems(document, block, people)) ownedByParagraph.add(section)
        }
      },
      finish() {
        for (const item of unowned) {
          if (ownedByParagraph.has(item.section)) continue
          context.report({
            span: item.span,
            actual: item.text,
            message:
              'This action item has neither an owner nor a ticket, so once the review is over nobody is sure who will do it or where to follow it up. ' +
              'Add an owner (`@handle` or "Owner: name") or a ticket reference (ABC-123, #123 or a link), e.g. "Add an automated presubmit check for schema changes (@priya, OPS-123)".',
            note: 'Items with a ticket get prioritised alongside other work; items that live only in the review document are forgotten.'
          })
        }
      }
    }
  }
})
