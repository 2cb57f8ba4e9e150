import {describe, expect, it} from 'vitest'
import {Linter, presets, rules} from '../src/index.js'

/** The rules a configuration turns on. */
const enabled = (preset: 'recommended' | 'all') =>
  Object.entries(new Linter({config: {preset}}).configFor().rules)
    .filter(([, setting]) => setting.severity !== 'off')
    .map(([id]) => id)

describe('presets', () => {
  it('list the rules each preset turns on, as the engine applies it', () => {
    expect(presets.recommended.toSorted()).toEqual(enabled('recommended').toSorted())
    expect(presets.all.toSorted()).toEqual(enabled('all').toSorted())
  })

  it('name every rule once, the recommended ones among all', () => {
    expect(presets.all).toEqual(rules.map((rule) => rule.meta.id))
    expect(new Set(presets.all).size).toBe(presets.all.length)
    expect(presets.recommended.every((id) => presets.all.includes(id))).toBe(true)
    expect(presets.recommended.length).toBeGreaterThan(0)
  })
})
