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
    limitHeapGrowth(largeInput, ['--require x.cjs --heap_growing_percent=50'])
    expect(setFlagsFromString).not.toHaveBeenCalled()
  })
})
