#!/usr/bin/env node
// Entry point that action.yml runs: `node packages/cli/dist/github-action.js`.
import {runAction} from './action.js'

process.exitCode = await runAction(process.env, {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: false
})
