import {actionPhraseFields, defineRule, loadPhraseTable, reportActionPhrases, type ActionItem} from '@blamelint/core'

/** `unlessTarget`: skip when the item states a measurable target. */
const table = loadPhraseTable(new URL('../data/phrases.yml', import.meta.url), {fields: {...actionPhraseFields, unlessTarget: 'boolean'}})

/** Owners, tickets, links, versions, clock times and dates: numbers that are not targets. */
const notTargets =
  /@[\w.-]+|\b[A-Z][A-Z0-9]+-\d+\b|#\d+|https?:\/\/\S+|\bv?\d+(?:\.\d+)+\b|\b\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}(?:st|nd|rd|th)?\b|\bq[1-4]\b/gi
/** A measurable target or a concrete means: "under 30 seconds", "p99", "by caching…", "so that…". */
const target = /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|half|twice)\b|\bby \w+ing\b|\bso that\b/i

function hasTarget(item: ActionItem): boolean {
  return target.test(item.text.replace(notTargets, ' '))
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
