import {describe, expect, it} from 'vitest'
import {compareText} from '../src/compare.js'

describe('compareText', () => {
  it('orders as localeCompare does', () => {
    const texts = ['no-human-error', 'no-hindsight', 'no-human', 'no-human-error-x', 'a', '', 'B', 'b', 'é', 'e', 'Z-1', 'z_2', 'outage-usage', '’quote']
    for (const a of texts) {
      for (const b of texts) expect(Math.sign(compareText(a, b)), `${a} vs ${b}`).toBe(Math.sign(a.localeCompare(b)))
    }
  })
})
