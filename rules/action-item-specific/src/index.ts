import {actionPhraseFields, defineRule, loadPhraseTable, mentionsIn, reportActionPhrases, ticketKey, type ActionItem} from '@blamelint/core'

/** `unlessTarget`: skip when the item states a measurable target. */
const table = loadPhraseTable(new URL('../data/phrases.yml', import.meta.url), {fields: {...actionPhraseFields, unlessTarget: 'boolean'}})

/** Tickets, links, versions, clock times and dates: numbers that are not targets (and owners, see `hasTarget`). */
const notTargets = new RegExp(
  String.raw`${ticketKey.source}|` +
    /#\d+|https?:\/\/\S+|\bv?\d+(?:\.\d+)+\b|\b\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}(?:st|nd|rd|th)?\b|\bq[1-4]\b/.source,
  'gi'
)
/** A measurable target or a concrete means: "under 30 seconds", "p99", "by caching…", "so that…". */
const target = /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|half|twice)\b|\bby \w+ing\b|\bso that\b/i

function hasTarget(item: ActionItem): boolean {
  const withoutOwners = mentionsIn(item.text, {groups: true}).reduce(
    (text, {index, text: mention}) => text.slice(0, index) + ' '.repeat(mention.length) + text.slice(index + mention.length),
    item.text
  )
  return target.test(withoutOwners.replace(notTargets, ' '))
}

export default defineRule({
  meta: {
    id: 'action-item-specific',
    description: 'Flags action items with vague objects or goals ("fix the issue", "more monitoring").',
    severity: 'warning',
    recommended: true
  },
  check(document, context) {
    reportActionPhrases(document, context, table, {
      firstPerItem: true,
      firstSentence: true,
      keep: (match) => !(match.entry.unlessTarget && hasTarget(match.item))
    })
  }
})
