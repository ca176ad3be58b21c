/**
 * The largest and smallest of many numbers. `Math.max(...list)` passes every element as an
 * argument and overflows the stack past about 100,000 of them (a report of that many findings,
 * a sheet plan of that many cells): these loop instead.
 */

/** The largest of `values` and `start` (-Infinity by default). */
export function maxOf(values: Iterable<number>, start = -Infinity): number {
  let m = start;
  for (const v of values) if (v > m) m = v;
  return m;
}

/** The smallest of `values` and `start` (Infinity by default). */
export function minOf(values: Iterable<number>, start = Infinity): number {
  let m = start;
  for (const v of values) if (v < m) m = v;
  return m;
}
