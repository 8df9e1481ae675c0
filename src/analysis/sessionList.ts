import { STRING_FIELDS } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
import { largestFirst } from '../lib/largestFirst';
import { codeMarks } from '../search/codeMarks';
import { scanOrder } from '../search/scanOrder';
import { sessionIssuer } from './sessionIssuer';
import type { SessionList, SessionSort, SessionSummary, ValueCount } from './sessionTypes';

const KEY = STRING_FIELDS.indexOf('accessKeyId');
const ERROR = STRING_FIELDS.indexOf('errorCode');
const IP = STRING_FIELDS.indexOf('sourceIPAddress');
const REGION = STRING_FIELDS.indexOf('awsRegion');
/** How many source IPs each session names (the rest are counted). */
const TOP_IPS = 3;

/**
 * The sessions (temporary access keys, ASIA…; sessionTypes.ts) among `rows` (all rows when
 * undefined): start, end, duration, identity, issuer, event and error counts, distinct IPs and
 * Regions. Index only, no record read: one pass over the accessKeyId column (in storage order
 * when `rows` is every row, see scanOrder) tallies each key code's events, errors and time bounds
 * in typed arrays; the slots are cut to `limit` by `sort` (descending, ties by key; a quickselect,
 * then a sort of those kept); a counting sort places the kept sessions' rows (every session's
 * when sorting by IPs or Regions) and one pass per session counts its IPs and Regions. Only the
 * sessions kept are built.
 */
export function sessionList(
  index: EventIndex,
  rows: Uint32Array | undefined,
  sort: SessionSort = 'start',
  limit = 1000,
): SessionList {
  const started = performance.now();
  const keys = index.cols[KEY]?.data ?? new Uint32Array(0);
  const errors = index.cols[ERROR]?.data ?? new Uint32Array(0);
  const times = index.time.data;
  const keyDict = index.dicts[KEY];
  const noError = index.dicts[ERROR]?.find('') ?? -1;
  const n = rows === undefined ? index.size : rows.length;
  const temporary =
    keyDict === undefined ? new Uint8Array(0) : codeMarks(keyDict, 'temporary', isTemporaryKey);
  // Slot of each key code: -2 not looked at yet, -1 not a temporary key.
  const slotOf = new Int32Array(keyDict?.size ?? 0).fill(-2);
  const t = new SlotTally();
  // Every row, in any order, is read front to back: the tallies do not depend on the order.
  const scan = rows === undefined ? undefined : scanOrder(index.size, rows);
  let sessionEvents = 0;
  for (let i = 0; i < n; i++) {
    const row = scan === undefined ? i : (scan[i] ?? 0);
    const code = keys[row] ?? 0;
    let slot = slotOf[code] ?? -1;
    if (slot === -2) {
      slot = temporary[code] === 1 ? t.add(code, row, times[row] ?? 0) : -1;
      slotOf[code] = slot;
    }
    if (slot < 0) continue;
    sessionEvents++;
    t.count[slot] = (t.count[slot] ?? 0) + 1;
    if (errors[row] !== noError) t.errors[slot] = (t.errors[slot] ?? 0) + 1;
    const at = times[row] ?? 0;
    // Ties: the lowest row first, the highest last, as in time order (ties by row).
    if (at < (t.firstAt[slot] ?? 0) || (at === t.firstAt[slot] && row < (t.firstRow[slot] ?? 0))) {
      t.firstAt[slot] = at;
      t.firstRow[slot] = row;
    }
    if (at > (t.lastAt[slot] ?? 0) || (at === t.lastAt[slot] && row > (t.lastRow[slot] ?? 0))) {
      t.lastAt[slot] = at;
      t.lastRow[slot] = row;
    }
  }
  const slots = t.size;
  const spread = new ValueSpread(index);
  const bySpread = sort === 'ips' || sort === 'regions';
  // Each slot's rows are placed together only when the order needs every slot's spread; else
  // only the kept slots' rows, once they are known.
  let grouped = bySpread ? groupRows(scan, n, keys, slotOf, t.count, slots, undefined) : undefined;
  // Order the slots on numbers first; only the `limit` kept become objects (a million events can
  // hold hundreds of thousands of sessions, and the page shows the first few hundred).
  const figure = figureOf(sort, {
    start: (slot) => t.firstAt[slot] ?? 0,
    duration: (slot) => (t.lastAt[slot] ?? 0) - (t.firstAt[slot] ?? 0),
    events: (slot) => t.count[slot] ?? 0,
    errors: (slot) => t.errors[slot] ?? 0,
    spread: (slot) =>
      grouped === undefined
        ? { ips: 0, regions: 0 }
        : spread.distinct(grouped.rows, grouped.starts[slot] ?? 0, t.count[slot] ?? 0),
  });
  const figures = new Float64Array(slots);
  for (let slot = 0; slot < slots; slot++) figures[slot] = figure(slot);
  const keyOf = (slot: number) => keyDict?.get(t.codes[slot] ?? 0) ?? '';
  const order = largestFirst(
    Array.from(figures.keys()),
    limit,
    (slot) => figures[slot] ?? 0,
    (a, b) => {
      const ka = keyOf(a);
      const kb = keyOf(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    },
  );
  if (grouped === undefined) {
    const kept = new Uint8Array(slots);
    for (const slot of order) kept[slot] = 1;
    grouped = groupRows(scan, n, keys, slotOf, t.count, slots, kept);
  }
  const { rows: slotRows, starts } = grouped;
  const sessions: SessionSummary[] = order.map((slot) => {
    const { ips, topIps, regions } = spread.of(slotRows, starts[slot] ?? 0, t.count[slot] ?? 0);
    const row = t.firstRow[slot] ?? 0;
    const start = t.firstAt[slot] ?? 0;
    const end = t.lastAt[slot] ?? 0;
    const key = keyOf(slot);
    const issuer = sessionIssuer(index, key);
    return {
      key,
      start,
      end,
      durationMs: end - start,
      arn: index.value('arn', row),
      userName: index.value('userName', row),
      identityType: index.value('identityType', row),
      account: index.value('recipientAccountId', row),
      events: t.count[slot] ?? 0,
      errors: t.errors[slot] ?? 0,
      ips,
      topIps,
      regions,
      ...(issuer === undefined ? {} : { issuer }),
    };
  });
  return {
    sessions,
    total: slots,
    sessionEvents,
    rows: n,
    elapsedMs: performance.now() - started,
  };
}

/**
 * The session rows placed slot after slot (a counting sort), each slot's rows in scan order; with
 * `kept`, only the rows of the slots marked 1 (the others get no room).
 */
function groupRows(
  scan: Uint32Array | undefined,
  n: number,
  keys: ArrayLike<number>,
  slotOf: Int32Array,
  count: Uint32Array,
  slots: number,
  kept: Uint8Array | undefined,
): { rows: Uint32Array; starts: Uint32Array } {
  const starts = new Uint32Array(slots);
  const next = new Uint32Array(slots);
  let at = 0;
  for (let slot = 0; slot < slots; slot++) {
    starts[slot] = at;
    next[slot] = at;
    if (kept === undefined || kept[slot] === 1) at += count[slot] ?? 0;
  }
  const out = new Uint32Array(at);
  for (let i = 0; i < n; i++) {
    const row = scan === undefined ? i : (scan[i] ?? 0);
    const slot = slotOf[keys[row] ?? 0] ?? -1;
    if (slot < 0 || (kept !== undefined && kept[slot] !== 1)) continue;
    const to = next[slot] ?? 0;
    out[to] = row;
    next[slot] = to + 1;
  }
  return { rows: out, starts };
}

/** Per session slot, in typed arrays grown by doubling: its key code, counts and time bounds. */
class SlotTally {
  size = 0;
  codes = new Uint32Array(1024);
  count = new Uint32Array(1024);
  errors = new Uint32Array(1024);
  firstRow = new Uint32Array(1024);
  lastRow = new Uint32Array(1024);
  firstAt = new Float64Array(1024);
  lastAt = new Float64Array(1024);

  /** A new slot for key `code`, first met at `row` (time `at`); returns the slot. */
  add(code: number, row: number, at: number): number {
    if (this.size === this.codes.length) this.grow();
    const slot = this.size++;
    this.codes[slot] = code;
    this.firstRow[slot] = row;
    this.lastRow[slot] = row;
    this.firstAt[slot] = at;
    this.lastAt[slot] = at;
    return slot;
  }

  private grow(): void {
    const n = this.codes.length * 2;
    const u32 = (a: Uint32Array) => {
      const b = new Uint32Array(n);
      b.set(a);
      return b;
    };
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.codes = u32(this.codes);
    this.count = u32(this.count);
    this.errors = u32(this.errors);
    this.firstRow = u32(this.firstRow);
    this.lastRow = u32(this.lastRow);
    this.firstAt = f64(this.firstAt);
    this.lastAt = f64(this.lastAt);
  }
}

/** Distinct source IPs and Regions of a run of rows, with per-code counters reused across runs. */
class ValueSpread {
  private readonly ipCol: ArrayLike<number>;
  private readonly regionCol: ArrayLike<number>;
  private readonly ipCount: Uint32Array;
  private readonly regionCount: Uint32Array;
  private readonly index: EventIndex;

  constructor(index: EventIndex) {
    this.index = index;
    this.ipCol = index.cols[IP]?.data ?? new Uint32Array(0);
    this.regionCol = index.cols[REGION]?.data ?? new Uint32Array(0);
    this.ipCount = new Uint32Array(index.dicts[IP]?.size ?? 0);
    this.regionCount = new Uint32Array(index.dicts[REGION]?.size ?? 0);
  }

  /** Distinct IPs and Regions of a run of rows, with their most frequent values. */
  of(rows: Uint32Array, from: number, length: number) {
    const { ips, regions } = this.tally(rows, from, length);
    const topIps = this.take(ips, this.ipCount, 'sourceIPAddress', TOP_IPS);
    const regionCounts = this.take(regions, this.regionCount, 'awsRegion', regions.length);
    return { ips: ips.length, topIps, regions: regionCounts };
  }

  /** Counts each IP and Region code of the rows; returns the codes seen. */
  private tally(rows: Uint32Array, from: number, length: number) {
    const ips: number[] = [];
    const regions: number[] = [];
    for (let i = from; i < from + length; i++) {
      const row = rows[i] ?? 0;
      const ip = this.ipCol[row] ?? 0;
      const ipSeen = this.ipCount[ip] ?? 0;
      this.ipCount[ip] = ipSeen + 1;
      if (ipSeen === 0) ips.push(ip);
      const region = this.regionCol[row] ?? 0;
      const regionSeen = this.regionCount[region] ?? 0;
      this.regionCount[region] = regionSeen + 1;
      if (regionSeen === 0) regions.push(region);
    }
    return { ips, regions };
  }

  /** How many distinct source IPs and Regions a run of rows holds (counters left at zero). */
  distinct(rows: Uint32Array, from: number, length: number): { ips: number; regions: number } {
    const { ips, regions } = this.tally(rows, from, length);
    for (const code of ips) this.ipCount[code] = 0;
    for (const code of regions) this.regionCount[code] = 0;
    return { ips: ips.length, regions: regions.length };
  }

  /** The `limit` most frequent of `codes`, and resets their counters for the next session. */
  private take(
    codes: number[],
    counts: Uint32Array,
    field: 'sourceIPAddress' | 'awsRegion',
    limit: number,
  ): ValueCount[] {
    const dict = this.index.dicts[field === 'sourceIPAddress' ? IP : REGION];
    const top = codes
      .map((code) => ({ code, events: counts[code] ?? 0 }))
      .sort((a, b) => (b.events !== a.events ? b.events - a.events : a.code - b.code))
      .slice(0, limit)
      .map(({ code, events }) => ({ value: dict?.get(code) ?? '', events }));
    for (const code of codes) counts[code] = 0;
    return top;
  }
}

/** The number a slot is ordered by (descending) for `sort`. */
function figureOf(
  sort: SessionSort,
  by: Readonly<Record<'start' | 'duration' | 'events' | 'errors', (slot: number) => number>> & {
    readonly spread: (slot: number) => { ips: number; regions: number };
  },
): (slot: number) => number {
  switch (sort) {
    case 'start':
    case 'duration':
    case 'events':
    case 'errors':
      return by[sort];
    case 'ips':
      return (slot) => by.spread(slot).ips;
    case 'regions':
      return (slot) => by.spread(slot).regions;
  }
}

/**
 * A temporary (STS) access key: ASIA…
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
 */
const isTemporaryKey = (key: string) => key.startsWith('ASIA');
