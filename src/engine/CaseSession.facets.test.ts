import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureInputs } from '../../test/fixtureFiles';
import { closeSessions, freshSession } from '../../test/sessions';
import { pickState, togglePick } from '../querylang/facetPick';
import { parseQuery } from '../querylang/parseQuery';
import { printQuery } from '../querylang/printQuery';
import type { Query } from '../querylang/types';
import type { SearchRequest } from '../search/types';
import type { CaseSession } from './CaseSession';

// The e2e AWSLogs tree and every bundled sample (test/fixtures/samples): events with no resources,
// with several of one type, and with resources of no type.
const SAMPLES = new URL('../../test/fixtures/samples/', import.meta.url).pathname;
function sampleInputs(dir = SAMPLES): { path: string; file: Blob }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sampleInputs(p);
    return /\.json(\.gz)?$/.test(e.name) ? [{ path: p, file: new Blob([readFileSync(p)]) }] : [];
  });
}

let engine: CaseSession;
beforeAll(async () => {
  engine = await freshSession();
  await engine.dataset.ingest([...fixtureInputs(), ...sampleInputs()]);
});
afterAll(closeSessions);

/** The query text a click on this facet value applies to `base` (the view's own edit). */
function clicked(base: string, field: string, value: string, exclude: boolean): string {
  return printQuery(togglePick(parsed(base), { field, value, exclude }));
}

function parsed(q: string): Query {
  const result = parseQuery(q);
  if (!result.ok) throw new Error(`does not parse: ${q}`);
  return result.query;
}

describe('facet counts over the samples', () => {
  const narrower: SearchRequest[] = [
    { q: '' },
    { q: 'eventSource:iam.amazonaws.com' },
    { q: 'errorCode:*' },
    { q: '-resourceType:*' },
    { q: 'resourceType:*' },
    { q: 'eventName:GetBucketAcl,ListBuckets,AssumeRole,RunInstances' },
    { q: '', from: Date.parse('2023-07-10T12:10:00Z'), to: Date.parse('2023-07-10T12:25:00Z') },
  ];
  it.each(narrower)(
    'every value listed, "(none)" included, counts what its click finds: %j',
    async (request) => {
      const status = await engine.search.run(request);
      expect(status.complete).toBe(true);
      expect(status.matchCount).toBeGreaterThan(0);
      const base = parsed(request.q);
      const facets = engine.search.facets(request, 100_000)?.facets ?? [];
      expect(facets.length).toBeGreaterThan(5);
      const wrong: string[] = [];
      let checked = 0;
      for (const facet of facets) {
        for (const { value, count } of facet.values) {
          // A click on a value already picked takes it away: it has no count to agree with.
          if (pickState(base, facet.field, value) !== undefined) continue;
          const shown = `${facet.field}=${value === '' ? '(none)' : value}`;
          const include = engine.search.count({
            ...request,
            q: clicked(request.q, facet.field, value, false),
          });
          if (include !== count) wrong.push(`${shown}: shows ${count}, click finds ${include}`);
          const exclude = engine.search.count({
            ...request,
            q: clicked(request.q, facet.field, value, true),
          });
          if (exclude !== status.matchCount - count)
            wrong.push(`${shown}: Alt+click finds ${exclude}, not ${status.matchCount} - ${count}`);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(20);
      expect(wrong).toEqual([]);
    },
  );
});
