// Messages as plain data, for what crosses a thread boundary (worker threads)
// or outlives the process (`--cache`): a VFileMessage rebuilt from it prints
// the same in every report format.
import {withoutStackTrace} from 'blamelint'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'

export interface StoredMessage {
  reason: string
  place?: VFileMessage['place']
  ruleId?: string
  source?: string
  url?: string
  fatal?: boolean | null
  actual?: string
  expected?: string[]
  note?: string
}

/** The fields of a message that its reports print (of a VFileMessage, or one stored already). */
export function storeMessage(message: StoredMessage): StoredMessage {
  const {reason, place, ruleId, source, url, fatal, actual, expected, note} = message
  return {reason, place, ruleId, source, url, fatal, actual, expected, note}
}

/** A message as the linter made it; one linted on this thread is that already. */
export function restoreMessage(stored: StoredMessage, path: string | undefined): VFileMessage {
  // A message linted on the main thread is not copied (a huge document's
  // 78,000 copies were a second set of messages to build and keep).
  if (stored instanceof VFileMessage) return stored
  const message = withoutStackTrace(() => new VFileMessage(stored.reason, {place: stored.place, ruleId: stored.ruleId, source: stored.source}))
  message.url = stored.url
  message.fatal = stored.fatal
  message.actual = stored.actual
  message.expected = stored.expected
  message.note = stored.note
  message.file = path ?? ''
  return message
}

/** A file with `messages` restored, as `Linter.lint` returns it (without its text). */
export function restoreFile(messages: StoredMessage[], path: string | undefined): VFile {
  const file = new VFile({path})
  // A loop, not push(...): spreading 100,000 messages overflows the stack.
  for (const message of messages) file.messages.push(restoreMessage(message, path))
  return file
}
