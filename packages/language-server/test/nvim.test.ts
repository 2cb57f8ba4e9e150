// End to end with a real editor: headless Neovim and its built-in LSP client
// (test/nvim/lsp.lua) open the fixture, apply code actions and type.
// Install Neovim with scripts/ensure-neovim.sh (CI does).
import {spawn, spawnSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {serverBin} from './client.js'

const nvim = spawnSync('nvim', ['--version'], {encoding: 'utf8'})
const missing = nvim.error || nvim.status !== 0 ? 'Neovim (nvim) is not installed: run scripts/ensure-neovim.sh to run this test' : undefined

interface Seen {
  code: string
  lnum: number
  col: number
  end_col: number
  severity: number
  source: string
  href: string | null
  text: string | null
}

interface Result {
  ok: boolean
  error: string | null
  steps: Array<{step: string; titles?: string[]; lines?: string[]; diagnostics: Seen[]}>
}

const known = new Set(['no-human-error', 'no-dramatic-language'])
/** What Neovim shows for the known rules: `code line:byte-column-byte-column text`. */
const summary = (diagnostics: Seen[]) =>
  diagnostics.filter((diagnostic) => known.has(diagnostic.code)).map((d) => `${d.code} ${d.lnum}:${d.col}-${d.end_col} ${d.text}`)

function runNeovim(file: string, out: string): Promise<number | null> {
  const child = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${fileURLToPath(new URL('nvim/lsp.lua', import.meta.url))}`], {
    cwd: join(file, '..'),
    env: {...process.env, BLAMELINT_FILE: file, BLAMELINT_OUT: out, BLAMELINT_NODE: process.execPath, BLAMELINT_SERVER: serverBin},
    stdio: 'ignore'
  })
  const timer = setTimeout(() => child.kill(), 90_000)
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
  )
}

describe('Neovim', () => {
  it('shows the diagnostics, applies code actions and follows edits', {timeout: 120_000}, async (context) => {
    if (missing) {
      console.warn(`Skipping the Neovim test: ${missing}`)
      context.skip(missing)
    }
    const directory = mkdtempSync(join(tmpdir(), 'blamelint-nvim-'))
    try {
      const file = join(directory, 'review.md')
      copyFileSync(new URL('fixtures/postmortem.md', import.meta.url), file)
      const out = join(directory, 'out.json')
      expect(await runNeovim(file, out)).toBe(0)
      const result = JSON.parse(readFileSync(out, 'utf8')) as Result
      expect(result.error).toBeNull()
      const [open, actions, edit] = result.steps

      // Neovim turns the server's UTF-16 ranges into byte columns: 🔥 is 4 bytes, 日本 6.
      expect(summary(open.diagnostics)).toEqual([
        'no-dramatic-language 4:47-55 meltdown',
        'no-human-error 5:19-30 human error',
        'no-human-error 11:30-41 human error',
        'no-dramatic-language 15:21-32 catastrophe'
      ])
      expect(open.diagnostics.find((diagnostic) => diagnostic.code === 'no-human-error')).toMatchObject({
        severity: 1,
        source: 'blamelint',
        href: expect.stringMatching(/docs\/rules\/no-human-error\.md$/)
      })

      expect(actions.titles).toEqual(['Replace “human error” with “a missing safeguard”', 'Disable no-human-error for this line'])
      expect(actions.lines![5]).toBe('The root cause was human error. <!-- blamelint-disable-line no-human-error -->')
      expect(actions.lines![11]).toBe('| 10:02 | 🚒 Paging failed: a missing safeguard.  |')
      expect(summary(actions.diagnostics)).toEqual(['no-dramatic-language 4:47-55 meltdown', 'no-dramatic-language 15:21-32 catastrophe'])

      expect(summary(edit.diagnostics)).toEqual([
        'no-dramatic-language 4:47-55 meltdown',
        'no-dramatic-language 15:21-32 catastrophe',
        'no-dramatic-language 18:31-39 disaster'
      ])
    } finally {
      rmSync(directory, {recursive: true, force: true})
    }
  })
})
