import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, fixtureInputs } from '../../test/fixtureFiles';
import { SQL_QUERIES } from '../../test/sqlQueries';
import { closeSessions, freshSession } from '../../test/sessions';
import type { CaseSession } from '../engine/CaseSession';
import { parseQuery } from '../querylang/parseQuery';
import { printSql } from './printSql';

// The differential check of issue 18: the DuckDB SQL Cairn prints, run by DuckDB itself over the
// sample trail files, counts what Cairn's engine counts, query by query. The folder holds the real
// invictus and cloud-snitch files, the fixture's identical re-delivery, and a conflict written here:
// a real record changed under its own eventID, which both must keep beside the original.
const ROOT = mkdtempSync(join(tmpdir(), 'cairn-sql-'));
const CONFLICT_DIR = 'AWSLogs/218007301253/CloudTrail/eu-west-1/2023/07/10';
const CONFLICT_FILE = `${CONFLICT_DIR}/218007301253_CloudTrail_eu-west-1_20230710T1200Z_Conflict0000001.json.gz`;

function copyTrailFiles(): string[] {
  const trail = fixtureInputs(join(FIXTURES, 'AWSLogs')).filter(
    (i) =>
      i.path.includes('/CloudTrail/') &&
      i.path.endsWith('.json.gz') &&
      !i.path.includes('Truncated'),
  );
  for (const { path } of trail) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    cpSync(join(FIXTURES, path), join(ROOT, path));
  }
  return trail.map((i) => i.path);
}

let conflictId = '';
function writeConflict(from: string): string {
  const parsed: unknown = JSON.parse(gunzipSync(readFileSync(join(ROOT, from))).toString('utf8'));
  const records = (parsed as { Records: Record<string, unknown>[] }).Records;
  const original = records[3] ?? {};
  conflictId = String(original['eventID']);
  const changed = { ...original, sourceIPAddress: '198.51.100.23' };
  // And a record with no source address, which no address range may match.
  const noAddress = { ...records[4], eventID: 'cairn-sql-no-address', sourceIPAddress: '' };
  mkdirSync(join(ROOT, CONFLICT_DIR), { recursive: true });
  writeFileSync(
    join(ROOT, CONFLICT_FILE),
    gzipSync(JSON.stringify({ Records: [changed, noAddress] })),
  );
  return CONFLICT_FILE;
}

let engine: CaseSession;
let duck: DuckDBConnection;
const cwd = process.cwd();

beforeAll(async () => {
  const paths = copyTrailFiles();
  const first = paths.find((p) => p.includes('us-east-1/2023/07/10')) ?? '';
  paths.push(writeConflict(first));
  engine = await freshSession();
  await engine.dataset.ingest(
    paths.sort().map((path) => ({ path, file: new Blob([readFileSync(join(ROOT, path))]) })),
  );
  // DuckDB reads paths relative to the working directory, as a user running it beside AWSLogs/.
  process.chdir(ROOT);
  duck = await (await DuckDBInstance.create(':memory:')).connect();
}, 120_000);

afterAll(() => {
  process.chdir(cwd);
  closeSessions();
  duck.closeSync();
  rmSync(ROOT, { recursive: true, force: true });
});

async function cairnCount(q: string, from?: number, to?: number): Promise<number> {
  const status = await engine.search.run({
    q,
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  });
  expect(status.error).toBeUndefined();
  return status.matchCount;
}

async function duckCount(q: string, from?: number, to?: number): Promise<number> {
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const sql = printSql(
    {
      query: parsed.query,
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
    },
    'duckdb',
    'AWSLogs/**/*.json.gz',
  );
  expect(sql).not.toMatch(/-- Not expressed/);
  const reader = await duck.runAndReadAll(`SELECT count(*) AS n FROM (\n${sql}\n)`);
  return Number(reader.getRows()[0]?.[0] ?? -1);
}

describe('DuckDB SQL against the engine, on the sample trail files', () => {
  it.each(SQL_QUERIES)('counts %j as Cairn does', async (q) => {
    const cairn = await cairnCount(q);
    expect([q, await duckCount(q)]).toEqual([q, cairn]);
  });

  it('keeps a conflicting record beside the original, and a re-delivery once', async () => {
    expect(await cairnCount(`eventID:${conflictId}`)).toBe(2);
    expect(await duckCount(`eventID:${conflictId}`)).toBe(2);
    // The fixture re-delivers 5 records in a us-west-2 file: Cairn keeps them once, in both files.
    const all = await cairnCount('');
    expect(await duckCount('')).toBe(all);
    expect(await duckCount('file:*us-west-2*')).toBe(5);
  });

  it('counts a time range as Cairn does', async () => {
    const from = Date.UTC(2023, 6, 10, 11, 50);
    const to = Date.UTC(2023, 6, 10, 12, 30);
    const cairn = await cairnCount('', from, to);
    expect(cairn).toBeGreaterThan(0);
    expect(await duckCount('', from, to)).toBe(cairn);
    expect(await duckCount('-errorCode:*', from, to)).toBe(
      await cairnCount('-errorCode:*', from, to),
    );
  });

  it.each([
    '| count by eventName',
    'errorCode:* | count by userName, eventName',
    '| count by awsRegion, readOnly',
  ])('groups %j as Cairn does', async (q) => {
    await cairnCount(q);
    const result = await engine.search.countBy(
      { q },
      { sort: 'count', dir: 'desc', limit: 100_000 },
    );
    const cairn = new Map<string, number>();
    for (const g of result?.groups ?? []) {
      for (const row of g.pairs ?? [g])
        cairn.set(row.keys.map((k) => k.toLowerCase()).join('\t'), row.events);
    }
    expect(cairn.size).toBeGreaterThan(1);
    const parsed = parseQuery(q);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const sql = printSql({ query: parsed.query }, 'duckdb', 'AWSLogs/**/*.json.gz');
    const fields = parsed.query.countBy?.length ?? 0;
    const rows = (await duck.runAndReadAll(sql)).getRows();
    const duckGroups = new Map(
      rows.map((r) => [
        r
          .slice(0, fields)
          .map((v) => String(v).toLowerCase())
          .join('\t'),
        Number(r[fields]),
      ]),
    );
    expect(duckGroups).toEqual(cairn);
  });
});
