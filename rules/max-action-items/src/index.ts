import {defineRule, type Span} from '@blamelint/core'

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
  create(context) {
    const {max} = context.options
    let count = 0
    let first: {span: Span; text: string} | undefined
    return {
      part(document) {
        for (const item of document.actionItems) {
          // Nested items are steps of their parent, not separate commitments.
          if (item.depth !== 0) continue
          if (count++ === max) first = {span: item.span, text: item.text}
        }
      },
      finish() {
        if (!first) return
        context.report({
          span: first.span,
          actual: first.text,
          message:
            `This review lists ${count} action items, more than the limit of ${max}; this is the first one past it. ` +
            'A long list written right after an incident reflects what was on everyone\'s mind, not what matters most: most of it never gets done and it crowds out the items that would. ' +
            `Keep the ${max} or fewer that address the contributing factors, move the rest to a backlog, and revisit them once the ideas have had time to settle.`,
          note: 'Recency bias: 37 action items for 5 minutes of downtime is a sign of the mood after the incident, not of its risk.'
        })
      }
    }
  }
})
