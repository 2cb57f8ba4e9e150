// Per-sentence results that outlive one lint. An editor re-lints the whole
// document after every edit, and each lint builds new `Sentence` objects, so
// caches keyed by them start empty every time. These are kept by the
// sentence's block paragraph (`paragraphKey`: equal keys mean equal trees up
// to a shift of positions) and its place in the block, so only the blocks an
// edit changed are computed again.
import {LRUCache} from 'lru-cache'
import {paragraphKey} from './parse/paragraph.js'
import type {Sentence} from './types.js'

/**
 * Every memo's values, by block and then by sentence. One cache for all of
 * them (a phrase table each, and people): lru-cache allocates its arrays for
 * `max` entries up front, so twenty caches took 2.5 MB before anything was
 * cached, in every process and in the startup snapshot.
 */
const blocks = new LRUCache<string, Array<Map<string, unknown>>>({max: 2000})
let memos = 0

/**
 * A cache of per-sentence values by a key (e.g. the settings they depend
 * on). Values must not hold nodes or offsets: the same block may sit
 * elsewhere in the next document. Keep indexes into `sentence.node.children`.
 */
export class SentenceMemo<Value> {
  private readonly id = `${memos++}\u0000`

  get(sentence: Sentence, key = ''): Value | undefined {
    const block = paragraphKey(sentence.block.tree)
    return block === undefined ? undefined : (blocks.get(block)?.[indexOf(sentence)]?.get(this.id + key) as Value | undefined)
  }

  set(sentence: Sentence, value: Value, key = ''): void {
    const block = paragraphKey(sentence.block.tree)
    if (block === undefined) return
    const sentences = blocks.get(block) ?? []
    const index = indexOf(sentence)
    ;(sentences[index] ??= new Map()).set(this.id + key, value)
    blocks.set(block, sentences)
  }
}

const indexOf = (sentence: Sentence) => sentence.block.tree.children.indexOf(sentence.node)
