import type { Collision, CollisionDecision } from '../../index/EventIndex';
import { stringifyJson } from '../../lib/stringifyJson';

/** Reads the records a collision decision needs. */
export interface CollisionRecords {
  /** The original record of a stored row. */
  readonly stored: (row: number) => Promise<unknown>;
  /** The original record of a row of the chunk being ingested. */
  readonly local: (localRow: number) => Promise<unknown>;
}

/** What the caller may add to a resolution. */
export interface ResolveOptions {
  /** Polled every CANCEL_EVERY collisions; once true, IngestCancelledError is thrown. */
  readonly isCancelled?: () => boolean;
  /** Called for each comparison of two records' JSON texts (the costly step), for tests. */
  readonly onCompare?: () => void;
}

/** Thrown when the run was cancelled in the middle of a file; nothing of the file is applied. */
export class IngestCancelledError extends Error {
  constructor() {
    super('Cancelled while this file was read');
  }
}

/** Collisions resolved between two polls of the cancel signal. */
export const CANCEL_EVERY = 1000;

/** Distinct texts a group compares directly before it switches to hash buckets. */
const DIRECT = 4;

type Target = NonNullable<CollisionDecision>;

/**
 * Decides, for each row whose eventID is taken, whether it is the same record re-delivered (stored
 * once, with both sources) or a different record claiming the eventID (kept, and both flagged): real
 * trails re-deliver identical events in two Region folders, while a changed record under a known
 * eventID can mean tampering. Records are compared as JSON text of the parsed originals, key order
 * included; a row matches the first stored row with its text, else the first earlier row of the
 * chunk with it. Linear in the collisions: each record is read and serialised once (a match read
 * again), and each group of one eventID keeps its distinct texts in buckets by a seeded hash, so a
 * flood of 100k records under one eventID costs ≈100k comparisons, not 5 billion.
 * @throws IngestCancelledError when `isCancelled` turns true part way.
 */
export async function resolveCollisions(
  collisions: readonly Collision[],
  read: CollisionRecords,
  options: ResolveOptions = {},
): Promise<Map<number, CollisionDecision>> {
  const decisions = new Map<number, CollisionDecision>();
  const groups = new Map<number, DistinctTexts>();
  const textOf = async (t: Target) =>
    stringifyJson('global' in t ? await read.stored(t.global) : await read.local(t.local));
  for (const [i, c] of collisions.entries()) {
    if (i % CANCEL_EVERY === 0 && options.isCancelled?.() === true) {
      throw new IngestCancelledError();
    }
    let texts = groups.get(c.group);
    if (texts === undefined) {
      texts = new DistinctTexts(textOf, options.onCompare);
      groups.set(c.group, texts);
      for (const row of c.rows) {
        const target = { global: row };
        await texts.findOrAdd(await textOf(target), target);
      }
      // The group's first row is a collision only when a stored row has its eventID.
      const first = c.localRows[0];
      if (c.rows.length === 0 && first !== undefined && first !== c.localRow) {
        const target = { local: first };
        await texts.findOrAdd(await textOf(target), target);
      }
    }
    const mine = stringifyJson(await read.local(c.localRow));
    const found = await texts.findOrAdd(mine, { local: c.localRow });
    if (found !== undefined) decisions.set(c.localRow, found);
  }
  return decisions;
}

/**
 * The distinct record texts of one eventID, each with the first row that had it. The first few are
 * kept and compared as text; past them only a hash and the row are kept (a flood of distinct 1 KB
 * records would otherwise hold them all), and a text is compared only with the rows of its bucket,
 * read again. The hash is seeded at random per run, so records cannot be crafted to share a bucket
 * (SHA-256 through `crypto.subtle` measured 50 µs a record: 5 s for a 100k flood).
 */
class DistinctTexts {
  private readonly direct: { readonly text: string; readonly target: Target }[] = [];
  private readonly buckets = new Map<number, Target[]>();
  private readonly textOf: (target: Target) => Promise<string>;
  private readonly onCompare: (() => void) | undefined;

  constructor(textOf: (target: Target) => Promise<string>, onCompare?: () => void) {
    this.textOf = textOf;
    this.onCompare = onCompare;
  }

  /** The target of an equal text already held; else holds `text` for `target` and returns undefined. */
  async findOrAdd(text: string, target: Target): Promise<Target | undefined> {
    for (const held of this.direct) {
      this.onCompare?.();
      if (held.text === text) return held.target;
    }
    if (this.direct.length < DIRECT) {
      this.direct.push({ text, target });
      return undefined;
    }
    const key = seededHash(text);
    const bucket = this.buckets.get(key);
    for (const held of bucket ?? []) {
      this.onCompare?.();
      if ((await this.textOf(held)) === text) return held;
    }
    if (bucket === undefined) this.buckets.set(key, [target]);
    else bucket.push(target);
    return undefined;
  }
}

/** Per-run random seeds of the two lanes. */
const SEEDS = crypto.getRandomValues(new Uint32Array(2));

/**
 * A 53-bit hash of `text` (two 32-bit multiply–xorshift lanes, cyrb53's construction) with random
 * seeds: not cryptographic, but texts cannot be chosen in advance to collide.
 * @see https://github.com/bryc/code/blob/master/jshash/experimental/cyrb53.js
 */
function seededHash(text: string): number {
  let h1 = 0xdeadbeef ^ (SEEDS[0] ?? 0);
  let h2 = 0x41c6ce57 ^ (SEEDS[1] ?? 0);
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
