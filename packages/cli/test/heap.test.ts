import {beforeEach, describe, expect, it, vi} from 'vitest'

const setFlagsFromString = vi.fn()
vi.mock('node:v8', () => ({setFlagsFromString}))

describe('limitHeapGrowth', () => {
  beforeEach(() => {
    vi.resetModules()
    setFlagsFromString.mockClear()
  })

  it('leaves V8 alone below the large-input size', async () => {
    const {largeInput, limitHeapGrowth} = await import('../src/heap.js')
    limitHeapGrowth(0, [])
    limitHeapGrowth(largeInput - 1, [])
    expect(setFlagsFromString).not.toHaveBeenCalled()
  })

  it('asks V8 to grow the heap by its live data, once, from the large-input size', async () => {
    const {largeInput, limitHeapGrowth} = await import('../src/heap.js')
    limitHeapGrowth(largeInput, [])
    limitHeapGrowth(largeInput * 3, [])
    expect(setFlagsFromString.mock.calls).toEqual([['--heap-growing-percent=100']])
  })

  it('keeps the growth the user chose', async () => {
    const {largeInput, limitHeapGrowth} = await import('../src/heap.js')
    limitHeapGrowth(largeInput, ['--heap-growing-percent=300'])
    limitHeapGrowth(largeInput, ['--stack-size=2000', '--heap_growing_percent=50'])
    expect(setFlagsFromString).not.toHaveBeenCalled()
  })
})

describe('the command', () => {
  it('tells the process how much text it is about to lint, from files or standard input', async () => {
    const {main} = await import('../src/cli.js')
    const {project} = await import('./run.js')
    const cwd = project({'a.md': 'The deploy failed.\n', 'b.md': 'We rolled back at 10:05.\n'})
    const told: number[] = []
    const io = {cwd, stdout: () => {}, stderr: () => {}, isTTY: false, beforeLint: (characters: number) => void told.push(characters)}
    await main(['a.md', 'b.md'], io)
    await main(['-'], {...io, readStdin: async () => new TextEncoder().encode('The pager went off.')})
    expect(told).toEqual([19 + 25, 19])
  })
})
