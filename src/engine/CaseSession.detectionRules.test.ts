import { afterEach, describe, expect, it } from 'vitest';
import { closeSessions, freshSession, openSession, rowOf } from '../../test/sessions';
import { fixtureInputs } from '../../test/fixtureFiles';
import type { CaseSession } from './CaseSession';
import { parseLogFile } from './ingest/parseLogFile';
import type { ParseFn } from './ingest/types';
import { PACK_KEY, packRules } from '../detect/packRules';
import { openCairnDb } from '../db/cairnDb';

/** Forgets the stored index and hits: the next open parses every file again. */
async function deleteDetectionState(): Promise<void> {
  const db = await openCairnDb();
  await db.clear('segments');
  await db.delete('meta', 'index');
  await db.delete('meta', 'detectionHits');
  db.close();
}

const SAMPLES = new URL('../../test/fixtures/samples/', import.meta.url).pathname;
const STRATUS = `${SAMPLES}stratus-red-team/detonation-logs/`;
const stratus = () => fixtureInputs(STRATUS, SAMPLES);
const IMPORTANT_CHANGE = '4db60cc0-36fb-42b7-9b58-a5b53019fb74';

afterEach(closeSessions);

async function count(s: CaseSession, q: string): Promise<number> {
  const status = await s.search.run({ q });
  expect(status.error).toBeUndefined();
  return status.matchCount;
}

async function loaded(): Promise<CaseSession> {
  const s = await freshSession();
  await s.dataset.ingest(stratus());
  await s.settled();
  return s;
}

const stopLoggingRule = (id: string, extra = '') => `title: StopLogging by anyone
id: ${id}
author: Test author
level: high
tags:
  - attack.defense-evasion
  - attack.t1562.008
logsource:
  product: aws
  service: cloudtrail
detection:
  selection:
    eventSource: cloudtrail.amazonaws.com
    eventName: StopLogging
  condition: selection
${extra}`;

describe('detections in a case session', () => {
  it('answers rule:, level: and attack: clauses, with negation, from the hits', async () => {
    const s = await loaded();
    const hits = s.detections.allHits();
    const important = hits[IMPORTANT_CHANGE] ?? [];
    expect(important.length).toBeGreaterThan(0);
    expect(await count(s, `rule:${IMPORTANT_CHANGE}`)).toBe(important.length);
    // Titles match too, with wildcards, case ignored.
    expect(await count(s, 'rule:"aws cloudtrail important*"')).toBe(important.length);
    const any = new Set(Object.values(hits).flat()).size;
    expect(await count(s, 'rule:*')).toBe(any);
    const total = await count(s, '');
    expect(await count(s, '-rule:*')).toBe(total - any);
    const view = s.detections.view();
    const high = new Set(
      view.rules.filter((r) => r.level === 'high').flatMap((r) => hits[r.id] ?? []),
    );
    expect(await count(s, 'level:high')).toBe(high.size);
    // The technique of the CloudTrail rule, and every rule that shares it.
    const technique = view.rules.find((r) => r.id === IMPORTANT_CHANGE)?.techniques[0] ?? '';
    expect(technique).toMatch(/^T\d{4}/);
    const tagged = new Set(
      view.rules.filter((r) => r.techniques.includes(technique)).flatMap((r) => hits[r.id] ?? []),
    );
    expect(await count(s, `attack:${technique.toLowerCase()}`)).toBe(tagged.size);
    const tactic = view.rules.find((r) => r.id === IMPORTANT_CHANGE)?.tactics[0] ?? '';
    const inTactic = new Set(
      view.rules.filter((r) => r.tactics.includes(tactic)).flatMap((r) => hits[r.id] ?? []),
    );
    expect(await count(s, `attack:${tactic}`)).toBe(inTactic.size);
    expect(await count(s, `-attack:${tactic}`)).toBe(total - inTactic.size);
  });

  it('runs over the new rows of each ingest to the same hits as one ingest of everything', async () => {
    const all = stratus();
    const once = await freshSession();
    await once.dataset.ingest(all);
    await once.settled();
    const byEventId = async (s: CaseSession) => {
      const out: Record<string, string[]> = {};
      for (const [id, rows] of Object.entries(s.detections.allHits())) {
        if (rows.length === 0) continue;
        const status = await s.search.run({ q: `rule:${id}` });
        expect(status.matchCount).toBe(rows.length);
        out[id] = s.search
          .rows({ q: `rule:${id}` }, { offset: 0, limit: 10_000, order: 'asc' })
          .map((r) => r.eventID)
          .sort();
      }
      return out;
    };
    const expected = await byEventId(once);
    closeSessions();
    const twice = await freshSession();
    await twice.dataset.ingest(all.slice(0, 17));
    await twice.settled();
    const first = twice.detections.progress().rows;
    await twice.dataset.ingest(all.slice(17));
    await twice.settled();
    // The second run evaluated only the rows the second ingest added.
    expect(twice.detections.progress().rows).toBe((await count(twice, '')) - first);
    expect(await byEventId(twice)).toEqual(expected);
  });

  it('adds rule files of the case: hits, per-file problems with lines, taken ids', async () => {
    const s = await loaded();
    const id = '0b5e1d7c-8f41-4a53-9d43-2f1c2a6a0001';
    const [good, bad, taken] = await s.detections.addRuleFiles([
      { name: 'stop.yml', text: stopLoggingRule(id) },
      { name: 'bad.yml', text: stopLoggingRule('x').replace('eventName:', 'eventName|foo:') },
      { name: 'taken.yml', text: stopLoggingRule(IMPORTANT_CHANGE) },
    ]);
    expect(good).toEqual({ name: 'stop.yml', ruleIds: [id], problems: [] });
    expect(bad?.problems).toEqual([
      { message: 'the modifier "foo" is not supported', line: expect.any(Number) },
    ]);
    expect(bad?.problems[0]?.line).toBe(14);
    expect(taken?.problems[0]?.message).toMatch(/already used by the SigmaHQ rule/);
    await s.settled();
    const stops = await count(s, 'eventName:StopLogging eventSource:cloudtrail.amazonaws.com');
    expect(stops).toBeGreaterThan(0);
    expect(await count(s, `rule:${id}`)).toBe(stops);
    const summary = s.detections.view().rules.find((r) => r.id === id);
    expect(summary).toMatchObject({
      hits: stops,
      author: 'Test author',
      origin: { kind: 'case', file: 'stop.yml' },
      tactics: ['defense-evasion'],
      techniques: ['T1562.008'],
    });
    // Kept with the case: a reopened session runs it again.
    closeSessions();
    const again = await openSession();
    await again.settled();
    expect(await count(again, `rule:${id}`)).toBe(stops);
    await again.detections.removeRuleFile('stop.yml');
    await again.settled();
    expect(await count(again, `rule:${id}`)).toBe(0);
  });

  it('runs a correlation rule of a case file: the events of its groups', async () => {
    const s = await loaded();
    const cloudtrailCalls = await count(s, 'eventSource:cloudtrail.amazonaws.com');
    expect(cloudtrailCalls).toBeGreaterThan(2);
    const text = `title: CloudTrail calls
id: 5f0c7a4e-0000-4000-8000-000000000001
name: cloudtrail_calls
logsource:
  product: aws
  service: cloudtrail
detection:
  selection:
    eventSource: cloudtrail.amazonaws.com
  condition: selection
---
title: Many CloudTrail calls
id: 5f0c7a4e-0000-4000-8000-000000000002
level: high
correlation:
  type: event_count
  rules:
    - cloudtrail_calls
  group-by:
    - eventSource
  timespan: 300d
  condition:
    gte: 2
`;
    const [reading] = await s.detections.addRuleFiles([{ name: 'corr.yml', text }]);
    expect(reading?.problems).toEqual([]);
    await s.settled();
    const base = await count(s, 'rule:5f0c7a4e-0000-4000-8000-000000000001');
    expect(base).toBe(cloudtrailCalls);
    const corr = await count(s, 'rule:5f0c7a4e-0000-4000-8000-000000000002');
    // One group (one eventSource), its events within 300 days: every base hit is in it.
    expect(corr).toBe(base);
    const tight = text
      .replaceAll('5f0c7a4e-0000-4000-8000-00000000000', '5f0c7a4e-0000-4000-8000-00000000010')
      .replace('name: cloudtrail_calls', 'name: cloudtrail_calls_2')
      .replace('- cloudtrail_calls', '- cloudtrail_calls_2')
      .replace('gte: 2', `gte: ${base + 1}`);
    const [second] = await s.detections.addRuleFiles([{ name: 'tight.yml', text: tight }]);
    expect(second?.problems).toEqual([]);
    await s.settled();
    expect(await count(s, 'rule:5f0c7a4e-0000-4000-8000-000000000101')).toBe(base);
    expect(await count(s, 'rule:5f0c7a4e-0000-4000-8000-000000000102')).toBe(0);
    expect(s.detections.view().rules.find((r) => r.correlation === 'event_count')?.hits).toBe(corr);
  });

  it('suppresses one hit or a whole rule, keeps it with the case, and undoes it', async () => {
    const s = await loaded();
    const rows = s.detections.allHits()[IMPORTANT_CHANGE] ?? [];
    const before = rows.length;
    expect(before).toBeGreaterThan(1);
    const eventID = s.search.rows(
      { q: `rule:${IMPORTANT_CHANGE}` },
      { offset: 0, limit: 1, order: 'asc' },
    )[0]?.eventID;
    expect(eventID).toBeDefined();
    const row = await rowOf(s, eventID ?? '');
    await s.detections.suppress(IMPORTANT_CHANGE, row, 'our own test trail');
    expect(await count(s, `rule:${IMPORTANT_CHANGE}`)).toBe(before - 1);
    expect(s.detections.eventHits(row)[0]?.suppression?.note).toBe('our own test trail');
    closeSessions();
    const again = await openSession();
    await again.settled();
    expect(await count(again, `rule:${IMPORTANT_CHANGE}`)).toBe(before - 1);
    const summary = () => again.detections.view().rules.find((r) => r.id === IMPORTANT_CHANGE);
    expect(summary()).toMatchObject({ hits: before - 1, suppressed: 1 });
    await again.detections.suppress(IMPORTANT_CHANGE, undefined, 'change window');
    expect(await count(again, `rule:${IMPORTANT_CHANGE}`)).toBe(0);
    expect(summary()?.benign?.note).toBe('change window');
    await again.detections.unsuppress(IMPORTANT_CHANGE, undefined);
    await again.detections.unsuppress(IMPORTANT_CHANGE, await rowOf(again, eventID ?? ''));
    expect(await count(again, `rule:${IMPORTANT_CHANGE}`)).toBe(before);
  });

  it('reopens with the hits it stored, running the rules over no event again', async () => {
    const s = await loaded();
    const hits = s.detections.allHits();
    expect(s.detections.progress().rows).toBe(await count(s, ''));
    closeSessions();
    const again = await openSession();
    await again.settled();
    expect(again.detections.progress()).toMatchObject({ rows: 0, recordsRead: 0 });
    expect(again.detections.allHits()).toEqual(hits);
    // A new rule file changes the rule set: its hits are computed, stored, and reused in turn.
    await again.detections.addRuleFiles([
      { name: 'stop.yml', text: stopLoggingRule('0b5e1d7c-8f41-4a53-9d43-2f1c2a6a0002') },
    ]);
    await again.settled();
    const withRule = again.detections.allHits();
    expect(withRule['0b5e1d7c-8f41-4a53-9d43-2f1c2a6a0002']?.length).toBeGreaterThan(0);
    closeSessions();
    const third = await openSession();
    await third.settled();
    expect(third.detections.progress().rows).toBe(0);
    expect(third.detections.allHits()).toEqual(withRule);
  });

  it("takes the pack's hits from the parse workers: the same hits, no record read back", async () => {
    const rules = { rules: packRules(), key: PACK_KEY };
    const parse: ParseFn = (input) => parseLogFile(input, { rules });
    const s = await freshSession({ parse });
    await s.dataset.ingest(fixtureInputs(SAMPLES, SAMPLES));
    await s.settled();
    const hits = s.detections.allHits();
    expect(Object.values(hits).flat().length).toBeGreaterThan(100);
    expect(s.detections.progress()).toMatchObject({ recordsRead: 0 });
    expect(hits).toEqual((await s.detections.plainScan()).hits);
    // Files parsed again at open (no stored index, nor stored hits) give the same.
    closeSessions();
    await deleteDetectionState();
    const again = await openSession({ parse });
    await again.settled();
    expect(again.detections.allHits()).toEqual(hits);
  });
});
