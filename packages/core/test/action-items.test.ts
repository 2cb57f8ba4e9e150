import {describe, expect, it} from 'vitest'
import {
  actionLead,
  findActionPhrases,
  isActionHeading,
  parseDocument,
  reportActionPhrases,
  type ActionItem,
  type ActionPhraseEntry,
  type ActionPhraseOptions,
  type InputFormat,
  type PhraseTable
} from '../src/index.js'

function items(source: string, format: InputFormat = 'markdown'): ActionItem[] {
  return parseDocument(source, format).document.actionItems
}

/** Each item as `kind:text`, with its action text checked against the source. */
function summary(source: string, format: InputFormat = 'markdown'): string[] {
  return items(source, format).map((item) => {
    expect(source.slice(item.span.start, item.span.end).replace(/\s+/g, ' ')).toContain(item.text.split('\n')[0].trim().slice(0, 8))
    return `${item.kind}${item.depth ? `@${item.depth}` : ''}:${item.text}`
  })
}

describe('action headings', () => {
  it.each([
    'Action items',
    'Action Items (completed)',
    '5. Action items',
    'Follow-ups',
    'Follow-up actions',
    'Remediation',
    'Corrective actions',
    'Corrective and preventative measures',
    'Next steps',
    'Tasks',
    'Immediate actions',
    'Lessons learned and action items',
    'Action items for the payments team',
    'TODO'
  ])('"%s" holds action items', (title) => {
    expect(isActionHeading(title)).toBe(true)
  })

  it.each([
    'Broken deploys with no Actions budget',
    'GitHub Actions outage',
    'Actions taken',
    'Background tasks',
    'Follow-up questions',
    'Timeline',
    'What went well'
  ])('"%s" does not', (title) => {
    expect(isActionHeading(title)).toBe(false)
  })

  it('a title that merely contains "actions" does not make the document an action section', () => {
    expect(items('# Deploys failed with no Actions budget\n\n## Timeline\n\n- 10:00 Builds stopped.\n')).toEqual([])
  })
})

describe('action items in Markdown', () => {
  it('list items, nested list items and numbered items under action headings', () => {
    expect(summary('## Follow-ups\n\n- Add an alert.\n  - Page the on-call.\n\n1. Pin the image.\n\n## Timeline\n\n- 10:00 Paged.\n')).toEqual([
      'list:Add an alert.',
      'list@1:Page the on-call.',
      'list:Pin the image.'
    ])
  })

  it('task items anywhere, without the space after the checkbox', () => {
    const found = items('## Timeline\n\n- [ ]  Add a dashboard.\n- [x] Rotate the key.\n- 10:00 Paged.\n')
    expect(found.map((item) => [item.kind, item.text, item.checked])).toEqual([
      ['task', 'Add a dashboard.', false],
      ['task', 'Rotate the key.', true]
    ])
    expect(found[0].span.start).toBe('## Timeline\n\n- [ ]  '.length)
  })

  it('table rows keep their other columns', () => {
    const source = '## Remediation\n\n| Owner | Action | Ticket |\n|---|---|---|\n| @kim | Add an alert | OPS-1 |\n'
    const [item] = items(source)
    expect(item.text).toBe('Add an alert')
    expect(Object.fromEntries(Object.entries(item.columns).map(([name, field]) => [name, field.text]))).toEqual({owner: '@kim', ticket: 'OPS-1'})
    expect(source.slice(item.extent.start, item.extent.end)).toBe('| @kim | Add an alert | OPS-1 |')
  })

  it('AI:, Action: and TODO: lines, also with bold prefixes and an owner in parentheses', () => {
    expect(summary('## Summary\n\nThe key leaked.\nAI: rotate the key\n**Action:** revoke the token\nTODO(@kim): audit the logs\n\n- **Action item:** add a scanner\n')).toEqual([
      'line:rotate the key',
      'line:revoke the token',
      'line:audit the logs',
      'line:add a scanner'
    ])
  })

  it('a prefix with nothing after it is not an item', () => {
    expect(items('Action items:\n\nAction:\n')).toEqual([])
  })

  it('a list introduced by an "Action items:" paragraph', () => {
    expect(summary('## Notes\n\n**Next steps:**\n\n- Add an alert.\n\nMore notes.\n\n- Not an action.\n')).toEqual(['list:Add an alert.'])
  })

  it('"Actions:" before a list of what responders did is not a lead-in', () => {
    expect(items('## Response\n\nActions:\n\n- Restarted the pod.\n')).toEqual([])
  })

  it('nested "Owner:" and "Ticket:" items become columns of their parent', () => {
    const [item, ...rest] = items('## Action items\n\n- Add an alert.\n  - Owner: @kim\n  - Ticket: OPS-12\n  - Page the on-call.\n')
    expect(item.text).toBe('Add an alert.')
    expect(item.columns.owner.text).toBe('@kim')
    expect(item.columns.ticket.text).toBe('OPS-12')
    expect(rest.map((other) => other.text)).toEqual(['Page the on-call.'])
  })

  it('an item extent covers link targets but not nested lists', () => {
    const source = '## Action items\n\n- Add an alert ([tracked](https://example.com/1))\n  - Page the on-call.\n'
    const [item, nested] = items(source)
    expect(source.slice(item.extent.start, item.extent.end)).toBe('- Add an alert ([tracked](https://example.com/1))')
    expect(source.slice(nested.extent.start, nested.extent.end)).toBe('- Page the on-call.')
  })
})

describe('group labels', () => {
  const source = [
    '## Action items',
    '',
    '- Ledger (@kwame)',
    '  - Add a retry budget to the ledger client.',
    '  - Reconciliation',
    '    - Alert on unmatched entries.',
    '- Search:',
    '  - Page the on-call on shard loss.',
    '- Add a canary stage.',
    '  - Roll back on a failed canary.',
    ''
  ].join('\n')

  it('a short item without a verb over nested items labels them and is not an item', () => {
    expect(summary(source)).toEqual([
      'list:Add a retry budget to the ledger client.',
      'list:Alert on unmatched entries.',
      'list:Page the on-call on shard loss.',
      'list:Add a canary stage.',
      'list@1:Roll back on a failed canary.'
    ])
  })

  it('each item keeps its labels, with their extents, innermost first', () => {
    const [retry, unmatched, page] = items(source)
    expect(retry.group?.text).toBe('Ledger (@kwame)')
    expect(source.slice(retry.group!.extent.start, retry.group!.extent.end)).toBe('- Ledger (@kwame)')
    expect([unmatched.group?.text, unmatched.group?.group?.text]).toEqual(['Reconciliation', 'Ledger (@kwame)'])
    expect(page.group?.text).toBe('Search:')
  })

  it('an item with a verb, a field, a lone line or no nested items stays an item', () => {
    expect(summary('## Action items\n\n- Backfill tooling\n  - Add a dry-run flag.\n- Ledger\n  - Owner: @kim\n- Search\n')).toEqual([
      'list:Backfill tooling',
      'list@1:Add a dry-run flag.',
      'list:Ledger',
      'list:Search'
    ])
    expect(summary('## Action items\n\n- Database failover and replica promotion drills\n  - Add a drill.\n')).toEqual([
      'list:Database failover and replica promotion drills',
      'list@1:Add a drill.'
    ])
  })

  it('in HTML and plain text too', () => {
    expect(summary('<h2>Action items</h2><ul><li>Ledger<ul><li>Add a retry budget</li></ul></li></ul>', 'html')).toEqual(['list:Add a retry budget'])
    expect(summary('Action items\n\n- Ledger\n  - Add a retry budget\n', 'text')).toEqual(['list:Add a retry budget'])
  })
})

describe('legends', () => {
  const table = '| Action | Priority | Type |\n|---|---|---|\n| Add a canary stage | P0 | Prevent |\n| Page on lag | P1 | Detect |\n'

  it('a list defining the labels that later items carry is not a list of items', () => {
    const source = `## Action items\n\nPriorities:\n\n- P0 - blocks the next release.\n- P1: needed this quarter.\n\nTypes:\n\n- Prevent — stops a repeat.\n- Detect — finds it sooner.\n\n${table}`
    expect(summary(source)).toEqual(['table:Add a canary stage', 'table:Page on lag'])
  })

  it('labels used as tags count too', () => {
    expect(summary('## Action items\n\n- P0: blocks the release\n- P1: this quarter\n\nThe list:\n\n- [P0] Add a canary stage\n- Page on lag (P1)\n')).toEqual([
      'list:[P0] Add a canary stage',
      'list:Page on lag (P1)'
    ])
  })

  it('labels of several words, in any case, at the start of a later item', () => {
    const source = '## Action items\n\n- Quick win - under a day.\n- Long haul: a quarter.\n\nThe list:\n\n- QUICK WIN: add a canary stage\n- long haul — page on lag\n'
    expect(summary(source)).toEqual(['list:QUICK WIN: add a canary stage', 'list:long haul — page on lag'])
    // "P0s" and "P0-ish" are other words, and "P0" in the middle is no label.
    expect(summary('## Action items\n\n- P0 - blocks the release.\n- P1: this quarter.\n\n- P0s: add a canary stage\n- Page on lag, a P1 item\n').length).toBe(4)
  })

  it('"Term: action" items whose terms are not used later, or used only earlier, are items', () => {
    expect(summary('## Action items\n\n- Alerting: page on replica lag.\n- Storage: cap the WAL size.\n').length).toBe(2)
    const earlier = `## Action items\n\n${table}\n- P0: add a canary stage.\n- P1: page on lag.\n`
    expect(summary(earlier).length).toBe(4)
    expect(summary(`## Action items\n\n- P0 - blocks the next release.\n- P5: never.\n\n${table}`).length).toBe(4)
  })
})

describe('action items in HTML', () => {
  it('lists, nested lists, checkbox and Confluence tasks, tables and AI: paragraphs', () => {
    const source = [
      '<h2>Action items</h2>',
      '<ul><li>Add an alert<ul><li>Page the on-call</li><li>Owner: @kim</li></ul></li></ul>',
      '<ul><li data-inline-task-id="1" class="checked">Rotate the key</li><li><input type="checkbox"> Pin the image</li></ul>',
      '<table><tr><th>Action</th><th>Owner</th></tr><tr><td>Cap retries</td><td>@lee</td></tr></table>',
      '<h2>Notes</h2>',
      '<p><strong>Action:</strong> revoke the token</p>'
    ].join('\n')
    const found = items(source, 'html')
    expect(found.map((item) => `${item.kind}${item.depth ? `@${item.depth}` : ''}:${item.text}`)).toEqual([
      'list:Add an alert',
      'list@1:Page the on-call',
      'task:Rotate the key',
      'task:Pin the image',
      'table:Cap retries',
      'line:revoke the token'
    ])
    expect(found[0].columns.owner.text).toBe('@kim')
    expect(found[4].columns.owner.text).toBe('@lee')
  })
})

describe('action-item tables in HTML exports', () => {
  it('reads a first row of <td> cells named like an action table as its header', () => {
    const source = '<h2>Action items</h2><table><tr><td><b>Action</b></td><td><b>Owner</b></td></tr><tr><td>Add an alert</td><td>Priya</td></tr></table>'
    const found = items(source, 'html')
    expect(found.map((item) => item.text)).toEqual(['Add an alert'])
    expect(found[0].columns.owner.text).toBe('Priya')
  })

  it('keeps a first row of ordinary cells as an item', () => {
    expect(items('<h2>Action items</h2><table><tr><td>Add an alert</td><td>Priya</td></tr></table>', 'html').map((item) => item.text)).toEqual(['Add an alert'])
  })
})

describe('action items in plain text', () => {
  it('bullets under an action heading, nested bullets, tasks and AI: lines', () => {
    const source = 'Summary\n\nThe disk filled.\n\nAction items\n\n- Add an alert\n  on disk usage\n  - Owner: @kim\n  - Page the on-call\n- [ ] Pin the image\n\nAI: rotate the key\n'
    const found = items(source, 'text')
    expect(found.map((item) => `${item.kind}${item.depth ? `@${item.depth}` : ''}:${item.text.replace(/\s+/g, ' ')}`)).toEqual([
      'list:Add an alert on disk usage',
      'list@1:Page the on-call',
      'task:Pin the image',
      'line:rotate the key'
    ])
    expect(found[0].columns.owner.text).toBe('@kim')
  })
})

describe('actionLead', () => {
  const lead = (source: string, isVerb?: (word: string) => boolean) => {
    const [item] = items(source)
    return actionLead(item, isVerb)?.text
  }

  it('skips priority tags, ticket ids and modal openings', () => {
    expect(lead('## Action items\n\n- P1: Add an alert.\n')).toBe('add')
    expect(lead('## Action items\n\n- HIGH Add an alert.\n')).toBe('add')
    expect(lead('## Action items\n\n- #2226: Add an alert.\n')).toBe('add')
    expect(lead('## Action items\n\n- OPS-12 Add an alert.\n')).toBe('add')
    expect(lead('## Action items\n\n- We should also add an alert.\n')).toBe('add')
    expect(lead('## Action items\n\n- Need to add an alert.\n')).toBe('add')
  })

  it('keeps words that only look like modals', () => {
    expect(lead('## Action items\n\n- We should have a talk with the vendor.\n')).toBe('have')
    expect(lead('## Action items\n\n- High memory alert for the indexer.\n')).toBe('high')
  })

  it('skips a short label before a colon when a verb follows it', () => {
    const isVerb = (word: string) => word === 'add'
    expect(lead('## Action items\n\n- Alerting: add a page on lag.\n', isVerb)).toBe('add')
    expect(lead('## Action items\n\n- Alerting: pages on lag.\n', isVerb)).toBe('alerting')
    expect(lead('## Action items\n\n- Alerting: add a page on lag.\n')).toBe('alerting')
  })
})

describe('action-item phrase tables', () => {
  const table = (entries: ActionPhraseEntry[]): PhraseTable => ({message: 'Found `{actual}`.', entries})
  const found = (source: string, entries: ActionPhraseEntry[], options: ActionPhraseOptions = {}) => {
    const {document} = parseDocument(source)
    return findActionPhrases(document, table(entries), options).map((match) => match.actual)
  }

  it('searches action items only', () => {
    expect(found('## Timeline\n\n- Fix it now.\n\n## Action items\n\n- Fix it later.\n', [{phrases: ['fix']}])).toEqual(['Fix'])
  })

  it('atLead and afterLead', () => {
    const source = '## Action items\n\n- Investigate the logs and investigate it.\n- Fix it.\n'
    expect(found(source, [{phrases: ['investigate'], atLead: true}])).toEqual(['Investigate'])
    expect(found(source, [{phrases: ['it'], afterLead: true}])).toEqual(['it'])
  })

  it('unlessSoonFollowedBy and unlessEarlier', () => {
    const source = '## Action items\n\n- Make sure everyone has access.\n- Make sure everyone checks the context.\n- Prevent deletes in the future.\n- Review access in the future.\n'
    expect(found(source, [{phrases: ['make sure'], onlyFollowedBy: ['everyone'], window: 2, unlessSoonFollowedBy: ['has']}])).toEqual(['Make sure'])
    expect(found(source, [{phrases: ['in the future'], unlessEarlier: ['prevent']}])).toEqual(['in the future'])
  })

  it('obligationWithin lets a short qualifier stand between a subject and its modal', () => {
    const source = '## Action items\n\n- Everyone should read it.\n- Everyone on the pager rota must read it.\n- Everyone needs to read it.\n- Everyone on the first shift of the pager rota should read it.\n- Give everyone access.\n- Everyone needs access.\n'
    expect(found(source, [{phrases: ['everyone'], obligationWithin: 4}])).toEqual(['Everyone', 'Everyone', 'Everyone'])
  })

  it('firstSentence leaves the explanation after the action alone', () => {
    const source = '## Action items\n\n- Document the steps. The issue was that nobody knew them.\n'
    expect(found(source, [{phrases: ['the issue']}])).toEqual(['The issue'])
    expect(found(source, [{phrases: ['the issue']}], {firstSentence: true})).toEqual([])
  })

  it('reports in source order, and only the first match per item when asked', () => {
    const {document} = parseDocument('## Action items\n\n- Always remember to double-check.\n')
    const reports: string[] = []
    const context = {options: {}, settings: {people: []}, report: (report: {actual?: string}) => reports.push(report.actual ?? '')}
    const entries = [{phrases: ['double-check']}, {phrases: ['remember to']}, {phrases: ['always']}]
    reportActionPhrases(document, context, table(entries))
    expect(reports).toEqual(['Always', 'remember to', 'double-check'])
    reports.length = 0
    reportActionPhrases(document, context, table(entries), {firstPerItem: true, keep: (match) => match.actual !== 'Always'})
    expect(reports).toEqual(['remember to'])
  })
})
