import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The sample "Load sample data" fetches: public/sample/, listed by its manifest.json. */
const SAMPLE = new URL('../../public/sample/', import.meta.url);

function isRecordList(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.every((r) => typeof r === 'object' && r !== null);
}

/**
 * The events the app must hold after "Load sample data", read from the files themselves with
 * node:zlib and JSON.parse (none of the app's code): every record of every file the manifest lists,
 * with a record delivered again unchanged kept once, as the app stores it once.
 * @throws Error when a listed file is not a Records envelope (the sample is meant to be clean).
 */
export function sampleRecords(): Record<string, unknown>[] {
  const manifest: unknown = JSON.parse(readFileSync(new URL('manifest.json', SAMPLE), 'utf8'));
  const files =
    typeof manifest === 'object' && manifest !== null && 'files' in manifest
      ? manifest.files
      : undefined;
  if (!Array.isArray(files) || files.length === 0)
    throw new Error('sample manifest lists no files');
  const seen = new Map<string, Record<string, unknown>>();
  for (const path of files) {
    if (typeof path !== 'string') throw new Error('sample manifest lists a non-path');
    const raw = readFileSync(new URL(path, SAMPLE));
    const parsed: unknown = JSON.parse(
      (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'),
    );
    const records =
      typeof parsed === 'object' && parsed !== null && 'Records' in parsed
        ? parsed.Records
        : undefined;
    if (!isRecordList(records)) throw new Error(`${path}: no Records array`);
    for (const record of records) seen.set(JSON.stringify(record), record);
  }
  return [...seen.values()];
}

/** How many events "Load sample data" stores (sampleRecords, counted). */
export function sampleEventCount(): number {
  return sampleRecords().length;
}
