// How action items name their ticket and the columns that hold an owner or
// ticket: shared by the engine (lead words such as "OPS-3: Add…") and the
// action-item rules. The people an item names (handles, e-mail addresses,
// chat mentions, the roster) are found by people.ts.

/** A ticket key: `OPS-123`, `INFRA-90`. */
export const ticketKey = /\b[A-Z][A-Z0-9]+-\d+\b/
const wholeTicketKey = new RegExp(`^${ticketKey.source}$`)

/** Whether a word is a ticket key. */
export const isTicketKey = (word: string) => wholeTicketKey.test(word)

/** Other ticket references: `#123`, a link, "bug 1234", `b/123`, a reference-style link `[text][ref]`. */
const otherTicket = /(?:^|[\s(\[,;:])#\d+\b|https?:\/\/|\bwww\.|\b(?:bugs?|issues?|tickets?|pr|jira|incidents?)\s*#?\d{2,}\b|\bb\/\d+|\]\[[^\]\n]+\]/im

/** Whether text refers to a ticket: a key, `#123`, a link, "bug 1234", `b/123`, a reference-style link. */
export const refersToTicket = (text: string) => ticketKey.test(text) || otherTicket.test(text)

/** Table columns and nested fields ("Owner: @kim") that give an item's owner. */
export const ownerColumn = /^(?:owners?|assignees?|assigned to|who|responsible|dri|lead|poc|point of contact|team|champion)$/

/** Table columns and nested fields that give an item's ticket. */
export const ticketColumn = /^(?:tickets?|bugs?|issues?|jira|links?|tracking|tracker|ref|reference|pr|id|epic|card|story)$/
