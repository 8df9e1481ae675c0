import { expect } from 'vitest';
import type { CaseSession } from '../src/engine/CaseSession';
import { isObject } from '../src/lib/isObject';
import type { JsonObject } from '../src/lib/isObject';
import { eventKey } from './sigmaReference';
import type { ReferenceRule } from './sigmaReference';

/** eventID (or record text) → how many distinct records under it: one event's rows. */
export type EventCounts = Map<string, number>;

/** Counts of each key. */
export function countKeys(keys: Iterable<string>): EventCounts {
  const out: EventCounts = new Map();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

/** What the engine's counts add to or lack from the reference's, one entry per event. */
export function differences(engine: EventCounts, reference: EventCounts): string[] {
  const out: string[] = [];
  for (const [k, n] of engine)
    if (!reference.has(k)) out.push(`engine adds ${k}`);
    else if (reference.get(k) !== n)
      out.push(`${k}: engine ${n} rows, reference ${reference.get(k)}`);
  for (const k of reference.keys()) if (!engine.has(k)) out.push(`engine lacks ${k}`);
  return out.sort();
}

/** Rows matching `q`, through the search API, in time order. */
export async function searchRows(
  session: CaseSession,
  q: string,
): Promise<{ row: number; eventID: string }[]> {
  const status = await session.search.run({ q });
  expect(status.error).toBeUndefined();
  expect(status.complete).toBe(true);
  return session.search.rows({ q }, { offset: 0, limit: status.matchCount, order: 'asc' });
}

/** Every row's event key (eventKey of its record: the eventID, or the record's text without one). */
export async function rowKeys(session: CaseSession): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const { row, eventID } of await searchRows(session, '')) {
    if (eventID !== '') {
      out.set(row, eventID);
      continue;
    }
    const detail = await session.events.detail(row);
    const parsed: unknown = JSON.parse(detail?.recordJson ?? 'null');
    if (!isObject(parsed)) throw new Error(`row ${row} has no record`);
    out.set(row, eventKey(parsed));
  }
  return out;
}

/**
 * Rule by rule, what the session's `rule:<id>` rows (engine) add to or lack from `expected` (the
 * reference's matched records), as `id (file): …` lines; [] when they agree. Also checks that each
 * clause's rows are the session's hits for the rule (allHits).
 */
export async function ruleMismatches(
  session: CaseSession,
  rules: readonly ReferenceRule[],
  expected: ReadonlyMap<string, readonly JsonObject[]>,
  keys: ReadonlyMap<number, string>,
): Promise<string[]> {
  const hits = session.detections.allHits();
  const out: string[] = [];
  for (const rule of rules) {
    const want = countKeys((expected.get(rule.id) ?? []).map(eventKey));
    const rows = await searchRows(session, `rule:${rule.id}`);
    const got = countKeys(rows.map(({ row }) => keys.get(row) ?? `row ${row}`));
    const diff = differences(got, want);
    if (diff.length > 0) out.push(`${rule.id} (${rule.file}): ${diff.join(', ')}`);
    expect(rows.map((r) => r.row).sort((a, b) => a - b)).toEqual(hits[rule.id]);
  }
  return out;
}

/** Rule ids whose hits on the index (allHits) differ from a plain scan of every record. */
export async function plainScanMismatches(session: CaseSession): Promise<string[]> {
  const hits = session.detections.allHits();
  const { hits: plain } = await session.detections.plainScan();
  return Object.keys(hits).filter(
    (id) => JSON.stringify(hits[id]) !== JSON.stringify(plain[id] ?? []),
  );
}
