// Linting many files on several cores: the main thread and worker threads,
// each with its own Linter, take files from one queue (largest first, so one big
// file does not finish last). Small runs stay on the main thread alone, where
// starting workers (each loads the rules, and compromise when a sentence
// needs it) would cost more than it saves.
import {availableParallelism} from 'node:os'
import type {Worker} from 'node:worker_threads'
import {BlamelintError, type InputFormat, type Linter, type LinterOptions} from 'blamelint'
import type {StoredMessage} from './messages.js'

export interface LintJob {
  text: string
  /** Absolute path, for configuration and the format. */
  filePath: string
  format?: InputFormat
}

/** `--concurrency`: a number of threads, `auto`, or `off` (the main thread only). */
export type Concurrency = number | 'auto' | 'off'

/** What a worker answers for a job. */
export type WorkerReply = {index: number; messages: StoredMessage[]} | {index: number; error: {message: string; file?: string; stack?: string; user: boolean}}

/**
 * Text each thread should have before another one pays off: a worker starts
 * in about 0.3 s of CPU, in which the main thread lints roughly this much.
 */
const bytesPerThread = 96 * 1024

/**
 * Cores each thread of `auto` should have. One blamelint thread keeps about
 * 1.4 cores busy by itself, as V8 collects garbage and compiles code on
 * background threads: on two cores, the main thread and a worker took as
 * long as the main thread alone, with a third more CPU time and half as
 * much memory again (docs/performance.md). ESLint's `auto` also takes half the cores.
 */
const coresPerThread = 2

/** How many threads to lint `jobs` on (the main thread and `n - 1` workers); 0 = the main thread alone. */
export function threadsFor(jobs: LintJob[], concurrency: Concurrency, cores = availableParallelism()): number {
  if (concurrency === 'off' || jobs.length < 2) return 0
  const bytes = jobs.reduce((sum, job) => sum + job.text.length, 0)
  const wanted = concurrency === 'auto' ? Math.min(Math.floor(cores / coresPerThread), Math.floor(bytes / bytesPerThread)) : concurrency
  const threads = Math.min(wanted, jobs.length)
  return threads < 2 ? 0 : threads
}

/** Lint `jobs` with `linter`, helped by worker threads that build the same linter from `linterOptions` when there is enough text. */
export async function lintJobs(jobs: LintJob[], linter: Linter, linterOptions: LinterOptions, concurrency: Concurrency): Promise<StoredMessage[][]> {
  const lint = (job: LintJob): StoredMessage[] => linter.lint(job.text, {filePath: job.filePath, format: job.format}).messages
  const threads = threadsFor(jobs, concurrency)
  if (threads === 0) return jobs.map(lint)
  return lintInThreads(jobs, threads, lint, linterOptions)
}

// Tests run the CLI from its TypeScript source; the worker is always the built one.
const workerUrl = new URL(import.meta.url.endsWith('.ts') ? '../dist/worker.js' : './worker.js', import.meta.url)

/** Jobs a worker holds at once, so it has the next file while the main thread is busy linting. */
const inFlight = 2

/**
 * Lint on the main thread and `threads - 1` workers, all taking files from
 * one queue. The main thread has the rules loaded already, so it saves a
 * worker's start; it lints one file at a time and lets the workers' replies
 * in between.
 */
async function lintInThreads(jobs: LintJob[], threads: number, lint: (job: LintJob) => StoredMessage[], linterOptions: LinterOptions): Promise<StoredMessage[][]> {
  // Imported here, not at the top: loaded while the startup snapshot is built,
  // worker_threads keeps state the snapshot cannot hold (its workers' shared
  // working-directory counter), and workers started from it fail.
  const {Worker} = await import('node:worker_threads')
  const results: StoredMessage[][] = new Array(jobs.length)
  const queue = jobs.map((_, index) => index).sort((a, b) => jobs[b].text.length - jobs[a].text.length)
  const workers: Worker[] = []
  let pending = jobs.length
  let stopped = false

  return new Promise<StoredMessage[][]>((resolve, reject) => {
    const stop = (error?: Error) => {
      if (stopped) return
      stopped = true
      for (const worker of workers) void worker.terminate()
      if (error) reject(error)
      else resolve(results)
    }
    const done = (index: number, messages: StoredMessage[]) => {
      results[index] = messages
      if (--pending === 0) stop()
    }
    for (let count = 1; count < threads; count++) {
      const worker = new Worker(workerUrl, {workerData: {linterOptions}})
      let held = 0
      const feed = () => {
        for (; held < inFlight && queue.length > 0; held++) {
          const index = queue.shift()!
          worker.postMessage({index, job: jobs[index]})
        }
      }
      workers.push(worker)
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) return stop(rebuildError(reply.error))
        held--
        done(reply.index, reply.messages)
        feed()
      })
      worker.on('error', (error) => stop(error))
      worker.on('exit', (code) => {
        if (pending > 0 && code !== 0) stop(new Error(`a worker thread exited with code ${code}`))
      })
      feed()
    }
    const onMainThread = () => {
      const index = queue.shift()
      if (stopped || index === undefined) return
      try {
        done(index, lint(jobs[index]))
      } catch (error) {
        return stop(error as Error)
      }
      setImmediate(onMainThread)
    }
    setImmediate(onMainThread)
  })
}

/** The error a worker reported, as the main thread would have thrown it. */
function rebuildError(error: {message: string; file?: string; stack?: string; user: boolean}): Error {
  if (error.user) {
    const prefix = error.file ? `${error.file}: ` : ''
    return new BlamelintError(error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message, error.file)
  }
  return Object.assign(new Error(error.message), {stack: error.stack})
}
