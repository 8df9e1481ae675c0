import { closeSessions, rowOf, freshSession } from '../../test/sessions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insightFixtureRecords, insightInputs } from '../../test/insightFixture';
import type { FileReport } from '../db/types';
import { buildFileBloom } from './ingest/buildFileBloom';
import type { CaseSession } from './CaseSession';
import { matchStoredRecords } from '../search/matchStoredRecords';

// The oracle: the fixture's raw records read with node:zlib, none of the app's code.
const inputs = insightInputs();
const insights = insightFixtureRecords('/CloudTrail-Insight/');
const management = insightFixtureRecords('/CloudTrail/');
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
    value,
  );
const time = (r: unknown) => Date.parse(String(at(r, 'eventTime')));

let engine: CaseSession;
let reports: readonly FileReport[];
beforeAll(async () => {
  engine = await freshSession({
    bloom: buildFileBloom,
    match: matchStoredRecords,
  });
  reports = await engine.dataset.ingest(inputs);
});
afterAll(closeSessions);

describe('Insights files', () => {
  it('ingest every record of CloudTrail-Insight files, none rejected', () => {
    const insightReports = reports.filter((r) => r.path.includes('/CloudTrail-Insight/'));
    expect(insightReports.map((r) => r.status)).toEqual(['ingested', 'ingested']);
    expect(insightReports.reduce((n, r) => n + (r.added ?? 0), 0)).toBe(insights.length);
    expect(insightReports.every((r) => r.reason === undefined)).toBe(true);
    expect(engine.dataset.info().eventCount).toBe(insights.length + management.length);
  });

  it('are found by category and by the API they are about', async () => {
    expect((await engine.search.run({ q: 'eventCategory:Insight' })).matchCount).toBe(
      insights.length,
    );
    const runInstances = insights.filter(
      (r) => at(r, 'insightDetails', 'eventName') === 'RunInstances',
    );
    expect(
      (await engine.search.run({ q: 'eventName:RunInstances eventCategory:Insight' })).matchCount,
    ).toBe(runInstances.length);
  });

  it('link each record to its partner: the other record with the same sharedEventID', async () => {
    for (const record of insights) {
      const partners = insights.filter(
        (o) => o !== record && o['sharedEventID'] === record['sharedEventID'],
      );
      const found = await engine.events.insightPartners(
        await rowOf(engine, String(record['eventID'])),
      );
      expect(found.map((p) => p.eventID)).toEqual(partners.map((p) => String(p['eventID'])));
      expect(found.map((p) => p.eventTime)).toEqual(partners.map(time));
    }
  });

  it('have no partners when the row is a management event', async () => {
    const first = management[0];
    expect(
      await engine.events.insightPartners(await rowOf(engine, String(first?.['eventID']))),
    ).toEqual([]);
  });

  it("count the management events in an insight's window from the index alone", () => {
    for (const start of insights.filter((r) => at(r, 'insightDetails', 'state') === 'Start')) {
      const end = insights.find(
        (r) =>
          r['sharedEventID'] === start['sharedEventID'] &&
          at(r, 'insightDetails', 'state') === 'End',
      );
      const api = at(start, 'insightDetails');
      const errorCode = at(api, 'errorCode') as string | undefined;
      const expected = management.filter(
        (r) =>
          r['eventSource'] === at(api, 'eventSource') &&
          r['eventName'] === at(api, 'eventName') &&
          r['awsRegion'] === start['awsRegion'] &&
          (errorCode === undefined || r['errorCode'] === errorCode) &&
          time(r) >= time(start) &&
          time(r) < time(end),
      ).length;
      expect(expected).toBeGreaterThan(0);
      const q = [
        `eventSource:${String(at(api, 'eventSource'))}`,
        `eventName:${String(at(api, 'eventName'))}`,
        ...(errorCode === undefined ? [] : [`errorCode:${errorCode}`]),
        `awsRegion:${String(start['awsRegion'])}`,
        `recipientAccountId:${String(start['recipientAccountId'])}`,
        '-eventCategory:Insight',
      ].join(' ');
      expect(engine.search.count({ q, from: time(start), to: time(end) })).toBe(expected);
    }
  });
});
