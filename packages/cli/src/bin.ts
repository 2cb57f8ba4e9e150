#!/usr/bin/env node
import {main} from './cli.js'

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: process.stdin.isTTY ? undefined : readStdin,
  isTTY: Boolean(process.stdout.isTTY)
})
process.exitCode = code
