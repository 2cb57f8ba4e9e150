import {describe, expect, it} from 'vitest'
import {fill, indefiniteArticle} from '../src/findings.js'
import {defineRule, lintText, loadPhraseTable, reportPhrases, resolveConfig, validateConfig} from '../src/index.js'

const table = loadPhraseTable(new URL('./fixtures/suggestions.yml', import.meta.url))
const rule = defineRule({
  meta: {id: 'sample-suggestions', description: 'Flags the sample phrases.', severity: 'warning', recommended: true},
  check(document, context) {
    reportPhrases(document, context, table)
  }
})

/** Each message as what a fix replaces, its suggestions and the message's quote. */
function lint(text: string) {
  return lintText(text, [rule], {config: resolveConfig([rule])}).messages.map((message) => ({
    actual: message.actual,
    expected: message.expected,
    quoted: /`([^`]*)`/.exec(message.reason)?.[1]
  }))
}

/** The text after applying each suggestion. */
function applied(text: string): string[] {
  const [message] = lintText(text, [rule], {config: resolveConfig([rule])}).messages
  const start = message.place && 'start' in message.place ? message.place.start.offset! : 0
  const end = message.place && 'end' in message.place ? message.place.end.offset! : 0
  return (message.expected ?? []).map((replacement) => text.slice(0, start) + replacement + text.slice(end))
}

describe('suggestions fitted to the sentence', () => {
  it('take over the article before the range when they bring their own', () => {
    expect(applied('The outage began after a fat finger in the variables file.')).toEqual([
      'The outage began after a typo in the variables file.',
      'The outage began after an input slip in the variables file.'
    ])
    expect(applied('Reviewers listed the human factor first.')).toEqual(['Reviewers listed the working conditions first.'])
    expect(applied('It was our fat finger.')).toEqual(['It was a typo.', 'It was an input slip.'])
  })

  it('make "a" and "an" agree with the replacement', () => {
    expect(applied('Latency showed an enormous jump.')).toEqual(['Latency showed a large jump.', 'Latency showed a sharp jump.'])
    // No article to change: the range stays the word found.
    expect(lint('Latency showed a enormous jump.')[0]).toMatchObject({actual: 'enormous', expected: ['large', 'sharp']})
  })

  it('start with a capital at the start of a sentence', () => {
    expect(applied('A fat finger set the timeout to 3 ms.')).toEqual(['A typo set the timeout to 3 ms.', 'An input slip set the timeout to 3 ms.'])
    expect(applied('Botched rollouts paged the team twice.')).toEqual(['Failed rollouts paged the team twice.'])
    expect(applied('14:02 Human factor, then botched rollouts.')[0]).toBe('14:02 The working conditions, then botched rollouts.')
    expect(applied('- Botched rollouts.')).toEqual(['- Failed rollouts.'])
  })

  it('keep the case of names, initialisms and text inside a sentence', () => {
    expect(applied('The ticket was closed as PEBKAC.')).toEqual(['The ticket was closed as a usability gap.'])
    expect(applied('PEBKAC, said the ticket.')).toEqual(['a usability gap, said the ticket.'])
    expect(applied('Then the botched rollouts paged us.')).toEqual(['Then the failed rollouts paged us.'])
  })

  it('remove a phrase with the comma that sets it off, capitalising the next word at the start', () => {
    expect(applied('Needless to say, the target was missed.')).toEqual(['The target was missed.'])
    expect(applied('Needless to say, 40% of requests failed.')).toEqual(['40% of requests failed.'])
    expect(applied('We missed the target, needless to say.')).toEqual(['We missed the target.'])
    expect(applied('We missed, needless to say, the target.')).toEqual(['We missed the target.'])
  })

  it('quote the text found in the message, and report what a fix replaces as `actual`', () => {
    expect(lint('Caused by a fat finger.')).toEqual([{actual: 'a fat finger', expected: ['a typo', 'an input slip'], quoted: 'fat finger'}])
    const [message] = lintText('Caused by a fat finger.', [rule], {config: resolveConfig([rule])}).messages
    expect(message.note).toBe('Found `fat finger`.')
  })

  it('let `allow` accept the text found, whatever the range grew to', () => {
    const config = resolveConfig([rule], validateConfig({allow: ['fat finger', 'needless to say']}, [rule]))
    expect(lintText('Caused by a fat finger. Needless to say, it broke.', [rule], {config}).messages).toEqual([])
  })
})

describe('indefiniteArticle', () => {
  it('reads the first sound', () => {
    expect(['typo', 'input slip', 'unguarded step', 'hour', 'user', 'one-off', 'SRE', 'DNS change', 'Ugly'].map(indefiniteArticle)).toEqual([
      'a',
      'an',
      'an',
      'an',
      'a',
      'a',
      'an',
      'a',
      'an'
    ])
  })
})

describe('fill', () => {
  it('replaces known placeholders and leaves others', () => {
    expect(fill('`{actual}` ties {person} to {actual}; {other}', {actual: 'x', person: 'Kim'})).toBe('`x` ties Kim to x; {other}')
  })
})
