// Whether a word is in the English word list (an-array-of-english-words,
// 275,000 words): a full list rather than compromise's lexicon, which lacks
// common words such as "null", "data" or "path". A Set of its words takes
// 20 MB and 120 ms to build, which every document with an acronym in it would
// pay; instead the list's own JSON text (3.4 MB) is searched by bisection
// over where each word starts (1.1 MB), built in ~20 ms. This relies on the
// list being sorted and its words being a–z only, so that no word is escaped
// and code-unit order is the list's order: the dependency is pinned, and
// test/english.test.ts checks both.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'

const quote = 0x22

/** A lookup in `text`, a JSON array of sorted lower-case words. */
export function sortedWordList(text: string): (word: string) => boolean {
  const starts: number[] = []
  for (let open = text.indexOf('"'); open !== -1; ) {
    const close = text.indexOf('"', open + 1)
    if (close === -1) throw new Error('the English word list (an-array-of-english-words) is damaged: reinstall it')
    starts.push(open + 1)
    open = text.indexOf('"', close + 1)
  }
  const index = Uint32Array.from(starts)

  /** `word` compared with the listed word at `start` (which ends at its closing quote), by code units. */
  const compare = (word: string, start: number) => {
    for (let at = 0; ; at++) {
      const listed = text.charCodeAt(start + at)
      if (at === word.length) return listed === quote ? 0 : -1
      if (listed === quote) return 1
      const difference = word.charCodeAt(at) - listed
      if (difference !== 0) return difference
    }
  }

  return (word) => {
    let low = 0
    let high = index.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const order = compare(word, index[middle])
      if (order === 0) return true
      if (order < 0) high = middle - 1
      else low = middle + 1
    }
    return false
  }
}

/** The list's JSON text. Resolved with Node.js's own `createRequire`, which the startup snapshot's bundle keeps (see scripts/build-snapshot.mjs). */
export const readWordList = () => readFileSync(createRequire(fileURLToPath(import.meta.url)).resolve('an-array-of-english-words'), 'latin1')

let english: ((word: string) => boolean) | undefined

/** Whether `word`, in any case, is an English word. The list is read on first use. */
export const isEnglish = (word: string) => (english ??= sortedWordList(readWordList()))(word.toLowerCase())
