// Plain text → document model. Paragraphs are separated by blank lines; lines
// starting with a bullet or number are list items; a short line standing
// alone without sentence punctuation is a heading (as in a text export).
import {DocumentBuilder, type PartSink} from './builder.js'
import {findComments, type Comment} from './comments.js'
import type {Segment} from './paragraph.js'

const bullet = /^([ \t]*)(?:[-*+•]|\d{1,3}[.)])[ \t]+(?:\[([ xX])\][ \t]+)?/
const headingLike = /^[ \t]*[^\s].{0,70}$/

interface Line {
  text: string
  start: number
}

/** Parse plain text into the document model, handing its parts to `parts`; returns its HTML comments. */
export function parseText(source: string, parts: PartSink): Comment[] {
  const builder = new DocumentBuilder(source, 'text', parts)
  const lines: Line[] = []
  for (const match of source.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/g)) {
    if (match[0] === '' && match.index === source.length && lines.length > 0) break
    lines.push({text: match[0].replace(/[\r\n]+$/, ''), start: match.index})
  }

  const textSegment = (line: Line, from = 0): Segment => ({
    kind: 'text',
    value: line.text.slice(from),
    start: line.start + from,
    end: line.start + line.text.length
  })

  /** Join lines of one paragraph or item, keeping line endings from the source. */
  const segmentsOf = (group: Line[], firstFrom: number): Segment[] => {
    const first = group[0]
    const last = group[group.length - 1]
    const start = first.start + firstFrom
    const end = last.start + last.text.length
    return [{kind: 'text', value: source.slice(start, end), start, end}]
  }

  let index = 0
  while (index < lines.length) {
    if (!lines[index].text.trim()) {
      index++
      continue
    }
    const paragraph: Line[] = []
    while (index < lines.length && lines[index].text.trim()) paragraph.push(lines[index++])

    const isLast = index >= lines.length
    if (
      paragraph.length === 1 &&
      !bullet.test(paragraph[0].text) &&
      headingLike.test(paragraph[0].text) &&
      !/[.!?;,]["')\]]?\s*$/.test(paragraph[0].text) &&
      !isLast
    ) {
      builder.heading(2, [textSegment(paragraph[0], paragraph[0].text.length - paragraph[0].text.trimStart().length)])
      continue
    }

    let pending: Line[] = []
    const flushProse = () => {
      if (pending.length > 0) builder.paragraph({kind: 'paragraph', segments: segmentsOf(pending, 0), quoted: false})
      pending = []
    }
    for (let at = 0; at < paragraph.length; at++) {
      const match = bullet.exec(paragraph[at].text)
      if (!match) {
        pending.push(paragraph[at])
        continue
      }
      flushProse()
      const item = [paragraph[at]]
      const indent = match[1].length
      // Continuation lines are indented deeper than the bullet.
      while (at + 1 < paragraph.length && !bullet.test(paragraph[at + 1].text) && /^[ \t]+/.test(paragraph[at + 1].text) && paragraph[at + 1].text.search(/\S/) > indent) {
        item.push(paragraph[++at])
      }
      const blocks = builder.paragraph({kind: 'listItem', segments: segmentsOf(item, match[0].length), quoted: false})
      const last = item[item.length - 1]
      // Nested items are the bullets indented deeper that follow.
      let end = at + 1
      while (end < paragraph.length && (bullet.exec(paragraph[end].text)?.[1].length ?? indent + 1) > indent) end++
      const outerLast = paragraph[end - 1]
      builder.listItem(
        blocks,
        match[2] === undefined ? undefined : match[2] !== ' ',
        Math.floor(indent / 2),
        {start: item[0].start, end: last.start + last.text.length},
        {start: item[0].start, end: outerLast.start + outerLast.text.length}
      )
    }
    flushProse()
    builder.boundary()
  }
  builder.finish()
  return findComments(source)
}
