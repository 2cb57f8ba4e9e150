// How far V8 lets the heap grow on a huge input. Between full collections V8
// lets the heap grow to four times the data still alive after the last one
// (on machines where its heap limit is 2 GB or more). Most of what a huge run
// keeps alive is the messages kept for the report, so memory grows with the
// input: a 10 MB document keeps ~100 MB alive and peaked near 600 MB. Past
// `largeInput` characters, blamelint asks V8 for twice instead, which lowers
// that peak by about 40 % for 5–10 % more time; below it, where the heap
// stays small, the time matters more (see docs/performance.md). Set while
// running, not on the command line, because the startup snapshot only starts
// with the V8 flags it was built with.
import {setFlagsFromString} from 'node:v8'

/** Characters of input past which the heap grows by twice its live data, not four times. */
export const largeInput = 4_000_000

let limited = false

/**
 * Before linting `characters` of input in this process. A growth the user
 * chose (`node --heap-growing-percent=… bin.js`, which starts the command
 * without the snapshot; Node.js refuses the flag in NODE_OPTIONS) is kept.
 * The flag holds for the whole process and its worker threads.
 */
export function limitHeapGrowth(characters: number, nodeOptions: readonly string[] = process.execArgv): void {
  if (limited || characters < largeInput || nodeOptions.some((option) => /^--heap[-_]growing[-_]percent/.test(option))) return
  limited = true
  setFlagsFromString('--heap-growing-percent=100')
}
