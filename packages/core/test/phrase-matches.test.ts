// `phraseMatches` is nlcst-search written out for speed (see phrases.ts): on
// every phrase of every rule's tables, over the fixtures and over generated
// sentences, both must find the same matches in the same order.
import {readFileSync, readdirSync} from 'node:fs'
import fc from 'fast-check'
import {search} from 'nlcst-search'
import {describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {parseDocument} from '../src/linter.js'
import {matcherOf, phraseMatches} from '../src/phrases.js'
import type {Sentence} from '../src/types.js'

const rules = new URL('../../../rules/', import.meta.url)
const fixtures = new URL('../../../fixtures/', import.meta.url)

/** Every table's phrases (the data files with `entries`). */
const tables: string[][] = readdirSync(rules).flatMap((rule) => {
  let files: string[]
  try {
    files = readdirSync(new URL(`${rule}/data/`, rules)).filter((file) => file.endsWith('.yml'))
  } catch {
    return []
  }
  return files.flatMap((file) => {
    const data = parseYaml(readFileSync(new URL(`${rule}/data/${file}`, rules), 'utf8')) as {entries?: Array<{phrases: string[]}>}
    return data.entries ? [data.entries.flatMap((entry) => entry.phrases)] : []
  })
})

/** What nlcst-search finds in a sentence, as `phraseMatches` reports it. */
function searched(sentence: Sentence, phrases: string[]) {
  const matches: Array<{phrase: string; index: number; end: number}> = []
  search(sentence.node, phrases, (nodes, index, _parent, phrase) => matches.push({phrase, index, end: index + nodes.length}), {allowLiterals: true})
  return matches
}

function expectSameMatches(text: string): number {
  let count = 0
  for (const sentence of parseDocument(text).document.sentences) {
    for (const phrases of tables) {
      const expected = searched(sentence, phrases)
      expect(phraseMatches(sentence, matcherOf(phrases))).toEqual(expected)
      count += expected.length
    }
  }
  return count
}

describe('phraseMatches', () => {
  it('reads every table', () => {
    expect(tables.length).toBeGreaterThan(15)
  })

  it('finds what nlcst-search finds in the fixtures', () => {
    const count = readdirSync(fixtures)
      .filter((file) => file.endsWith('.md'))
      .reduce((sum, file) => sum + expectSameMatches(readFileSync(new URL(file, fixtures), 'utf8')), 0)
    expect(count).toBeGreaterThan(50)
  })

  it('finds what nlcst-search finds in sentences made of phrase words', () => {
    const words = [...new Set(tables.flat().flatMap((phrase) => phrase.split(' ')))].filter((word) => word !== '*')
    const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom('Dylan', "don't", 'Wasn’t', 'ON-CALL', 'x'), fc.constantFrom(' ', '  ', ', ', '-', "'", '’', '(', ')', '"', '\n'))
    fc.assert(
      fc.property(fc.array(piece, {minLength: 1, maxLength: 25}), (pieces) => {
        expectSameMatches(`${pieces.join(' ')}.`)
      }),
      {numRuns: 300}
    )
  })
})
