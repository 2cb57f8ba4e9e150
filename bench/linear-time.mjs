// Linear time on pathological input (test/pathological.mjs): each case is
// linted with every rule at two sizes, eight times apart, in-process. Linear
// work takes about 8 times as long at the larger size (up to 20 times with
// garbage collection and a busy machine), quadratic work 64 times. Times are
// the best of a few runs, each with its own salt so that no cache serves a
// run from an earlier one, and a case over the bound gets a second look.
// Prints a line per case over half its bound and a summary; the last line is
// JSON: {cases, slow: [...], worst} where `worst` is the largest
// time / (20 × small + 30 ms).
//
//   node linear-time.mjs
import {Linter} from '../packages/blamelint/dist/index.js'
import {cases, formats} from '../test/pathological.mjs'

const linter = new Linter({config: {preset: 'all'}})
// Load what loads lazily (compromise, the rules' data) before timing.
linter.lint('Dylan said it was a total mess, human error.\n\n## Action items\n\n- Fix it', {format: 'markdown'})

/** Milliseconds to lint `make(size)`: the best of `runs` runs. */
function time(make, size, format, runs) {
  let best = Infinity
  for (let run = 0; run < runs; run++) {
    const text = make(size, `salt${Math.random().toString(36).slice(2, 8)}`)
    const start = performance.now()
    linter.lint(text, {format})
    best = Math.min(best, performance.now() - start)
  }
  return best
}

const bound = (small) => 20 * small + 30
let count = 0
let worst = 0
const slow = []
for (const [name, {make, size, formats: only, runs = 3}] of Object.entries(cases)) {
  for (const format of only ?? formats) {
    let small = time(make, size, format, runs)
    let large = time(make, size * 8, format, runs)
    if (large > bound(small)) {
      small = Math.min(small, time(make, size, format, runs))
      large = Math.min(large, time(make, size * 8, format, runs))
    }
    const share = large / bound(small)
    count++
    worst = Math.max(worst, share)
    if (share > 0.5) console.log(`  ${`${name} (${format})`.padEnd(50)} ${small.toFixed(1).padStart(8)} ms → ${large.toFixed(1).padStart(8)} ms at 8×${share > 1 ? '  OVER' : ''}`)
    if (share > 1) slow.push(`${name} (${format})`)
  }
}
console.log(`  ${count} cases, ${slow.length} over the bound (8 times the size in at most 20 times the time, plus 30 ms)`)
console.log(JSON.stringify({cases: count, slow, worst}))
