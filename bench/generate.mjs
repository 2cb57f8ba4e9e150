// Benchmark inputs, generated reproducibly from the repository's fixtures
// (fixtures/*.md): sections of the fixture postmortems recombined, with
// numbers and ticket references varied so that sentences rarely repeat — a
// long document repeating the same few sentences would measure caches, not
// linting.
import {readFileSync, readdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url))

/** A deterministic pseudo-random sequence (a linear congruential generator). */
export function random(seed) {
  let state = seed >>> 0
  return (below) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return (state >>> 8) % below
  }
}

/** The `## ` sections of every Markdown fixture, each as its heading and its blocks. */
function fixtureSections() {
  const sections = []
  for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.md')).sort()) {
    const text = readFileSync(fixtures + name, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')
    for (const part of text.split(/^(?=## )/m)) {
      if (!part.startsWith('## ')) continue
      const [heading, ...rest] = part.trim().split('\n')
      sections.push({heading, blocks: rest.join('\n').trim().split(/\n{2,}/)})
    }
  }
  return sections
}

const sections = fixtureSections()

/** Vary a block: other numbers, and ticket references after some sentences (or all). */
function vary(block, next, everySentence) {
  if (/^\s*\|/.test(block)) return block.replace(/\d+/g, (digits) => String(next(10 ** digits.length)).padStart(digits.length, '0'))
  return block
    .replace(/\d+/g, (digits) => String(next(10 ** digits.length)).padStart(digits.length, '0'))
    .replace(/([a-z])\.(?=\s|$)/g, (match, letter) => (!everySentence && next(3) === 0 ? match : `${letter} (INC-${1000 + next(9000)}).`))
}

const countWords = (text) => text.split(/\s+/).filter((word) => /\w/.test(word)).length

/**
 * A postmortem of at least `words` words (`sections` of them at least): a
 * title, then fixture sections chosen by `seed`. `everySentence` varies
 * every sentence, for warming up on text that no cache holds the answers to.
 */
export function postmortem({words = 0, sections: minimum = 4, seed = 1, everySentence = false}) {
  const next = random(seed)
  const parts = [`# Incident review ${seed}`]
  let count = 4
  for (let index = 0; index < minimum || count < words; index++) {
    const section = sections[next(sections.length)]
    const text = [section.heading, ...section.blocks.map((block) => vary(block, next, everySentence))].join('\n\n')
    parts.push(text)
    count += countWords(text)
  }
  return `${parts.join('\n\n')}\n`
}

export {countWords}
