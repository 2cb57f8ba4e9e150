import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {Formatter} from './types.js'

/** Human-readable output (vfile-reporter, as in remark-lint and alex); clean files are not listed. */
export const stylish: Formatter = (results, context) => {
  const files = results.map(({path, file}) => {
    // A fresh file so the report shows the path as the user gave it.
    const shown = new VFile({path})
    shown.messages = file.messages
    return shown
  })
  const report = reporter(files, {color: context.color, quiet: true})
  return report ? `${report}\n` : ''
}
