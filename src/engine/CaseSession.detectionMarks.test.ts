import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSessions, freshSession } from '../../test/sessions';
import { fixtureInputs } from '../../test/fixtureFiles';
import { levelRank } from '../detect/attackTags';
import type { RowView } from '../index/types';
import type { CaseSession } from './CaseSession';

const STRATUS = new URL('../../test/fixtures/samples/stratus-red-team/', import.meta.url).pathname;
// Wide enough for every detonation; the histogram picks round bins inside it.
const FROM = Date.UTC(2000, 0, 1);
const TO = Date.UTC(2100, 0, 1);

let engine: CaseSession;
beforeAll(async () => {
  engine = await freshSession();
  await engine.dataset.ingest(fixtureInputs(STRATUS, STRATUS));
  await engine.settled();
}, 120_000);
afterAll(closeSessions);

async function rowsOf(q: string): Promise<RowView[]> {
  const status = await engine.search.run({ q });
  return engine.search.rows({ q }, { offset: 0, limit: status.matchCount, order: 'asc' });
}

function histogramHits(q: string): number {
  const h = engine.search.histogram({ q }, FROM, TO);
  return (h?.hits ?? new Uint32Array(0)).reduce((a, b) => a + b, 0);
}

describe('detection marks on table rows and the timeline', () => {
  it('marks every row with an active hit with its rule count and most severe level, and no other', async () => {
    const hit = await rowsOf('rule:*');
    expect(hit.length).toBeGreaterThan(5);
    for (const r of hit) {
      const rules = engine.detections.eventHits(r.row).filter((h) => h.suppression === undefined);
      const worst = Math.min(...rules.map((h) => levelRank(h.rule.level)));
      expect(r.detection).toEqual({ rules: rules.length, level: rules[0]?.rule.level });
      expect(levelRank(r.detection?.level ?? '')).toBe(worst);
    }
    const quiet = await rowsOf('-rule:*');
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.filter((r) => r.detection !== undefined)).toEqual([]);
  });

  it('counts the hits per bin: all of rule:*, none of -rule:*', async () => {
    const matched = (await engine.search.run({ q: 'rule:*' })).matchCount;
    expect(histogramHits('')).toBe(matched);
    expect(histogramHits('rule:*')).toBe(matched);
    expect(histogramHits('-rule:*')).toBe(0);
  });

  it('drops a hit marked benign from the marks and the timeline, and brings it back on undo', async () => {
    const before = histogramHits('');
    const single = (await rowsOf('rule:*')).find((r) => r.detection?.rules === 1);
    if (single === undefined) throw new Error('no event matched exactly one rule');
    const ruleId = engine.detections.eventHits(single.row)[0]?.rule.id ?? '';
    await engine.detections.suppress(ruleId, single.row, 'expected in this test');
    expect(histogramHits('')).toBe(before - 1);
    const again = (await rowsOf('')).find((r) => r.row === single.row);
    expect(again?.detection).toBeUndefined();
    await engine.detections.unsuppress(ruleId, single.row);
    expect(histogramHits('')).toBe(before);
    expect((await rowsOf('')).find((r) => r.row === single.row)?.detection).toEqual(
      single.detection,
    );
  });
});
