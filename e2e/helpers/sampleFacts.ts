import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The sample "Load sample data" fetches: public/sample/, listed by its manifest.json. */
const SAMPLE = new URL('../../public/sample/', import.meta.url);

function isRecordList(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.every((r) => typeof r === 'object' && r !== null);
}

/**
 * The events the app must hold after "Load sample data", counted from the files themselves with
 * node:zlib and JSON.parse (none of the app's code): every record of every file the manifest lists,
 * with a record delivered again unchanged counted once, as the app stores it once.
 * @throws Error when a listed file is not a Records envelope (the sample is meant to be clean).
 */
export function sampleEventCount(): number {
  const manifest: unknown = JSON.parse(readFileSync(new URL('manifest.json', SAMPLE), 'utf8'));
  const files =
    typeof manifest === 'object' && manifest !== null && 'files' in manifest
      ? manifest.files
      : undefined;
  if (!Array.isArray(files) || files.length === 0)
    throw new Error('sample manifest lists no files');
  const seen = new Set<string>();
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
    for (const record of records) seen.add(JSON.stringify(record));
  }
  return seen.size;
}
