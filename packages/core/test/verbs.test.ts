import {describe, expect, it} from 'vitest'
import {hasVerb, isActionVerb} from '../src/index.js'

const words = (text: string) => text.toLowerCase().split(' ')

describe('hasVerb', () => {
  it('finds a finite word or "to" + an action verb', () => {
    expect(hasVerb(words('the alert needs a name'))).toBe(true)
    expect(hasVerb(words('sre to add a canary'))).toBe(true)
    expect(hasVerb(words('dashboards should page'))).toBe(true)
  })

  it('finds none in a topic', () => {
    expect(hasVerb(words('monitoring improvements'))).toBe(false)
    expect(hasVerb(words('path to production'))).toBe(false)
  })
})

describe('isActionVerb', () => {
  it('knows inflected and prefixed forms, not "-ing" nouns', () => {
    expect(['add', 'adding', 're-enable', 'configured', 'containerize'].every(isActionVerb)).toBe(true)
    expect(isActionVerb('monitoring')).toBe(false)
  })
})
