import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
// @ts-expect-error -- a plain ES module script without types.
import {renderAll} from '../scripts/docs.mjs'

// Rule pages are generated from each rule's meta, prose and test cases; this
// keeps the committed pages from drifting from the behaviour.
describe('generated documentation', () => {
  const pages = Object.entries(renderAll() as Record<string, string>)
  for (const [path, content] of pages) {
    it(`${path} is up to date (pnpm run docs)`, () => {
      const url = new URL(`../${path}`, import.meta.url)
      expect(existsSync(url), `${path} is missing`).toBe(true)
      expect(readFileSync(url, 'utf8')).toBe(content)
    })
  }
})
