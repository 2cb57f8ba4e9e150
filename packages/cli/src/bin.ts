#!/usr/bin/env node
// The `blamelint` command. When the build made a current startup snapshot
// (see snapshot.ts), run it in a child Node.js: that costs one bare Node start
// (~50 ms) and saves loading the modules (~0.4 s). Otherwise run here.
import {spawn} from 'node:child_process'
import {snapshotArguments, snapshotToStart} from './snapshot.js'

async function runHere(): Promise<void> {
  const {runProcess} = await import('./process.js')
  await runProcess(process.argv.slice(2))
}

const blob = snapshotToStart()
if (blob) {
  const child = spawn(process.execPath, snapshotArguments(blob, process.argv.slice(2)), {stdio: 'inherit'})
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
  const forward = (signal: NodeJS.Signals) => child.kill(signal)
  const stopForwarding = () => {
    for (const signal of signals) process.off(signal, forward)
  }
  for (const signal of signals) process.on(signal, forward)
  child.on('exit', (code, signal) => {
    stopForwarding()
    // End the way the child ended, so that a shell sees the same status.
    if (signal) process.kill(process.pid, signal)
    else process.exitCode = code ?? 2
  })
  child.on('error', () => {
    // A child that started (and failed to take a signal, say) still ends with 'exit'.
    if (child.pid !== undefined) return
    // Node.js could not be started again (out of processes, say): run here, where Ctrl-C ends this process again.
    stopForwarding()
    void runHere()
  })
} else {
  await runHere()
}
