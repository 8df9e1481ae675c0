import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCallMeanings } from './callMeanings';

// The vendored TrailDiscover data (rules/traildiscover, README there), read as the app reads it.
const DIR = new URL('../../rules/traildiscover/', import.meta.url).pathname;
const vendored: unknown = JSON.parse(readFileSync(`${DIR}events.json`, 'utf8'));

/** A well-formed entry, to break one field at a time. */
function entry(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    description: 'Suspends the recording of AWS API calls.',
    tactics: ['TA0005 - Defense Evasion'],
    techniques: ['T1562.008 - Impair Defenses: Disable or Modify Cloud Logs'],
    incidents: [{ title: 'LUCR-3', link: 'https://example.com/lucr-3' }],
    research: [],
    page: 'https://traildiscover.cloud/#CloudTrail-StopLogging',
    ...over,
  };
}

describe('the vendored TrailDiscover descriptions', () => {
  const meanings = readCallMeanings(vendored);
  const source: unknown = JSON.parse(readFileSync(`${DIR}SOURCE.json`, 'utf8'));

  it('all pass the reader, as many as SOURCE.json says', () => {
    expect(meanings.dropped).toEqual([]);
    expect(Array.isArray(vendored) ? vendored.length : -1).toBe(meanings.entries.length);
    expect(source).toMatchObject({ events: meanings.entries.length });
    // TrailDiscover describes 380 calls at the vendored commit (not the ~700 files of its events/
    // folder: half of those are example records).
    expect(new Set(meanings.entries.map((m) => m.eventName)).size).toBeGreaterThanOrEqual(350);
    expect(readFileSync(`${DIR}LICENSE`, 'utf8')).toContain('Attribution 4.0 International');
  });

  it('ties trail tampering to defense evasion, with incidents and its own page', () => {
    for (const name of ['StopLogging', 'DeleteTrail']) {
      const m = meanings.lookup('cloudtrail.amazonaws.com', name);
      expect(m?.tactics).toContainEqual({ id: 'TA0005', name: 'Defense Evasion' });
      expect(m?.page).toBe(`https://traildiscover.cloud/#CloudTrail-${name}`);
    }
    const stop = meanings.lookup('cloudtrail.amazonaws.com', 'StopLogging');
    expect(stop?.techniques.map((t) => t.id)).toContain('T1562.008');
    expect(stop?.incidents.length).toBeGreaterThan(0);
  });

  it('prefers the entry of the same eventSource, and else falls back to the name', () => {
    const names = meanings.entries.map((m) => m.eventName);
    const shared = names.find((n, i) => names.indexOf(n) !== i);
    expect(shared).toBeDefined();
    const sources = meanings.entries
      .filter((m) => m.eventName === shared)
      .map((m) => m.eventSource);
    for (const s of sources) expect(meanings.lookup(s, shared ?? '')?.eventSource).toBe(s);
    expect(meanings.lookup('nowhere.amazonaws.com', shared ?? '')?.eventName).toBe(shared);
    expect(meanings.exact('nowhere.amazonaws.com', shared ?? '')).toBeUndefined();
    expect(meanings.lookup('cloudtrail.amazonaws.com', 'stoplogging')).toBeUndefined();
    expect(meanings.lookup('cloudtrail.amazonaws.com', 'NoSuchCall')).toBeUndefined();
  });
});

describe('readCallMeanings', () => {
  it('reads a well-formed entry into ids and names', () => {
    const m = readCallMeanings([entry()]);
    expect(m.dropped).toEqual([]);
    expect(m.entries[0]).toEqual({
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'StopLogging',
      description: 'Suspends the recording of AWS API calls.',
      tactics: [{ id: 'TA0005', name: 'Defense Evasion' }],
      techniques: [{ id: 'T1562.008', name: 'Impair Defenses: Disable or Modify Cloud Logs' }],
      incidents: [{ title: 'LUCR-3', link: 'https://example.com/lucr-3' }],
      research: [],
      page: 'https://traildiscover.cloud/#CloudTrail-StopLogging',
    });
  });

  it.each([
    ['a non-object', 'StopLogging'],
    ['a numeric description', entry({ description: 42 })],
    ['an empty description', entry({ description: '  ' })],
    ['an over-long description', entry({ description: 'x'.repeat(2001) })],
    ['a bidi override in the description', entry({ description: 'safe \u202Egnp.exe' })],
    ['a newline in a title', entry({ incidents: [{ title: 'a\nb', link: 'https://e.com' }] })],
    ['a javascript: link', entry({ incidents: [{ title: 'x', link: 'javascript:alert(1)' }] })],
    ['a link with credentials', entry({ research: [{ title: 'x', link: 'https://u:p@e.com/' }] })],
    ['a link that is no URL', entry({ research: [{ title: 'x', link: 'not a url' }] })],
    ['a link list that is an object', entry({ incidents: { title: 'x', link: 'https://e.com' } })],
    ['a link without a title', entry({ incidents: [{ link: 'https://e.com' }] })],
    ['tactics as a string', entry({ tactics: 'TA0005 - Defense Evasion' })],
    ['a technique filed as a tactic', entry({ tactics: ['T1496 - Resource Hijacking'] })],
    ['a technique without its id', entry({ techniques: ['Impair Defenses'] })],
    ['a page elsewhere', entry({ page: 'https://evil.example/#CloudTrail-StopLogging' })],
    ['an eventSource that is no endpoint', entry({ eventSource: '<img src=x>' })],
    ['an eventName with markup', entry({ eventName: '<b>StopLogging</b>' })],
    ['a missing eventName', entry({ eventName: undefined })],
    [
      'too many incidents',
      entry({ incidents: Array(65).fill({ title: 'x', link: 'https://e.com' }) }),
    ],
  ])('drops an entry with %s, keeping the others', (_what, bad) => {
    const m = readCallMeanings([entry({ eventName: 'DeleteTrail' }), bad, entry()]);
    expect(m.dropped).toEqual([{ index: 1, reason: expect.any(String) }]);
    expect(m.entries.map((e) => e.eventName)).toEqual(['DeleteTrail', 'StopLogging']);
  });

  it('drops a repeated eventSource and eventName, keeping the first', () => {
    const m = readCallMeanings([entry(), entry({ description: 'second' })]);
    expect(m.dropped).toEqual([{ index: 1, reason: expect.stringContaining('repeated') }]);
    expect(m.lookup('cloudtrail.amazonaws.com', 'StopLogging')?.description).not.toBe('second');
  });

  it('is not fooled by an eventName that names an object property', () => {
    const m = readCallMeanings([entry()]);
    expect(m.lookup('cloudtrail.amazonaws.com', '__proto__')).toBeUndefined();
    expect(m.lookup('cloudtrail.amazonaws.com', 'constructor')).toBeUndefined();
  });

  it('refuses a file that is not a list', () => {
    expect(() => readCallMeanings({ StopLogging: entry() })).toThrow('not a list');
    expect(() => readCallMeanings(null)).toThrow('not a list');
  });
});
