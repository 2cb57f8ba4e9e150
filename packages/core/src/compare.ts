// Text comparison for sorting messages.

/** Lower-case words and hyphens (rule ids): ordered the same by `localeCompare` and by code unit. */
const plainWord = /^[a-z-]*$/

/**
 * `a.localeCompare(b)`, without calling it where it cannot change the
 * order: its first call in a process sets up ICU's collator (~9 ms, about a
 * twentieth of a cold run), and a startup snapshot cannot hold one.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0
  if (plainWord.test(a) && plainWord.test(b)) return a < b ? -1 : 1
  return a.localeCompare(b)
}
