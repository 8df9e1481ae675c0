import { describe, expect, it } from 'vitest';
import type { Collision } from '../../index/EventIndex';
import { IngestCancelledError, resolveCollisions } from './resolveCollisions';

const N = 100_000;

/** Collisions as EventIndex.findCollisions gives them for `count` local rows of one eventID. */
function flood(count: number, stored: readonly number[]): Collision[] {
  const localRows = Array.from({ length: count }, (_, i) => i);
  return localRows
    .filter((row) => row > 0 || stored.length > 0)
    .map((localRow) => ({ localRow, group: 0, rows: stored, localRows }));
}

/** Record readers that count their reads, and refuse more than `limit`: quadratic work fails fast. */
function readers(local: (row: number) => unknown, stored: (row: number) => unknown, limit: number) {
  const counts = { reads: 0 };
  const count = () => {
    if (++counts.reads > limit) throw new Error(`more than ${String(limit)} record reads`);
  };
  return {
    counts,
    read: {
      local: (row: number) => {
        count();
        return Promise.resolve(local(row));
      },
      stored: (row: number) => {
        count();
        return Promise.resolve(stored(row));
      },
    },
  };
}

describe('resolveCollisions', () => {
  it('resolves 100,000 records under one eventID with a linear number of reads and comparisons', async () => {
    // Rows 0…49,999 all differ; rows 50,000… repeat them in order (a re-delivery of the flood).
    const record = (row: number) => ({ eventID: 'x', eventName: 'Op', n: row % (N / 2) });
    const { counts, read } = readers(record, () => null, 3 * N);
    let compares = 0;
    const decisions = await resolveCollisions(flood(N, []), read, {
      onCompare: () => compares++,
    });
    expect(decisions.size).toBe(N / 2);
    expect(decisions.get(N / 2)).toEqual({ local: 0 });
    expect(decisions.get(N - 1)).toEqual({ local: N / 2 - 1 });
    expect(decisions.has(N / 2 - 1)).toBe(false);
    // Quadratic: ≈ 5 billion comparisons (and as many reads) for the same answer.
    expect(compares).toBeLessThan(6 * N);
    expect(counts.reads).toBeLessThan(3 * N);
  });

  it('prefers the first stored row with the same text, then the first earlier row', async () => {
    const stored = [10, 11, 12, 13, 14, 15];
    // Stored rows 10…15 hold texts a b c d e a; local rows hold a f f e b g.
    const storedText = ['a', 'b', 'c', 'd', 'e', 'a'];
    const localText = ['a', 'f', 'f', 'e', 'b', 'g'];
    const { read } = readers(
      (row) => ({ t: localText[row] }),
      (row) => ({ t: storedText[row - 10] }),
      1000,
    );
    const decisions = await resolveCollisions(flood(6, stored), read);
    expect([...decisions]).toEqual([
      [0, { global: 10 }],
      [2, { local: 1 }],
      [3, { global: 14 }],
      [4, { global: 11 }],
    ]);
  });

  it('stops part way through a file once cancelled', async () => {
    const { counts, read } = readers(
      (row) => ({ n: row }),
      () => null,
      3 * N,
    );
    let polls = 0;
    await expect(
      resolveCollisions(flood(N, []), read, { isCancelled: () => ++polls > 2 }),
    ).rejects.toThrow(IngestCancelledError);
    expect(polls).toBe(3);
    expect(counts.reads).toBeLessThan(N / 10);
  });
});
