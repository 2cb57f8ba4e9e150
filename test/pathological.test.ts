// Pathological input (test/pathological.mjs) with every rule on: each case,
// at the larger of its two sizes, in each format, is linted to the end with
// every range inside the document. That it takes linear time is measured by
// `pnpm bench --only linear`, not here: timing has no place in unit tests.
import {Linter, type InputFormat} from 'blamelint'
import {describe, expect, it} from 'vitest'
import {cases, formats} from './pathological.mjs'

const linter = new Linter({config: {preset: 'all'}})

describe('pathological input', () => {
  for (const [name, {make, size, formats: only}] of Object.entries(cases).filter(([, one]) => !one.timedOnly)) {
    it.each((only ?? formats) as InputFormat[])(`${name} (%s)`, (format) => {
      const text = make(size * 8, 'salt')
      const {messages} = linter.lint(text, {format})
      for (const message of messages) {
        const {start, end} = message.place as {start: {offset: number}; end: {offset: number}}
        expect(0 <= start.offset && start.offset <= end.offset && end.offset <= text.length, `${message.ruleId} at ${start.offset}-${end.offset}`).toBe(true)
      }
    })
  }
})
