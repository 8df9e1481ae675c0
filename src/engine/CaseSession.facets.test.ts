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

describe('the full list of a facet over the samples ("Show all")', () => {
  const requests: SearchRequest[] = [
    { q: '' },
    { q: 'errorCode:*' },
    { q: '', from: Date.parse('2023-07-10T12:10:00Z'), to: Date.parse('2023-07-10T12:25:00Z') },
  ];
  it.each(requests)(
    'lists every value, each counting what its click finds: %j',
    async (request) => {
      const status = await engine.search.run(request);
      const base = parsed(request.q);
      const facets = engine.search.facets(request, 8)?.facets ?? [];
      const wrong: string[] = [];
      let checked = 0;
      for (const facet of facets) {
        const list = engine.search.facetValues(request, facet.field, '', 1_000_000);
        if (list === undefined) throw new Error(`no list for ${facet.field}`);
        expect(list.values.length).toBe(facet.distinct);
        expect(list.matching).toBe(facet.distinct);
        // The top of the full list is what the sidebar shows.
        expect(list.values.slice(0, facet.values.length)).toEqual(facet.values);
        let sum = 0;
        for (const { value, count } of list.values) {
          sum += count;
          if (pickState(base, facet.field, value) !== undefined) continue;
          const include = engine.search.count({
            ...request,
            q: clicked(request.q, facet.field, value, false),
          });
          if (include !== count)
            wrong.push(`${facet.field}=${value}: lists ${count}, finds ${include}`);
          checked++;
        }
        // A column field has one value per event: its counts add up to the result.
        if (!facet.field.startsWith('resource')) expect(sum).toBe(status.matchCount);
      }
      expect(checked).toBeGreaterThan(100);
      expect(wrong).toEqual([]);
    },
  );

  it('narrows to values containing the text, any case, and says how many', async () => {
    const request = { q: '' };
    await engine.search.run(request);
    const all = engine.search.facetValues(request, 'userName', '', 1_000_000);
    const list = engine.search.facetValues(request, 'userName', 'STRATUS-RED', 1_000_000);
    const expected = (all?.values ?? []).filter((v) =>
      v.value.toLowerCase().includes('stratus-red'),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(list?.values).toEqual(expected);
    expect(list?.matching).toBe(expected.length);
    expect(list?.distinct).toBe(all?.distinct);
    expect(engine.search.facetValues(request, 'userName', 'STRATUS-RED', 1)?.values).toEqual(
      expected.slice(0, 1),
    );
  });
});

describe('values first seen in the time range, over the samples', () => {
  // The samples' events span days; a range late in them holds values earlier events lack.
  it.each([
    { q: '', from: Date.parse('2023-07-10T12:10:00Z'), to: Date.parse('2023-07-10T12:25:00Z') },
    { q: 'errorCode:*', from: Date.parse('2023-07-10T12:00:00Z') },
  ])('a value is new exactly when no event before the start has it: %j', async (request) => {
    await engine.search.run(request);
    const facets = engine.search.facets(request, 1_000_000)?.facets ?? [];
    const before = { q: '', to: request.from };
    let marked = 0;
    const wrong: string[] = [];
    for (const facet of facets) {
      const list = engine.search.facetValues(request, facet.field, '', 1_000_000);
      expect(list?.values).toEqual(facet.values);
      for (const { value, firstSeen } of facet.values) {
        if (value === '') {
          if (firstSeen === true) wrong.push(`${facet.field}=(none) marked`);
          continue;
        }
        // The reference: the click's clause, over every event before the range.
        const earlier = engine.search.count({
          ...before,
          q: clicked('', facet.field, value, false),
        });
        if ((earlier === 0) !== (firstSeen === true))
          wrong.push(`${facet.field}=${value}: ${earlier} before, marked ${firstSeen === true}`);
        if (firstSeen === true) marked++;
      }
    }
    expect(marked).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
    // All time: nothing is new.
    await engine.search.run({ q: request.q });
    const allTime = engine.search.facets({ q: request.q }, 1_000_000)?.facets ?? [];
    expect(allTime.flatMap((f) => f.values).filter((v) => v.firstSeen)).toEqual([]);
  });
});
