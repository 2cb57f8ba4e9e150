import {describe, expect, it} from 'vitest'
import {isEnglish, readWordList, sortedWordList} from '../src/english.js'

describe('the English word list', () => {
  const text = readWordList()
  const words = JSON.parse(text) as string[]

  it('is sorted and a–z only, as the bisection needs', () => {
    expect(words.length).toBeGreaterThan(200_000)
    expect(words.every((word) => /^[a-z]+$/.test(word))).toBe(true)
    expect(words.every((word, at) => at === 0 || words[at - 1] < word)).toBe(true)
  })

  it('finds every listed word, and no word that is not listed', () => {
    const has = sortedWordList(text)
    expect(words.filter((word) => !has(word))).toEqual([])
    const listed = new Set(words)
    const others = [...words.slice(0, 2000), ...words.slice(-2000)].flatMap((word) => [word.slice(0, -1), `${word}q`, `${word}"`, `a${word}`, `${word} `])
    expect(others.filter((word) => has(word) !== listed.has(word))).toEqual([])
    expect(has('')).toBe(false)
  })

  it('refuses a damaged list rather than searching it', () => {
    expect(() => sortedWordList('["a","b')).toThrow(/damaged/)
  })

  it('ignores case', () => {
    expect([isEnglish('DATA'), isEnglish('Null'), isEnglish('path'), isEnglish('CMDB'), isEnglish('SRE')]).toEqual([true, true, true, false, false])
  })
})
