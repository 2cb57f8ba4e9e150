// Preloaded into every timed process (NODE_OPTIONS=--require): on exit, adds
// a line with the process's resource usage (CPU time, peak memory of all its
// threads) to the file BENCH_RUSAGE names. All three linters are Node
// programs, so they are measured the same way without GNU time. A tool that
// runs in a child process (blamelint starting its snapshot) writes one line
// per process, and the benchmark adds them up.
const {appendFileSync} = require('node:fs')

const target = process.env.BENCH_RUSAGE
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    appendFileSync(target, `${JSON.stringify({cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024})}\n`)
  })
}
