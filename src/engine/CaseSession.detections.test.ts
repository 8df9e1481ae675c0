import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pack from 'virtual:sigma-pack';
import { closeSessions, freshSession } from '../../test/sessions';
import { fixtureInputs } from '../../test/fixtureFiles';
import type { CaseSession } from './CaseSession';

const SAMPLES = new URL('../../test/fixtures/samples/', import.meta.url).pathname;

let engine: CaseSession;
beforeAll(async () => {
  engine = await freshSession();
  await engine.dataset.ingest(fixtureInputs(SAMPLES, SAMPLES));
  await engine.settled();
}, 120_000);
afterAll(closeSessions);

describe('detections over every sample', () => {
  it('runs the whole pack and lists hits', async () => {
    const view = engine.detections.view();
    expect(view.rules).toHaveLength(pack.rules.length);
    const hit = view.rules.filter((r) => r.hits > 0);
    console.log(hit.map((r) => `${r.level} ${r.hits} ${r.title}`).join('\n'), view.progress);
    expect(hit.length).toBeGreaterThan(3);
    const status = await engine.search.run({ q: 'rule:*' });
    expect(status.matchCount).toBe(view.eventsMatched);
  });
});
