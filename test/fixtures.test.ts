import {spawnSync} from 'node:child_process'
import {readdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

// Whole postmortems in fixtures/ and the CLI's findings on each, one line per
// message, kept in fixtures/expected/. Review a diff there like a code change:
// regenerate with `pnpm exec vitest run test/fixtures.test.ts -u`.
const root = fileURLToPath(new URL('..', import.meta.url))
const fixtures = readdirSync(new URL('../fixtures/', import.meta.url)).filter((name) => /\.(md|html|txt)$/.test(name))

interface JsonMessage {
  ruleId: string
  severity: string
  line: number
  column: number
  endLine: number
  endColumn: number
  actual: string | null
}

describe('whole-document fixtures', () => {
  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3)
  })

  for (const name of fixtures) {
    it(`fixtures/${name}`, async () => {
      const result = spawnSync(process.execPath, ['packages/cli/dist/bin.js', '--format', 'json', `fixtures/${name}`], {cwd: root, encoding: 'utf8'})
      expect(result.stderr).toBe('')
      const [file] = JSON.parse(result.stdout) as Array<{messages: JsonMessage[]}>
      const lines = file.messages.map(
        (message) => `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.severity} ${message.ruleId} ${JSON.stringify(message.actual)}`
      )
      const hasErrors = file.messages.some((message) => message.severity === 'error')
      expect(result.status).toBe(hasErrors ? 1 : 0)
      await expect(lines.join('\n') + '\n').toMatchFileSnapshot(`../fixtures/expected/${name}.txt`)
    })
  }
})
