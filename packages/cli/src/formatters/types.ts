import type {Rule} from 'blamelint'
import type {VFile} from 'vfile'

/** One linted file: the path as shown to the user, and its messages. */
export interface FileResult {
  path: string
  file: VFile
}

export interface FormatContext {
  cwd: string
  rules: Rule[]
  version: string
  /** Colours in terminal output. */
  color: boolean
}

/**
 * Turns results into the text a user or CI system reads, in pieces that are
 * written as they come: a long report (tens of MB for a huge document) is
 * never held as one string.
 */
export type Formatter = (results: FileResult[], context: FormatContext) => Iterable<string>
