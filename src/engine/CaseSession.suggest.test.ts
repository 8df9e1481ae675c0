import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureInputs } from '../../test/fixtureFiles';
import { closeSessions, freshSession } from '../../test/sessions';
import { quoteValue } from '../ui/search-bar/tokenAtCursor';
import type { SearchRequest } from '../search/types';
import type { CaseSession } from './CaseSession';

let engine: CaseSession;
beforeAll(async () => {
  engine = await freshSession();
  await engine.dataset.ingest(fixtureInputs());
});
afterAll(closeSessions);

/** A plain reference: the events matching `request`, read row by row from the search's pages. */
async function matching(request: SearchRequest): Promise<number> {
  const status = await engine.search.run(request);
  expect(status.error).toBeUndefined();
  return status.matchCount;
}

describe('autocomplete counts under the current filter', () => {
  const FIELDS = ['eventName', 'userName', 'resourceType', 'resourceName', 'sourceIPAddress'];
  const BASES: SearchRequest[] = [
    { q: '' },
    { q: 'readOnly:false' },
    { q: '-eventSource:s3.amazonaws.com userName:*' },
    // A time range alone: the first half of the fixture's day.
    { q: '', from: Date.UTC(2023, 6, 10, 0), to: Date.UTC(2023, 6, 10, 12) },
  ];
  for (const base of BASES) {
    for (const field of FIELDS) {
      it(`each ${field}: count under ${JSON.stringify(base)} equals the match count with that value added`, async () => {
        const answer = engine.search.suggestUnder(base, field, '', 50);
        expect(answer.under).toBe(await matching(base));
        expect(answer.values.length).toBeGreaterThan(0);
        for (const { value, count } of answer.values) {
          const added = `${base.q} ${field}:${quoteValue(value)}`.trim();
          expect({ value, count }).toEqual({ value, count: await matching({ ...base, q: added }) });
        }
      });
    }
  }

  it('counts under a filter that needs a record scan once its result is held', async () => {
    const base = { q: 'AssumeRole' };
    const total = await matching(base);
    const answer = engine.search.suggestUnder(base, 'userName', '', 50);
    expect(answer.under).toBe(total);
    for (const { value, count } of answer.values) {
      expect(count).toBe(await matching({ q: `AssumeRole userName:${quoteValue(value)}` }));
    }
  });
});
