/** An HTML comment found in the source (a possible control comment). */
export interface Comment {
  /** The raw comment, `<!-- … -->`. */
  value: string
  start: number
  end: number
}

/**
 * The HTML comments in `text`, each `<!--` to the next `-->`.
 * Found with `indexOf` rather than `/<!--[\s\S]*?-->/g`, which rescans to
 * the end from every unclosed `<!--` (quadratic).
 */
export function findComments(text: string): Comment[] {
  const comments: Comment[] = []
  for (let start = text.indexOf('<!--'); start !== -1; ) {
    const end = text.indexOf('-->', start + 4)
    if (end === -1) break
    comments.push({value: text.slice(start, end + 3), start, end: end + 3})
    start = text.indexOf('<!--', end + 3)
  }
  return comments
}
