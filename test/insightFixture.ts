import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The Insights fixture folder (built by scripts/makeInsightFixtures.js from the AWS docs' examples). */
export const INSIGHT_FIXTURES = new URL('../e2e/fixtures-insights/', import.meta.url).pathname;

/** Every file of the fixture's AWSLogs tree as `{ path, file }`, paths relative to the folder. */
export function insightInputs(): { path: string; file: Blob }[] {
  const out: { path: string; file: Blob }[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push({ path: relative(INSIGHT_FIXTURES, p), file: new Blob([readFileSync(p)]) });
    }
  };
  walk(join(INSIGHT_FIXTURES, 'AWSLogs'));
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Every record of the fixture files whose path contains `folder` (`/CloudTrail-Insight/`…), via node:zlib. */
export function insightFixtureRecords(folder: string): Record<string, unknown>[] {
  return insightInputs()
    .filter((i) => i.path.includes(folder))
    .flatMap((i) => {
      const text = gunzipSync(readFileSync(join(INSIGHT_FIXTURES, i.path))).toString('utf8');
      return (JSON.parse(text) as { Records: Record<string, unknown>[] }).Records;
    });
}
