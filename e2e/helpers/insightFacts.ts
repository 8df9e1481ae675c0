import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The Insights fixture's AWSLogs folder (scripts/makeInsightFixtures.js). */
export const INSIGHT_LOGS = new URL('../fixtures-insights/AWSLogs', import.meta.url).pathname;

type Rec = Record<string, unknown>;

/** Every record of the fixture, split into Insights records and management events, via node:zlib. */
export function insightFixture(): { insights: Rec[]; management: Rec[] } {
  const insights: Rec[] = [];
  const management: Rec[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const { Records } = JSON.parse(gunzipSync(readFileSync(p)).toString('utf8')) as {
          Records: Rec[];
        };
        (p.includes('/CloudTrail-Insight/') ? insights : management).push(...Records);
      }
    }
  };
  walk(INSIGHT_LOGS);
  return { insights, management };
}

/** `record.a.b.c`, or undefined. */
export function get(record: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, k) => (v !== null && typeof v === 'object' ? (v as Rec)[k] : undefined),
      record,
    );
}

/**
 * The management events an insight counted, by plain filtering: same API (and error code for an
 * error-rate insight), Region and account, eventTime in [Start's eventTime, End's eventTime).
 */
export function eventsInWindow(management: readonly Rec[], start: Rec, end: Rec): Rec[] {
  const from = Date.parse(String(start['eventTime']));
  const to = Date.parse(String(end['eventTime']));
  const errorCode = get(start, 'insightDetails.errorCode');
  return management.filter((r) => {
    const t = Date.parse(String(r['eventTime']));
    return (
      r['eventSource'] === get(start, 'insightDetails.eventSource') &&
      r['eventName'] === get(start, 'insightDetails.eventName') &&
      r['awsRegion'] === start['awsRegion'] &&
      r['recipientAccountId'] === start['recipientAccountId'] &&
      (errorCode === undefined || r['errorCode'] === errorCode) &&
      t >= from &&
      t < to
    );
  });
}
