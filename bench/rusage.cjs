// Preloaded into every timed process (NODE_OPTIONS=--require): on exit, writes
// the process's resource usage (CPU time, peak memory of all its threads) to
// the file BENCH_RUSAGE names. All three linters are Node programs, so they
// are measured the same way without GNU time.
const {writeFileSync} = require('node:fs')

const target = process.env.BENCH_RUSAGE
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    writeFileSync(target, JSON.stringify({cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024}))
  })
}
