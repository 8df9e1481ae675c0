import type { CountLevel } from './countLevels';
import type { CountGroup, CountOrder, CountParent } from './countByTypes';
import { COUNT_ROW_LIMIT } from './countByTypes';

/** The groups of a count, sorted and cut, and how many there were in all. */
export interface Grouped {
  readonly groups: CountParent[];
  readonly total: number;
  readonly totalPairs: number;
}

/**
 * Groups the positions of a result by `first`, and each group by `second`: the events, first and
 * last time (ms) of each group and of each (first, second) pair, and each group's number of
 * distinct non-empty second values. `time[i]` is position i's event time. With `pairs` false only
 * the distinct counts of `second` are kept (one field grouped). Typed arrays only: a counting pass
 * over the first ids, a pass placing positions in buckets by first id, then one pass over the
 * buckets that meets each (first, second) pair in turn (a stamp per second id, no hash map).
 */
export function groupLevels(
  first: CountLevel,
  second: CountLevel,
  time: Float64Array,
  order: CountOrder,
  pairs: boolean,
): Grouped {
  const n = time.length;
  const count = new Uint32Array(first.size);
  const min = new Float64Array(first.size).fill(Infinity);
  const max = new Float64Array(first.size).fill(-Infinity);
  const visit = (i: number, fn: (id: number) => void) => {
    if (first.one !== undefined) fn(first.one[i] ?? 0);
    else
      for (let k = first.starts?.[i] ?? 0; k < (first.ends?.[i] ?? 0); k++) fn(first.ids?.[k] ?? 0);
  };
  for (let i = 0; i < n; i++) {
    const t = time[i] ?? 0;
    visit(i, (id) => {
      count[id] = (count[id] ?? 0) + 1;
      if (t < (min[id] ?? 0)) min[id] = t;
      if (t > (max[id] ?? 0)) max[id] = t;
    });
  }
  const bucketAt = new Uint32Array(first.size + 1);
  for (let id = 0; id < first.size; id++) bucketAt[id + 1] = (bucketAt[id] ?? 0) + (count[id] ?? 0);
  const fill = bucketAt.slice(0, first.size);
  const bucket = new Uint32Array(bucketAt[first.size] ?? 0);
  for (let i = 0; i < n; i++) {
    visit(i, (id) => {
      bucket[fill[id] ?? 0] = i;
      fill[id] = (fill[id] ?? 0) + 1;
    });
  }
  const pairList = new PairList();
  const pairStart = new Uint32Array(first.size + 1);
  const distinct = new Uint32Array(first.size);
  const stamp = new Uint32Array(second.size);
  const slot = new Uint32Array(second.size);
  for (let id1 = 0; id1 < first.size; id1++) {
    pairStart[id1] = pairList.length;
    const end = bucketAt[id1 + 1] ?? 0;
    for (let b = bucketAt[id1] ?? 0; b < end; b++) {
      const i = bucket[b] ?? 0;
      const t = time[i] ?? 0;
      const one = second.one;
      if (one !== undefined) pairList.add(id1, one[i] ?? 0, t, stamp, slot);
      else {
        const ids = second.ids ?? new Uint32Array(0);
        const stop = second.ends?.[i] ?? 0;
        for (let k = second.starts?.[i] ?? 0; k < stop; k++) {
          pairList.add(id1, ids[k] ?? 0, t, stamp, slot);
        }
      }
    }
    let d = 0;
    for (let p = pairStart[id1] ?? 0; p < pairList.length; p++) if (pairList.b[p] !== 0) d++;
    distinct[id1] = d;
  }
  pairStart[first.size] = pairList.length;

  const ids: number[] = [];
  for (let id = 0; id < first.size; id++) if ((count[id] ?? 0) > 0) ids.push(id);
  const groupOf = (id: number): CountGroup => ({
    keys: [first.value(id)],
    events: count[id] ?? 0,
    distinct: distinct[id] ?? 0,
    firstSeen: min[id] ?? 0,
    lastSeen: max[id] ?? 0,
  });
  ids.sort(comparer(order, (id) => groupOf(id)));
  const limit = order.limit ?? COUNT_ROW_LIMIT;
  const groups: CountParent[] = [];
  let budget = limit;
  for (const id of ids) {
    if (budget <= 0) break;
    budget--;
    const group = groupOf(id);
    if (!pairs) {
      groups.push(group);
      continue;
    }
    const from = pairStart[id] ?? 0;
    const to = pairStart[id + 1] ?? 0;
    const pairGroup = (p: number): CountGroup => ({
      keys: [group.keys[0] ?? '', second.value(pairList.b[p] ?? 0)],
      events: pairList.count[p] ?? 0,
      firstSeen: pairList.min[p] ?? 0,
      lastSeen: pairList.max[p] ?? 0,
    });
    const all = Array.from({ length: to - from }, (_, k) => from + k);
    all.sort(comparer(order, pairGroup));
    const shown = all.slice(0, budget).map(pairGroup);
    budget -= shown.length;
    groups.push({ ...group, pairs: shown, pairCount: to - from });
  }
  return { groups, total: ids.length, totalPairs: pairList.length };
}

/** The order of CountOrder over ids, ties by events (most first), then by value. */
function comparer(
  order: CountOrder,
  of: (id: number) => CountGroup,
): (a: number, b: number) => number {
  const sign = order.dir === 'asc' ? 1 : -1;
  const memo = new Map<number, CountGroup>();
  const get = (id: number) => {
    let g = memo.get(id);
    if (g === undefined) {
      g = of(id);
      memo.set(id, g);
    }
    return g;
  };
  const text = (g: CountGroup) => g.keys[g.keys.length - 1] ?? '';
  const byText = (x: CountGroup, y: CountGroup) => {
    const a = text(x).toLowerCase();
    const b = text(y).toLowerCase();
    return a < b ? -1 : a > b ? 1 : 0;
  };
  return (a, b) => {
    const x = get(a);
    const y = get(b);
    const c =
      order.sort === 'count'
        ? x.events - y.events
        : order.sort === 'key'
          ? byText(x, y)
          : order.sort === 'first'
            ? x.firstSeen - y.firstSeen
            : x.lastSeen - y.lastSeen;
    if (c !== 0) return sign * c;
    return y.events !== x.events ? y.events - x.events : byText(x, y);
  };
}

/** (first, second) pairs met so far, in typed arrays that double as they fill. */
class PairList {
  length = 0;
  b = new Uint32Array(1024);
  count = new Uint32Array(1024);
  min = new Float64Array(1024);
  max = new Float64Array(1024);

  /** Counts position time `t` under pair (id1, id2); `stamp`/`slot` find id2's pair under id1. */
  add(id1: number, id2: number, t: number, stamp: Uint32Array, slot: Uint32Array): void {
    let p: number;
    if (stamp[id2] === id1 + 1) p = slot[id2] ?? 0;
    else {
      p = this.length++;
      if (p === this.b.length) this.grow();
      stamp[id2] = id1 + 1;
      slot[id2] = p;
      this.b[p] = id2;
      this.min[p] = t;
      this.max[p] = t;
    }
    this.count[p] = (this.count[p] ?? 0) + 1;
    if (t < (this.min[p] ?? 0)) this.min[p] = t;
    if (t > (this.max[p] ?? 0)) this.max[p] = t;
  }

  private grow(): void {
    const size = this.b.length * 2;
    const b = new Uint32Array(size);
    b.set(this.b);
    this.b = b;
    const count = new Uint32Array(size);
    count.set(this.count);
    this.count = count;
    const min = new Float64Array(size);
    min.set(this.min);
    this.min = min;
    const max = new Float64Array(size);
    max.set(this.max);
    this.max = max;
  }
}
