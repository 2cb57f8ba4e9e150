import {toString} from 'nlcst-to-string'
import {describe, expect, it} from 'vitest'
import {mentionsIn, parseDocument, refersToTicket, wordNear} from '../src/index.js'
import {isTicketKey} from '../src/references.js'
import {nodeNear} from '../src/siblings.js'

describe('mentionsIn', () => {
  it('finds chat mentions, e-mail addresses and handles, with the name each one gives', () => {
    expect(mentionsIn('Ask <@U024BE7LH>, [~chiara.b], mei@example.com, @kim’s team and lee@.').map(({kind, name}) => `${kind}:${name}`)).toEqual([
      'slack:U024BE7LH',
      'jira:chiara.b',
      'email:mei@example.com',
      'handle:kim',
      'handle:lee'
    ])
  })

  it('leaves group handles out unless asked for them', () => {
    expect(mentionsIn('Ping @here and @platform-team.')).toEqual([])
    expect(mentionsIn('Ping @here and @platform-team.', {groups: true}).map((mention) => mention.text)).toEqual(['@here', '@platform-team'])
  })
})

describe('tickets', () => {
  it('knows ticket keys, numbers, links and reference-style links', () => {
    expect(['OPS-12', 'INFRA-9000'].every(isTicketKey)).toBe(true)
    expect(['OPS-', 'ops-12', 'OPS-12a', 'P1'].some(isTicketKey)).toBe(false)
    for (const text of ['Fix it (OPS-12)', 'Fix it (#917)', 'see https://tracker.example/1', 'bug 1234', 'b/123', 'the [fix][ref]']) {
      expect(refersToTicket(text), text).toBe(true)
    }
    for (const text of ['Fix it by Q3', 'Cut p99 under 300 ms', 'issue 7']) expect(refersToTicket(text), text).toBe(false)
  })
})

describe('nodeNear and wordNear', () => {
  const children = parseDocument('Broken by: Sam, then — kim.').document.sentences[0].node.children
  const at = (word: string) => children.findIndex((node) => toString(node) === word)

  it('walk across whitespace to the next node or word', () => {
    expect(toString(children[nodeNear(children, at('by'), 1)])).toBe(':')
    expect(wordNear(children, at('by'), 1)).toBe(-1)
    expect(toString(children[wordNear(children, at('by'), -1)])).toBe('Broken')
    expect(wordNear(children, at('Broken'), -1)).toBe(-1)
  })

  it('skip the punctuation they are given', () => {
    expect(toString(children[wordNear(children, at('by'), 1, /^:$/)])).toBe('Sam')
    expect(toString(children[wordNear(children, at('then'), 1, /^[—-]$/)])).toBe('kim')
  })
})
