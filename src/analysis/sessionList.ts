import { STRING_FIELDS } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
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
 * Regions. Index only, no record read: one pass over the accessKeyId column groups the rows by key
 * code (a counting sort), then one pass per session over its own rows counts IPs and Regions with
 * counters. Sorted by `sort` (descending, ties by key), cut to `limit`; only those kept are built.
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
  // Slot of each key code: -2 not looked at yet, -1 not a temporary key.
  const slotOf = new Int32Array(keyDict?.size ?? 0).fill(-2);
  const codes: number[] = [];
  const count: number[] = [];
  const errs: number[] = [];
  const first: number[] = [];
  const last: number[] = [];
  let sessionEvents = 0;
  for (let i = 0; i < n; i++) {
    const row = rows === undefined ? i : (rows[i] ?? 0);
    const code = keys[row] ?? 0;
    let slot = slotOf[code] ?? -1;
    if (slot === -2) {
      slot = keyDict?.get(code).startsWith('ASIA') === true ? codes.length : -1;
      slotOf[code] = slot;
      if (slot >= 0) {
        codes.push(code);
        count.push(0);
        errs.push(0);
        first.push(row);
        last.push(row);
      }
    }
    if (slot < 0) continue;
    sessionEvents++;
    count[slot] = (count[slot] ?? 0) + 1;
    if (errors[row] !== noError) errs[slot] = (errs[slot] ?? 0) + 1;
    const t = times[row] ?? 0;
    if (t < (times[first[slot] ?? 0] ?? 0)) first[slot] = row;
    if (t >= (times[last[slot] ?? 0] ?? 0)) last[slot] = row;
  }
  const grouped = groupRows(rows, n, keys, slotOf, count, sessionEvents);
  const spread = new ValueSpread(index);
  // Order the slots on numbers first; only the `limit` kept become objects (a million events can
  // hold hundreds of thousands of sessions, and the page shows the first few hundred).
  const figure = figureOf(sort, {
    start: (slot) => times[first[slot] ?? 0] ?? 0,
    duration: (slot) => (times[last[slot] ?? 0] ?? 0) - (times[first[slot] ?? 0] ?? 0),
    events: (slot) => count[slot] ?? 0,
    errors: (slot) => errs[slot] ?? 0,
    spread: (slot) => spread.distinct(grouped.rows, grouped.starts[slot] ?? 0, count[slot] ?? 0),
  });
  const figures = codes.map((_, slot) => figure(slot));
  const keyOf = (slot: number) => keyDict?.get(codes[slot] ?? 0) ?? '';
  const order = codes.map((_, slot) => slot);
  order.sort((a, b) => {
    const d = (figures[b] ?? 0) - (figures[a] ?? 0);
    if (d !== 0) return d;
    const ka = keyOf(a);
    const kb = keyOf(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const sessions: SessionSummary[] = order.slice(0, limit).map((slot) => {
    const { ips, topIps, regions } = spread.of(
      grouped.rows,
      grouped.starts[slot] ?? 0,
      count[slot] ?? 0,
    );
    const row = first[slot] ?? 0;
    const start = times[row] ?? 0;
    const end = times[last[slot] ?? 0] ?? 0;
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
      events: count[slot] ?? 0,
      errors: errs[slot] ?? 0,
      ips,
      topIps,
      regions,
      ...(issuer === undefined ? {} : { issuer }),
    };
  });
  return {
    sessions,
    total: codes.length,
    sessionEvents,
    rows: n,
    elapsedMs: performance.now() - started,
  };
}

/** The session rows placed slot after slot (a counting sort), each slot's rows in input order. */
function groupRows(
  rows: Uint32Array | undefined,
  n: number,
  keys: ArrayLike<number>,
  slotOf: Int32Array,
  count: readonly number[],
  total: number,
): { rows: Uint32Array; starts: Uint32Array } {
  const starts = new Uint32Array(count.length);
  const next = new Uint32Array(count.length);
  let at = 0;
  count.forEach((c, slot) => {
    starts[slot] = at;
    next[slot] = at;
    at += c;
  });
  const out = new Uint32Array(total);
  for (let i = 0; i < n; i++) {
    const row = rows === undefined ? i : (rows[i] ?? 0);
    const slot = slotOf[keys[row] ?? 0] ?? -1;
    if (slot < 0) continue;
    const at = next[slot] ?? 0;
    out[at] = row;
    next[slot] = at + 1;
  }
  return { rows: out, starts };
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
