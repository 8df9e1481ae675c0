// Counts distinct values over the whole data set without holding its strings: each worker hashes the
// distinct values of its file to 53-bit numbers (cyrb53), the main thread gathers the hashes of every
// file, sorts them and counts the distinct ones. 10M events cost ≈ 8 bytes per distinct value per
// file; at 53 bits, a collision among 10M values is unlikely (p ≈ 0.6%) and would undercount by one.

/** What is counted: per file, the values, and how many events carry one. */
export const KINDS = /** @type {const} */ (['keys', 'tempKeys', 'arns', 'ips', 'userAgents']);

/**
 * @typedef {typeof KINDS[number]} Kind
 * @typedef {{ eventsWithKey: number, eventsWithTempKey: number, eventsWithResources: number,
 *   hashes: Record<Kind, Float64Array> }} FileDistinct
 * @typedef {{ eventsWithKey: number, distinctKeys: number, keyRatio: number,
 *   eventsWithTempKey: number, distinctTempKeys: number, tempKeyRatio: number,
 *   eventsWithResources: number, distinctArns: number, arnRatio: number, distinctIps: number,
 *   distinctUserAgents: number }} DistinctStats
 */

/**
 * cyrb53: a fast 53-bit string hash (public domain, bryc).
 * @param {string} s
 * @returns {number}
 */
export function hash53(s) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * One file's distinct values (as hashes) and the number of events that carry each kind:
 * `userIdentity.accessKeyId` (all, and the temporary `ASIA…` ones), `resources[].ARN` (events with
 * at least one), `sourceIPAddress`, `userAgent`.
 * @param {ReadonlyArray<Record<string, unknown>>} records
 * @returns {FileDistinct}
 */
export function fileDistinct(records) {
  /** @type {Record<Kind, Set<string>>} */
  const sets = {
    keys: new Set(),
    tempKeys: new Set(),
    arns: new Set(),
    ips: new Set(),
    userAgents: new Set(),
  };
  let eventsWithKey = 0;
  let eventsWithTempKey = 0;
  let eventsWithResources = 0;
  for (const r of records) {
    const id = /** @type {{ accessKeyId?: string } | undefined} */ (r.userIdentity);
    const key = id?.accessKeyId;
    if (typeof key === 'string' && key !== '') {
      eventsWithKey++;
      sets.keys.add(key);
      if (key.startsWith('ASIA')) {
        eventsWithTempKey++;
        sets.tempKeys.add(key);
      }
    }
    const res = /** @type {Array<{ ARN?: string }> | undefined} */ (r.resources);
    let withArn = false;
    for (const item of res ?? []) {
      if (typeof item.ARN !== 'string') continue;
      sets.arns.add(item.ARN);
      withArn = true;
    }
    if (withArn) eventsWithResources++;
    sets.ips.add(String(r.sourceIPAddress));
    sets.userAgents.add(String(r.userAgent));
  }
  const hashes = /** @type {Record<Kind, Float64Array>} */ ({});
  for (const kind of KINDS) hashes[kind] = Float64Array.from(sets[kind], hash53);
  return { eventsWithKey, eventsWithTempKey, eventsWithResources, hashes };
}

/** Gathers the files' hashes (main thread) and counts the distinct ones at the end. */
export class DistinctCounter {
  constructor() {
    this.eventsWithKey = 0;
    this.eventsWithTempKey = 0;
    this.eventsWithResources = 0;
    /** @type {Record<Kind, { buf: Float64Array, n: number }>} */
    this.all = /** @type {Record<Kind, { buf: Float64Array, n: number }>} */ ({});
    for (const kind of KINDS) this.all[kind] = { buf: new Float64Array(1024), n: 0 };
  }

  /** @param {FileDistinct} f */
  add(f) {
    this.eventsWithKey += f.eventsWithKey;
    this.eventsWithTempKey += f.eventsWithTempKey;
    this.eventsWithResources += f.eventsWithResources;
    for (const kind of KINDS) {
      const into = this.all[kind];
      const more = f.hashes[kind];
      if (into.n + more.length > into.buf.length) {
        const grown = new Float64Array(Math.max(2 * into.buf.length, into.n + more.length));
        grown.set(into.buf.subarray(0, into.n));
        into.buf = grown;
      }
      into.buf.set(more, into.n);
      into.n += more.length;
    }
  }

  /** @returns {DistinctStats} */
  result() {
    /** @param {Kind} kind */
    const distinct = (kind) => {
      const { buf, n } = this.all[kind];
      const sorted = buf.subarray(0, n).sort();
      let d = 0;
      for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) d++;
      return d;
    };
    const ratio = (/** @type {number} */ a, /** @type {number} */ b) =>
      b === 0 ? 0 : Math.round((10000 * a) / b) / 10000;
    const distinctKeys = distinct('keys');
    const distinctTempKeys = distinct('tempKeys');
    const distinctArns = distinct('arns');
    return {
      eventsWithKey: this.eventsWithKey,
      distinctKeys,
      keyRatio: ratio(distinctKeys, this.eventsWithKey),
      eventsWithTempKey: this.eventsWithTempKey,
      distinctTempKeys,
      tempKeyRatio: ratio(distinctTempKeys, this.eventsWithKey),
      eventsWithResources: this.eventsWithResources,
      distinctArns,
      arnRatio: ratio(distinctArns, this.eventsWithResources),
      distinctIps: distinct('ips'),
      distinctUserAgents: distinct('userAgents'),
    };
  }
}
