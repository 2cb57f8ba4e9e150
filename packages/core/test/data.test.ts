import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {loadPhraseTable, loadWordLists} from '../src/index.js'

const folder = mkdtempSync(join(tmpdir(), 'blamelint-data-'))
let count = 0

/** A data file with `yaml` in it. */
function file(yaml: string): URL {
  const path = join(folder, `table-${count++}.yml`)
  writeFileSync(path, yaml)
  return pathToFileURL(path)
}

describe('loadPhraseTable', () => {
  it('reads the declared lists, entry fields and kinds', () => {
    const table = loadPhraseTable(file('message: m\nplaces: [here, there]\nentries:\n  - phrases: [bad thing]\n    scope: true\n    kind: wide\n'), {
      lists: ['places'],
      fields: {scope: 'boolean'},
      kinds: ['wide', 'narrow']
    })
    expect(table.places).toEqual(['here', 'there'])
    expect(table.entries[0]).toEqual({phrases: ['bad thing'], scope: true, kind: 'wide'})
  })

  it('rejects an entry key it does not know, so a misspelt condition cannot widen the matches', () => {
    const url = file('message: m\nentries:\n  - phrases: [bad thing]\n    unlesFollowedBy: [rate]\n')
    expect(() => loadPhraseTable(url)).toThrow(/unknown key `unlesFollowedBy`/)
    expect(() => loadPhraseTable(file('message: m\nentries:\n  - phrases: [bad thing]\n    scope: true\n'))).toThrow(/unknown key `scope`/)
  })

  it('rejects undeclared or malformed lists and fields, and unknown kinds', () => {
    expect(() => loadPhraseTable(file('message: m\nplaces: [here]\nentries:\n  - phrases: [x]\n'))).toThrow(/unknown key `places`/)
    expect(() => loadPhraseTable(file('message: m\nentries:\n  - phrases: [x]\n'), {lists: ['places']})).toThrow(/`places` must be a list of strings/)
    expect(() => loadPhraseTable(file('message: m\nentries:\n  - phrases: [x]\n    window: two\n'))).toThrow(/`window` must be a number/)
    expect(() => loadPhraseTable(file('message: m\nentries:\n  - phrases: [x]\n    scope: yes please\n'), {fields: {scope: 'boolean'}})).toThrow(/`scope` must be a boolean/)
    expect(() => loadPhraseTable(file('message: m\nentries:\n  - phrases: [x]\n    kind: wdie\n'), {kinds: ['wide']})).toThrow(/unknown kind `wdie`/)
    expect(() => loadPhraseTable(file('entries:\n  - phrases: [x]\n'))).toThrow(/needs `message` and `entries`/)
    expect(() => loadPhraseTable(file('message: m\nentries:\n  - expected: [y]\n'))).toThrow(/has no `phrases`/)
  })
})

describe('loadWordLists', () => {
  it('reads exactly the named lists', () => {
    expect(loadWordLists(file('verbs: [add, fix]\nnouns: [alert]\n'), ['verbs', 'nouns'])).toEqual({verbs: ['add', 'fix'], nouns: ['alert']})
    expect(() => loadWordLists(file('verbs: [add]\nverb: [fix]\n'), ['verbs'])).toThrow(/unknown key `verb`/)
    expect(() => loadWordLists(file('verbs: [add]\n'), ['verbs', 'nouns'])).toThrow(/`nouns` must be a list of strings/)
    expect(() => loadWordLists(file('verbs: [add, 3]\n'), ['verbs'])).toThrow(/`verbs` must be a list of strings/)
  })
})
