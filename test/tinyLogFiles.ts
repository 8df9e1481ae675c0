import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FIXTURES } from './fixtureFiles';

/** A real invictus-aws trail file of the e2e fixtures (LICENSE-invictus-aws beside it). */
const SOURCE =
  'AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/218007301253_CloudTrail_us-east-1_20230710T1205Z_SjF3IkuNXJkoHyar.json.gz';

function realRecords(): Record<string, unknown>[] {
  const parsed: unknown = JSON.parse(
    gunzipSync(readFileSync(join(FIXTURES, SOURCE))).toString('utf8'),
  );
  if (typeof parsed !== 'object' || parsed === null || !('Records' in parsed)) return [];
  const records = parsed.Records;
  if (!Array.isArray(records)) return [];
  return records.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);
}

/**
 * `count` small uncompressed trail files of `perFile` real records each, every record with its own
 * eventID (a UUID made from its file and position), so the distinct events are count × perFile.
 * Paths look like a delivered AWSLogs tree; each file is a few KB.
 */
export function tinyLogFiles(count: number, perFile: number): { path: string; file: Blob }[] {
  const records = realRecords();
  if (records.length === 0) throw new Error(`no records in ${SOURCE}`);
  const out: { path: string; file: Blob }[] = [];
  for (let f = 0; f < count; f++) {
    const batch = [];
    for (let k = 0; k < perFile; k++) {
      const n = f * perFile + k;
      const hex = n.toString(16).padStart(12, '0');
      batch.push({ ...records[n % records.length], eventID: `00000000-0000-4000-8000-${hex}` });
    }
    const id = f.toString(36).padStart(16, '0');
    out.push({
      path: `AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/218007301253_CloudTrail_us-east-1_20230710T1200Z_${id}.json`,
      file: new Blob([JSON.stringify({ Records: batch })]),
    });
  }
  return out;
}
