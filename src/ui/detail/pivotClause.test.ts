import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSessions, freshSession } from '../../../test/sessions';
import { buildFileBloom } from '../../engine/ingest/buildFileBloom';
import type { CaseSession } from '../../engine/CaseSession';
import { matchStoredRecords } from '../../search/matchStoredRecords';
import { childPath, leafValue } from './flattenJson';
import type { JsonLeafValue } from './flattenJson';
import { pivotClause } from './pivotClause';

// The demo dataset Load sample data fetches (public/sample/, listed by its manifest).
const SAMPLE = new URL('../../../public/sample/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', SAMPLE), 'utf8')) as {
  files: string[];
};
const inputs = manifest.files.map((path) => ({
  path: `sample/${path}`,
  file: new Blob([readFileSync(new URL(path, SAMPLE))]),
}));
const records = manifest.files.flatMap((path) => {
  const raw = gunzipSync(readFileSync(new URL(path, SAMPLE))).toString('utf8');
  return (JSON.parse(raw) as { Records: Record<string, unknown>[] }).Records;
});

/** Every leaf of `value` as the JSON tree names it (its row path) and hands it to Filter. */
function leaves(value: unknown, path = ''): [string, JsonLeafValue][] {
  const leaf = leafValue(value);
  if (leaf !== undefined) return [[path, leaf]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, childPath(path, i)));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, childPath(path, k)));
  }
  return [];
}

let engine: CaseSession;
beforeAll(async () => {
  engine = await freshSession({ bloom: buildFileBloom, match: matchStoredRecords });
  await engine.dataset.ingest(inputs);
  await engine.wordsIndexed();
});
afterAll(closeSessions);

describe('pivotClause', () => {
  it('quotes values and drops array indexes from the path', () => {
    expect(pivotClause('requestParameters.instanceIds[0]', 'i-05c30218156bcc246')).toBe(
      'requestParameters.instanceIds:i-05c30218156bcc246',
    );
    expect(pivotClause('a[1][0].b', 'x y')).toBe('a.b:"x y"');
    expect(pivotClause('n', 42)).toBe('n:42');
    expect(pivotClause('requestParameters["x-amz-acl"]', 'private')).toBe(
      'requestParameters.x-amz-acl:private',
    );
    expect(pivotClause('requestParameters["object-lock"]', '')).toBe(
      'requestParameters.object-lock:""',
    );
    // No field spells these keys: a phrase, quoted so its colon or leading "-" stays text.
    expect(pivotClause('c["aws:acm:arn"]', 'arn:aws:acm:x')).toBe('"arn:aws:acm:x"');
    expect(pivotClause('tags["a b"]', '-v*')).toBe('"-v\\*"');
    expect(pivotClause('tags["a b"][0]', '')).toBe('"a b"');
  });

  // The Filter action must find the event it was taken from, whatever the leaf: one search per record
  // ANDs the clauses of all its leaves with its eventID, so every leaf of every sample record is
  // checked in 2,921 searches (each reads one file), not 83,000.
  it('writes, for every leaf of every sample record, a clause that finds that record', async () => {
    expect(records.length).toBe(2921);
    const failing: string[] = [];
    for (const record of records) {
      const clauses = leaves(record).map(([path, value]) => pivotClause(path, value));
      const id = String(record['eventID']);
      const status = await engine.search.run({ q: [...clauses, `eventID:${id}`].join(' ') });
      if (status.error === undefined && status.matchCount === 1) continue;
      // Name the clauses that lose the record, one by one, so a failure says which leaf.
      for (const clause of clauses) {
        const one = await engine.search.run({ q: `${clause} eventID:${id}` });
        if (one.error !== undefined || one.matchCount !== 1) {
          failing.push(`${clause} (${one.error?.message ?? `${one.matchCount} matches`})`);
        }
      }
    }
    expect(failing).toEqual([]);
  }, 120_000);
});
