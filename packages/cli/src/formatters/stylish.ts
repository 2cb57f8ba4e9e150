import {reporter} from 'vfile-reporter'
import type {Formatter} from './types.js'

/** Human-readable output (vfile-reporter, as in remark-lint and alex). */
export const stylish: Formatter = (results, context) => {
  const report = reporter(
    results.map((result) => {
      result.file.path = result.path
      return result.file
    }),
    {color: context.color}
  )
  return report ? `${report}\n` : ''
}
