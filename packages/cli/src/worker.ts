// A worker thread of `lintJobs`: lints the files it is sent with its own Linter.
import {parentPort, workerData} from 'node:worker_threads'
import {BlamelintError, Linter, type LinterOptions} from 'blamelint'
import {storeMessage} from './messages.js'
import type {LintJob, WorkerReply} from './workers.js'

const port = parentPort!
const linter = new Linter((workerData as {linterOptions: LinterOptions}).linterOptions)

port.on('message', ({index, job}: {index: number; job: LintJob}) => {
  let reply: WorkerReply
  try {
    const file = linter.lint(job.text, {filePath: job.filePath, format: job.format})
    reply = {index, messages: file.messages.map(storeMessage)}
  } catch (error) {
    const {message, stack} = error as Error
    reply = {index, error: {message: message ?? String(error), stack, file: (error as BlamelintError).file, user: error instanceof BlamelintError}}
  }
  port.postMessage(reply)
})
