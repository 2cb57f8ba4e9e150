/** An HTML comment found in the source (a possible control comment). */
export interface Comment {
  /** The raw comment, `<!-- … -->`. */
  value: string
  start: number
  end: number
}
