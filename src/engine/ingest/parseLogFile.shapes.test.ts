import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackEventId } from '../../index/eventIdKey';
import { parseLogFile } from './parseLogFile';

/** e2e/fixtures-shapes: one file per input shape, built from real records by scripts/makeShapeFixtures.js. */
const SHAPES = new URL('../../../e2e/fixtures-shapes/', import.meta.url).pathname;
const LAKE =
  'AWSLogs/218007301253/CloudTrail-Lake/Query/2025/03/06/0f3a7c2e-5b1d-4e9a-8c6f-2d7b9e1a4c30';

/** What each file must be read as, and its records (events + values skipped inside it). */
const INGESTED: Record<string, { shape: string; events: number; skipped?: RegExp }> = {
  'AWSLogs/o-1234abcde/222222222222/CloudTrail/us-east-1/2025/03/06/222222222222_CloudTrail_us-east-1_20250306T0230Z_QF6qcgyiaVnSueXa.json.gz':
    { shape: 'Records envelope', events: 20 },
  'event_history.json': { shape: 'Records envelope', events: 6 },
  'aws.persistence.iam-create-admin-user.json': { shape: 'JSON array of events', events: 3 },
  'CreateSession.json.cloudtrail': { shape: 'single event', events: 1 },
  'ec2_proxy_s3_exfiltration.jsonl': { shape: 'JSON lines of events', events: 103 },
  'concatenated-events.json': { shape: 'concatenated JSON of events', events: 4 },
  'eventbridge-create-bucket.json': { shape: 'EventBridge event', events: 1 },
  'firehose/eventbridge-2025-03-06-00-00-00-1a2b3c': {
    shape: 'concatenated JSON of EventBridge events',
    events: 8,
    skipped: /EventBridge event that is not from CloudTrail \("EC2 Instance State-change/,
  },
  'cloudwatch/log-events.jsonl': { shape: 'JSON lines of CloudWatch Logs events', events: 5 },
  'cloudwatch/logs-insights-results.json': {
    shape: 'JSON array of CloudWatch Logs events',
    events: 4,
  },
  'cloudwatch/export-task/218007301253_CloudTrail_us-east-1/000000.gz': {
    shape: 'CloudWatch Logs export (timestamped lines)',
    events: 6,
  },
  'firehose/cwl-subscription-2025-03-06-00-05-00-4d5e6f': {
    shape: 'concatenated JSON of CloudWatch Logs subscription payloads, gzipped twice',
    events: 5,
  },
  'event_history_with_records.csv': { shape: 'Event history CSV', events: 4 },
  'lookup-events.json': { shape: 'lookup-events output', events: 4 },
  [`${LAKE}/result_1.csv.gz`]: { shape: 'CloudTrail Lake results (CSV)', events: 3 },
  'lake-get-query-results.json': { shape: 'CloudTrail Lake results (JSON)', events: 2 },
  'newer-record-kinds.json': { shape: 'Records envelope', events: 4 },
};

const SKIPPED: Record<string, RegExp> = {
  'event_history.csv': /Event history CSV holds only the table's columns/,
  [`${LAKE}/result_2.csv`]:
    /without the event JSON \(columns: eventName, calls\); select eventJson/,
  [`${LAKE}/result_sign.json`]: /result signature file/,
  'notes.txt': /neither gzip, JSON, CSV nor CloudWatch Logs export lines/,
  'inventory.json': /no Records array, event or known wrapper \(keys: Items\)/,
  'LICENSES/LICENSE-invictus-aws': /neither gzip, JSON, CSV/,
  'LICENSES/LICENSE-cloud-snitch': /neither gzip, JSON, CSV/,
  'LICENSES/LICENSE-cloud-custodian': /neither gzip, JSON, CSV/,
  'LICENSES/LICENSE-stratus-red-team': /neither gzip, JSON, CSV/,
  'LICENSES/LICENSE-traildiscover': /neither gzip, JSON, CSV/,
  'LICENSES/LICENSE-otrf': /neither gzip, JSON, CSV/,
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [relative(SHAPES, join(dir, e.name))],
  );
}

const parse = (path: string) =>
  parseLogFile({ file: new Blob([readFileSync(join(SHAPES, path))]), path });

describe('parseLogFile over every input shape (e2e/fixtures-shapes)', () => {
  it('knows every fixture file', () => {
    expect(files(SHAPES).sort()).toEqual(
      [...Object.keys(INGESTED), ...Object.keys(SKIPPED)].sort(),
    );
  });

  for (const [path, want] of Object.entries(INGESTED)) {
    it(`reads ${path} as ${want.shape} with ${want.events} events`, async () => {
      const r = await parse(path);
      if (r.status !== 'log') throw new Error(`${r.status}: ${'reason' in r ? r.reason : ''}`);
      expect(r.shape).toBe(want.shape);
      expect(r.chunk.count).toBe(want.events);
      expect(r.records).toBe(want.events + (want.skipped === undefined ? 0 : 1));
      if (want.skipped === undefined) {
        expect(r.invalidRecords).toBe(0);
      } else {
        expect(r.invalidRecords).toBe(1);
        expect(r.invalidReason).toMatch(want.skipped);
      }
    });
  }

  for (const [path, reason] of Object.entries(SKIPPED)) {
    it(`skips ${path} with a reason`, async () => {
      const r = await parse(path);
      expect(r.status).toBe('skipped');
      expect('reason' in r ? r.reason : '').toMatch(reason);
    });
  }

  it('reads each record of the folder exactly once: the distinct events are the files’ events', async () => {
    // scripts/makeShapeFixtures.js uses every real record once, so no two files may share an event.
    const ids = new Set<string>();
    let events = 0;
    for (const path of Object.keys(INGESTED)) {
      const r = await parse(path);
      if (r.status !== 'log') throw new Error(`${path}: ${r.status}`);
      const text = new Map(r.chunk.idText);
      for (let row = 0; row < r.chunk.count; row++) {
        const id = text.get(row) ?? unpackEventId(r.chunk.idWords, row * 4);
        expect(id, `${path} row ${String(row)}`).not.toBe('');
        ids.add(id);
      }
      events += r.chunk.count;
    }
    expect(ids.size).toBe(events);
    // e2e/shapes.spec.ts expects the app to show this many events after dropping the folder.
    expect(events).toBe(183);
  });
});
