import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The e2e fixture tree (a real AWSLogs folder with awkward extras), shared by unit tests. */
export const FIXTURES = new URL('../e2e/fixtures/', import.meta.url).pathname;

/** Every file under `dir` as `{ path, file }`, paths relative to `root` (FIXTURES), sorted. */
export function fixtureInputs(dir = FIXTURES, root = FIXTURES): { path: string; file: Blob }[] {
  const out: { path: string; file: Blob }[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push({ path: relative(root, p), file: new Blob([readFileSync(p)]) });
    }
  };
  walk(dir);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Distinct eventIDs across the given paths, read independently of the app's code with node:zlib. */
export function distinctEventIds(paths: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const p of paths) {
    const raw = readFileSync(join(FIXTURES, p));
    let parsed: unknown;
    try {
      parsed = JSON.parse((p.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
    } catch {
      continue;
    }
    const records = (parsed as { Records?: { eventID?: string }[] }).Records ?? [];
    for (const r of records) if (typeof r.eventID === 'string') ids.add(r.eventID);
  }
  return ids;
}

/** Distinct records (by eventID, last delivery wins) across the given paths, read with node:zlib. */
export function distinctRecords(paths: readonly string[]): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const p of paths) {
    const raw = readFileSync(join(FIXTURES, p));
    let parsed: unknown;
    try {
      parsed = JSON.parse((p.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
    } catch {
      continue;
    }
    const records = (parsed as { Records?: Record<string, unknown>[] }).Records ?? [];
    for (const r of records) if (typeof r['eventID'] === 'string') out.set(r['eventID'], r);
  }
  return out;
}
