// Compact unist positions for nlcst nodes.
//
// Every word, space and punctuation mark of a document is a node with a
// position, and a unist position written out is three objects (the position
// and two points of line, column and offset): three quarters of the objects
// of the document model, ~75 bytes per byte of source. Rules only ever read
// offsets; line and column are needed for the few nodes a message points at.
// So a node's position holds two offsets and the document's line index, and
// gives out points, computed when read. It is still a unist `Position`:
// parse-latin's sentence plugins assign its `start` and `end`, and
// `JSON.stringify` writes it out in full.
import type {Point, Position} from 'unist'
import type {Location} from 'vfile-location'

/** A point whose line and column are looked up when read. */
class OffsetPoint implements Point {
  readonly offset: number
  private readonly location: Location

  constructor(offset: number, location: Location) {
    this.offset = offset
    this.location = location
  }

  get line(): number {
    return this.location.toPoint(this.offset)?.line ?? 1
  }

  get column(): number {
    return this.location.toPoint(this.offset)?.column ?? 1
  }

  toJSON(): Point {
    return {line: this.line, column: this.column, offset: this.offset}
  }
}

export class OffsetPosition implements Position {
  startOffset: number
  endOffset: number
  private readonly location: Location

  constructor(start: number, end: number, location: Location) {
    this.startOffset = start
    this.endOffset = end
    this.location = location
  }

  get start(): Point {
    return new OffsetPoint(this.startOffset, this.location)
  }

  set start(point: Point) {
    this.startOffset = point.offset ?? this.startOffset
  }

  get end(): Point {
    return new OffsetPoint(this.endOffset, this.location)
  }

  set end(point: Point) {
    this.endOffset = point.offset ?? this.endOffset
  }

  toJSON(): Position {
    return {start: this.start, end: this.end}
  }
}
