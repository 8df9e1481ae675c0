import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FIXTURES } from './fixtureFiles';

/** A real invictus-aws trail file of the e2e fixtures (LICENSE-invictus-aws beside it). */
const SOURCE =
  'AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/218007301253_CloudTrail_us-east-1_20230710T1205Z_SjF3IkuNXJkoHyar.json.gz';

/**
 * An uncompressed trail file of the first `count` real records of SOURCE with their eventID
 * removed: events that can only be keyed by their file's SHA-256 and record index.
 */
export function recordsWithoutEventId(count: number): { path: string; file: Blob } {
  const parsed: unknown = JSON.parse(
    gunzipSync(readFileSync(join(FIXTURES, SOURCE))).toString('utf8'),
  );
  const records =
    typeof parsed === 'object' &&
    parsed !== null &&
    'Records' in parsed &&
    Array.isArray(parsed.Records)
      ? parsed.Records.slice(0, count)
      : [];
  const stripped: unknown[] = records.map((r: unknown) => {
    if (typeof r !== 'object' || r === null) return r;
    return Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'eventID'));
  });
  return {
    path: 'exports/no-event-ids.json',
    file: new Blob([JSON.stringify({ Records: stripped })]),
  };
}
