/** Index of the last item of `items` (sorted by `key`) whose key is below `value`, or -1: a binary search. */
export function lastBelow<Item>(items: ArrayLike<Item>, value: number, key: (item: Item) => number | undefined): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((key(items[middle]) ?? -1) < value) low = middle + 1
    else high = middle
  }
  return low - 1
}
