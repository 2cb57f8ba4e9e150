import type {Block} from '@blamelint/core'

/**
 * The text of every block: definitions are looked for in the whole document
 * once all of it is seen. Most blocks' text is their source as written (90 %
 * of a long document's prose), and those are kept as two offsets into the
 * source, not as a copy of it.
 */
export class BlockTexts {
  private source = ''
  /** Per block, its span in the source; or -1 and the index of its text in `texts`. */
  private readonly places: number[] = []
  private readonly texts: string[] = []

  /** Add the next block. `source` is the whole document's, the same for every block. */
  add(source: string, {text, span}: Pick<Block, 'text' | 'span'>): void {
    this.source = source
    if (text.length === span.end - span.start && source.startsWith(text, span.start)) this.places.push(span.start, span.end)
    else this.places.push(-1, this.texts.push(text) - 1)
  }

  /** The blocks' texts, a line each. */
  join(): string {
    const lines: string[] = []
    for (let at = 0; at < this.places.length; at += 2) {
      const start = this.places[at]
      const end = this.places[at + 1]
      lines.push(start === -1 ? this.texts[end] : this.source.slice(start, end))
    }
    return lines.join('\n')
  }
}
