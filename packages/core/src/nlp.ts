// Lazy access to compromise. Importing it costs ~0.15–0.35 s, so it is only
// loaded when a rule asks to analyse a sentence that passed the rule's cheap
// lexical prefilter. The CommonJS build is required synchronously so that
// rules stay plain synchronous functions.
import {createRequire} from 'node:module'
import {LRUCache} from 'lru-cache'
import type nlpType from 'compromise'
import type {Sentence} from './types.js'

export type Nlp = typeof nlpType
export type NlpView = ReturnType<Nlp>

const require = createRequire(import.meta.url)
let loaded: Nlp | undefined

/** The compromise function, loaded on first use. */
export function nlp(): Nlp {
  loaded ??= require('compromise') as Nlp
  return loaded
}

/**
 * Analyses by sentence text (all compromise sees), kept across lints so that
 * an editor re-linting after an edit only analyses the sentences it changed.
 * About one sentence in twenty needs one, so 500 cover a document of ~90,000
 * words; each takes ~9 KB.
 */
const analyses = new LRUCache<string, NlpView>({max: 500})

/**
 * compromise's analysis of a sentence, shared by every rule that asks for it
 * (in this and later lints). Treat it as read-only: a rule must not change it.
 */
export function analyze(sentence: Sentence): NlpView {
  let view = analyses.get(sentence.text)
  if (!view) {
    view = nlp()(sentence.text)
    analyses.set(sentence.text, view)
  }
  return view
}
