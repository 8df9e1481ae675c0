import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countKeys,
  differences,
  plainScanMismatches,
  ruleMismatches,
  rowKeys,
} from '../../test/detectionCompare';
import { closeSessions, freshSession } from '../../test/sessions';
import { probeRecords } from '../../test/sigmaProbes';
import { eventKey, shippedRules } from '../../test/sigmaReference';
import type { CaseSession } from './CaseSession';

// The differential test of issue 16 on records built from the rules (test/sigmaProbes.ts): the
// samples fire 14 of the 57 shipped rules, these fire every rule whose selections can be met, and
// barely miss the rest, in any case, through lists, with nulls and filters.

const reference = shippedRules();
const probes = probeRecords(reference);
const expectedHits = new Map(reference.map((r) => [r.id, probes.filter(r.test)] as const));

let engine: CaseSession;
let keys: Map<number, string>;

beforeAll(async () => {
  engine = await freshSession();
  const file = new Blob([JSON.stringify({ Records: probes })]);
  await engine.dataset.ingest([{ path: 'probes/probes.json', file }]);
  await engine.settled();
  keys = await rowKeys(engine);
}, 120_000);
afterAll(closeSessions);

describe('detections over probe records built from the rules, against a reference evaluator', () => {
  it('holds every probe, and each rule has probes it matches and probes it misses', () => {
    expect(differences(countKeys(keys.values()), countKeys(probes.map(eventKey)))).toEqual([]);
    const never = reference.filter((r) => (expectedHits.get(r.id) ?? []).length === 0);
    expect(never.map((r) => r.file)).toEqual([]);
    const always = reference.filter((r) => {
      const own = probes.filter((p) =>
        String(p['eventID']).startsWith(`probe-${reference.indexOf(r)}-`),
      );
      return own.every(r.test);
    });
    expect(always.map((r) => r.file)).toEqual([]);
  });

  it('hits, rule by rule, the events the reference matches', async () => {
    expect(await ruleMismatches(engine, reference, expectedHits, keys)).toEqual([]);
  });

  it('finds the same rows on the index as by a plain scan of every record', async () => {
    expect(await plainScanMismatches(engine)).toEqual([]);
  });
});
