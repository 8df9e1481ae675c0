import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, distinctEventIds, fixtureInputs } from '../../test/fixtureFiles';
import { exportParts } from '../../test/exportParts';
import { closeSessions, freshSession } from '../../test/sessions';
import { PARQUET_COLUMNS } from '../analysis/ParquetExport';
import type { CaseSession } from './CaseSession';

// Issue 18: a Parquet export of the samples, read back by DuckDB, has the rows and eventIDs Cairn
// counts, AWS's CloudTrail columns, and each event's source file with that file's SHA-256.
const inputs = fixtureInputs();
const DIR = mkdtempSync(join(tmpdir(), 'cairn-parquet-'));
let engine: CaseSession;

beforeAll(async () => {
  engine = await freshSession();
  await engine.dataset.ingest(inputs);
}, 120_000);
afterAll(() => {
  closeSessions();
  rmSync(DIR, { recursive: true, force: true });
});

async function exportParquet(q: string): Promise<{ file: string; matched: number; parts: number }> {
  const { matchCount } = await engine.search.run({ q });
  const chunks = await exportParts(engine, q, 'parquet');
  if (chunks.some((c) => typeof c === 'string')) throw new Error('a Parquet part is bytes');
  const file = join(DIR, `${String(chunks.length)}-${String(matchCount)}.parquet`);
  writeFileSync(file, Buffer.concat(chunks.flatMap((c) => (typeof c === 'string' ? [] : [c]))));
  return { file, matched: matchCount, parts: chunks.length };
}

async function rows(sql: string): Promise<unknown[][]> {
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    return (await duck.runAndReadAll(sql)).getRows();
  } finally {
    duck.closeSync();
  }
}

describe('Parquet export', () => {
  it('round-trips every event: the same count and eventIDs, read back by DuckDB', async () => {
    const { file, matched, parts } = await exportParquet('');
    expect(parts).toBeGreaterThan(2);
    const [[count, ids] = []] = await rows(
      `SELECT count(*), count(DISTINCT eventid) FROM read_parquet('${file}')`,
    );
    expect(Number(count)).toBe(matched);
    const trail = inputs.map((i) => i.path).filter((p) => p.includes('/CloudTrail/'));
    const expected = distinctEventIds(trail);
    expect(Number(ids)).toBe(expected.size);
    const got = await rows(`SELECT DISTINCT eventid FROM read_parquet('${file}')`);
    expect(new Set(got.map((r) => String(r[0])))).toEqual(expected);
  });

  it("has AWS's CloudTrail columns, then each event's source file and its SHA-256", async () => {
    const { file } = await exportParquet('eventName:AssumeRole');
    const described = await rows(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
    expect(described.map((r) => String(r[0]))).toEqual(PARQUET_COLUMNS);
    const sample = await rows(
      `SELECT eventname, source_file, source_sha256, json_extract_string(useridentity, '$.type') FROM read_parquet('${file}')`,
    );
    expect(sample.length).toBeGreaterThan(0);
    for (const [name, path, sha, type] of sample) {
      expect(name).toBe('AssumeRole');
      const bytes = readFileSync(join(FIXTURES, String(path)));
      expect(sha).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(typeof type).toBe('string');
    }
  });
});
