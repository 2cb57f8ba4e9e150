// The verbs action items start with, shared by the engine (a verb-less list
// item over nested items is a group label, not an action) and the action-item
// rules, so that they agree on what has a verb.
import {loadWordLists} from './data.js'

const lexicon = loadWordLists(new URL('../data/verbs.yml', import.meta.url), ['verbs', 'nounGerunds', 'finite'])

/** The word lists of `data/verbs.yml`: action verbs (base forms), "-ing" nouns ("monitoring") and finite words ("is", "should"). */
export const actionWords = {
  verbs: new Set(lexicon.verbs),
  nounGerunds: new Set(lexicon.nounGerunds),
  finite: new Set(lexicon.finite)
} as const

/** Base forms a word may come from: "adding" → add, "configured" → configure. */
function bases(word: string): string[] {
  const forms = [word]
  if (word.startsWith('re-')) forms.push(word.slice(3))
  for (const suffix of ['ing', 'ed']) {
    if (!word.endsWith(suffix) || word.length < suffix.length + 3) continue
    const stem = word.slice(0, -suffix.length)
    forms.push(stem, `${stem}e`)
    if (stem.at(-1) === stem.at(-2)) forms.push(stem.slice(0, -1))
    if (stem.endsWith('i')) forms.push(`${stem.slice(0, -1)}y`)
  }
  return forms
}

/**
 * Whether lower-cased words hold a verb the word lists can tell: a finite
 * word ("is", "should", "needs") or "to" + an action verb ("SRE to add…").
 */
export function hasVerb(words: string[]): boolean {
  return words.some((word, index) => actionWords.finite.has(word) || (index > 0 && words[index - 1] === 'to' && isActionVerb(word)))
}

/** Whether a word, lower-cased, is an action verb the word list knows ("add", "re-enable", "configuring"). */
export function isActionVerb(word: string): boolean {
  if (actionWords.nounGerunds.has(word)) return false
  return bases(word).some((base) => actionWords.verbs.has(base)) || /^[a-z]+(?:ize|ise|ify)$/.test(word)
}
