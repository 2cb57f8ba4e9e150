// The `blamelint` process: the command wired to this process's arguments,
// streams and exit code. Started by bin.ts, or by the startup snapshot's main
// function (snapshot-entry.ts).
import {main} from './cli.js'
import {limitHeapGrowth} from './heap.js'

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Run the command on `argv` (the arguments after the script) and set the exit code. */
export async function runProcess(argv: string[]): Promise<void> {
  process.exitCode = await main(argv, {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: process.stdin.isTTY ? undefined : readStdin,
    isTTY: Boolean(process.stdout.isTTY),
    beforeLint: limitHeapGrowth
  })
}
