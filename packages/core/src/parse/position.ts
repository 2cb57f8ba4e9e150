// Compact unist positions for nlcst nodes.
//
// Every word, space and punctuation mark of a document is a node with a
// position, and a unist position written out is three objects (the position
// and two points of line, column and offset): three quarters of the objects
// of the document model, ~75 bytes per byte of source. Rules only ever read
// offsets; line and column are needed for the few nodes a message points at.
// So a node's position holds two offsets and the document's line starts, and
// gives out points, computed when read. It is still a unist `Position`:
// parse-latin's sentence plugins assign its `start` and `end`, and
// `JSON.stringify` writes it out in full. (A copy made another way, such as
// `structuredClone` or a spread, keeps the offsets but not the points.)
import type {Point, Position} from 'unist'
import {lastBelow} from '../search.js'

/**
 * Where the lines of a text start, to turn offsets into points (line endings
 * `\r\n`, `\r` or `\n`, as vfile-location reads them). Hand-written because
 * vfile-location's index keeps the whole text, and positions outlive their
 * document in the editor's paragraph cache: this keeps four bytes a line.
 */
export class LineStarts {
  private readonly starts: Uint32Array

  constructor(text: string) {
    const starts = [0]
    for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length)
    this.starts = Uint32Array.from(starts)
  }

  toPoint(offset: number): Point & {offset: number} {
    // The last line that starts at or before `offset` (the first starts at 0).
    const line = Math.max(0, lastBelow(this.starts, offset + 1, (start) => start))
    return {line: line + 1, column: offset - this.starts[line] + 1, offset}
  }
}

/** A point whose line and column are looked up when read. */
class OffsetPoint implements Point {
  readonly offset: number
  private readonly lines: LineStarts

  constructor(offset: number, lines: LineStarts) {
    this.offset = offset
    this.lines = lines
  }

  get line(): number {
    return this.lines.toPoint(this.offset).line
  }

  get column(): number {
    return this.lines.toPoint(this.offset).column
  }

  toJSON(): Point {
    return this.lines.toPoint(this.offset)
  }
}

export class OffsetPosition implements Position {
  startOffset: number
  endOffset: number
  private readonly lines: LineStarts

  constructor(start: number, end: number, lines: LineStarts) {
    this.startOffset = start
    this.endOffset = end
    this.lines = lines
  }

  get start(): Point {
    return new OffsetPoint(this.startOffset, this.lines)
  }

  set start(point: Point) {
    this.startOffset = point.offset ?? this.startOffset
  }

  get end(): Point {
    return new OffsetPoint(this.endOffset, this.lines)
  }

  set end(point: Point) {
    this.endOffset = point.offset ?? this.endOffset
  }

  toJSON(): Position {
    return {start: this.start, end: this.end}
  }
}
