import {defineRule} from '@blamelint/core'

export default defineRule({
  meta: {
    id: 'max-action-items',
    description: 'Flags a document with more action items than a set limit.',
    severity: 'warning',
    recommended: true,
    scope: 'document',
    options: {
      max: {type: 'number', default: 10, minimum: 1, description: 'The most top-level action items one document may have.'}
    }
  },
  check(document, context) {
    const {max} = context.options
    // Nested items are steps of their parent, not separate commitments.
    const items = document.actionItems.filter((item) => item.depth === 0)
    if (items.length <= max) return
    const first = items[max]
    context.report({
      span: first.span,
      actual: first.text,
      message:
        `This review lists ${items.length} action items, more than the limit of ${max}; this is the first one past it. ` +
        'A long list written right after an incident reflects what was on everyone\'s mind, not what matters most: most of it never gets done and it crowds out the items that would. ' +
        `Keep the ${max} or fewer that address the contributing factors, move the rest to a backlog, and revisit them once the ideas have had time to settle.`,
      note: 'Recency bias: 37 action items for 5 minutes of downtime is a sign of the mood after the incident, not of its risk.'
    })
  }
})
