// A rule tester in the style of ESLint's RuleTester: a rule's valid and
// invalid cases live in `cases.yml` beside it (data, so the docs generator
// reads the same examples), and every reported range is asserted exactly.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {resolveConfig} from './config.js'
import {lintText} from './linter.js'
import type {InputFormat, Rule} from './types.js'

export interface RuleCase {
  text: string
  format?: InputFormat
  /** Rule options for this case. */
  options?: Record<string, unknown>
  /** Team roster for this case. */
  people?: string[]
  /** Why the case matters (shown in the docs). */
  why?: string
  /** Show this case in the rule's documentation. */
  doc?: boolean
}

export interface ExpectedError {
  /** `line:column-endLine:endColumn`, 1-based, end exclusive. */
  at: string
  actual: string
  /** The suggestions; none when left out (always compared, as ESLint does). */
  expected?: string[]
  /** Text the message must contain. */
  message?: string
}

export interface RuleCases {
  valid: RuleCase[]
  invalid: Array<RuleCase & {errors: ExpectedError[]}>
}

export function loadCases(url: URL): RuleCases {
  const cases = parseYaml(readFileSync(url, 'utf8')) as RuleCases
  return {valid: cases.valid ?? [], invalid: cases.invalid ?? []}
}

/** Lint `text` with `rule` alone, as a case configures it. */
export function lintCase(rule: Rule, testCase: RuleCase) {
  const config = resolveConfig([rule], {
    preset: 'none',
    rules: {[rule.meta.id]: [rule.meta.severity, testCase.options ?? {}]},
    people: testCase.people
  })
  return lintText(testCase.text, [rule], {format: testCase.format ?? 'markdown', config}).messages
}

const label = (testCase: RuleCase) => `${testCase.format ?? 'markdown'}: ${JSON.stringify(testCase.text).slice(0, 100)}`

/** Register vitest tests for a rule's cases. */
export function runRuleTests(rule: Rule, casesUrl: URL): void {
  const {valid, invalid} = loadCases(casesUrl)
  const id = rule.meta.id

  describe(id, () => {
    it('has cases, none duplicated', () => {
      expect(valid.length).toBeGreaterThan(0)
      expect(invalid.length).toBeGreaterThan(0)
      const keys = [...valid, ...invalid].map((testCase) => JSON.stringify([testCase.text, testCase.format, testCase.options, testCase.people]))
      const duplicates = keys.filter((key, index) => keys.indexOf(key) !== index)
      expect(duplicates).toEqual([])
    })

    describe('valid', () => {
      for (const testCase of valid) {
        it(label(testCase), () => {
          const messages = lintCase(rule, testCase).map((message) => `${message.line}:${message.column} ${message.actual} — ${message.reason}`)
          expect(messages).toEqual([])
        })
      }
    })

    describe('invalid', () => {
      for (const testCase of invalid) {
        it(label(testCase), () => {
          expect(testCase.errors?.length, 'an invalid case must list its errors').toBeGreaterThan(0)
          const messages = lintCase(rule, testCase)
          const found = messages.map((message) => ({
            at: `${message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}-${message.place.end.line}:${message.place.end.column}` : `${message.line}:${message.column}`}`,
            actual: message.actual
          }))
          expect(found).toEqual(testCase.errors.map(({at, actual}) => ({at, actual})))
          testCase.errors.forEach((error, index) => {
            const message = messages[index]
            expect(message.ruleId).toBe(id)
            expect(message.source).toBe('blamelint')
            expect(message.url).toBe(rule.meta.url)
            expect(message.reason.length).toBeGreaterThan(20)
            expect(message.reason, 'a {placeholder} was left in the message').not.toMatch(/\{[A-Za-z]\w*\}/)
            if (message.note) expect(message.note, 'a {placeholder} was left in the note').not.toMatch(/\{[A-Za-z]\w*\}/)
            expect(message.expected ?? [], 'suggestions').toEqual(error.expected ?? [])
            if (error.message) expect(message.reason).toContain(error.message)
          })
        })
      }
    })
  })
}
