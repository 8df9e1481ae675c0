import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The e2e AWSLogs folder: real trail files, a re-delivery, a truncated file, a digest and a note. */
export const AWSLOGS = new URL('../fixtures/AWSLogs', import.meta.url).pathname;

interface Rec {
  eventID?: string;
  eventTime?: string;
}

/** Distinct records (by eventID) of the readable fixture log files, read with node:zlib. */
export function fixtureRecords(): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.includes('/CloudTrail/') && p.endsWith('.json.gz')) {
        try {
          const parsed = JSON.parse(gunzipSync(readFileSync(p)).toString('utf8')) as {
            Records: Record<string, unknown>[];
          };
          for (const r of parsed.Records) out.set(String(r['eventID']), r);
        } catch {
          // The truncated file holds no countable events.
        }
      }
    }
  };
  walk(AWSLOGS);
  return out;
}

/**
 * Facts about the fixture computed independently of the app (node:zlib + JSON.parse): the distinct
 * eventIDs of the readable log files and the newest events.
 */
export function fixtureFacts(): {
  distinctIds: number;
  newestTime: string;
  newestIds: Set<string>;
} {
  const records: Rec[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.includes('/CloudTrail/') && p.endsWith('.json.gz')) {
        try {
          const parsed = JSON.parse(gunzipSync(readFileSync(p)).toString('utf8')) as {
            Records: Rec[];
          };
          records.push(...parsed.Records);
        } catch {
          // The truncated file: the app must report it, and it holds no countable events.
        }
      }
    }
  };
  walk(AWSLOGS);
  const ids = new Set(records.map((r) => r.eventID ?? ''));
  const newestTime =
    records
      .map((r) => r.eventTime ?? '')
      .sort()
      .at(-1) ?? '';
  const newestIds = new Set(
    records.filter((r) => r.eventTime === newestTime).map((r) => r.eventID ?? ''),
  );
  return { distinctIds: ids.size, newestTime, newestIds };
}
