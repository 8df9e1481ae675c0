import { describe, expect, it } from 'vitest';
import { MAX_BUNDLE_ANNOTATIONS, validateCaseManifest } from './caseManifest';

const SHA = 'a'.repeat(64);

function good(): Record<string, unknown> {
  return {
    format: 'cairn-case-bundle',
    version: 1,
    exportedAt: '2026-11-30T05:00:00.000Z',
    caseName: 'Incident 42',
    view: '?q=tag%3Aphishing&order=asc',
    annotations: [
      {
        key: '3038ebd2-c98a-4c65-9b6e-e22506292313',
        bookmarked: true,
        tags: ['phishing', ' Phishing ', 'recon'],
        note: '<img src=x onerror=alert(1)>',
        updatedAt: 1_700_000_000_000,
        eventTime: 1_688_990_700_000,
        eventName: 'ConsoleLogin',
      },
      { key: `file:${SHA}#3`, bookmarked: false, tags: [], note: 'n', updatedAt: 1 },
    ],
    files: [
      {
        path: 'AWSLogs/a.json.gz',
        size: 10,
        sha256: SHA,
        kind: 'log',
        events: 3,
        entry: 'files/a',
      },
      { path: 'b.json', size: 0, sha256: 'b'.repeat(64), kind: 'digest', events: 0 },
    ],
  };
}

describe('validateCaseManifest', () => {
  it('reads at most the cap of annotations and counts the rest (a million by default)', () => {
    const json = good();
    const one = { key: 'k', bookmarked: true, tags: [], note: '', updatedAt: 1 };
    json['annotations'] = Array.from({ length: 5 }, (_, i) => ({ ...one, key: `k${i}` }));
    const checked = validateCaseManifest(json, 3);
    if (!checked.ok) throw new Error(checked.error);
    expect(checked.manifest.annotations.map((a) => a.key)).toEqual(['k0', 'k1', 'k2']);
    expect(checked.droppedAnnotations).toBe(2);
    const all = validateCaseManifest(json);
    expect(all.ok && all.droppedAnnotations).toBe(0);
    expect(MAX_BUNDLE_ANNOTATIONS).toBe(1_000_000);
    // Past the cap nothing is even checked: a broken annotation there does not refuse the bundle.
    json['annotations'] = [one, one, 'not an annotation'];
    expect(validateCaseManifest(json, 2)).toMatchObject({ ok: true, droppedAnnotations: 1 });
  });

  it('accepts a good manifest and keeps only checked values (tags normalised, text as text)', () => {
    const json = good();
    const outcome = validateCaseManifest({ ...json, extra: 'dropped' });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.manifest).not.toHaveProperty('extra');
    expect(outcome.manifest.annotations[0]?.tags).toEqual(['phishing', 'recon']);
    expect(outcome.manifest.annotations[0]?.note).toBe('<img src=x onerror=alert(1)>');
    expect(outcome.manifest.annotations[1]).not.toHaveProperty('eventTime');
    expect(outcome.manifest.files[1]).not.toHaveProperty('entry');
    expect(outcome.manifest.view).toBe('?q=tag%3Aphishing&order=asc');
  });

  const bad: [string, (m: Record<string, unknown>) => unknown, string][] = [
    ['not an object', () => [1, 2], 'must be a JSON object'],
    ['another format', (m) => ({ ...m, format: 'zip' }), 'Not a Cairn case bundle'],
    ['another version', (m) => ({ ...m, version: 2 }), 'Unsupported bundle version'],
    ['a bad exportedAt', (m) => ({ ...m, exportedAt: 'yesterday' }), 'exportedAt'],
    ['a view that is not a search string', (m) => ({ ...m, view: 'javascript:x' }), 'view'],
    ['a missing caseName', (m) => ({ ...m, caseName: undefined }), 'caseName must be text'],
    ['annotations not a list', (m) => ({ ...m, annotations: {} }), 'annotations must be a list'],
    [
      'a bookmark that is not boolean',
      (m) => ({
        ...m,
        annotations: [{ key: 'k', bookmarked: 'yes', tags: [], note: '', updatedAt: 1 }],
      }),
      'annotations[0].bookmarked',
    ],
    [
      'a tag that is not text',
      (m) => ({
        ...m,
        annotations: [{ key: 'k', bookmarked: true, tags: [7], note: '', updatedAt: 1 }],
      }),
      'annotations[0].tags[0]',
    ],
    [
      'an updatedAt that is not a time',
      (m) => ({
        ...m,
        annotations: [{ key: 'k', bookmarked: true, tags: [], note: '', updatedAt: 'now' }],
      }),
      'annotations[0].updatedAt',
    ],
    [
      'a note too long',
      (m) => ({
        ...m,
        annotations: [
          { key: 'k', bookmarked: true, tags: [], note: 'x'.repeat(20_001), updatedAt: 1 },
        ],
      }),
      'annotations[0].note is longer',
    ],
    [
      'a bad SHA-256',
      (m) => ({ ...m, files: [{ path: 'p', size: 1, sha256: 'ABC', kind: 'log', events: 1 }] }),
      'files[0].sha256',
    ],
    [
      'a negative size',
      (m) => ({ ...m, files: [{ path: 'p', size: -1, sha256: SHA, kind: 'log', events: 1 }] }),
      'files[0].size',
    ],
    [
      'an unknown kind',
      (m) => ({ ...m, files: [{ path: 'p', size: 1, sha256: SHA, kind: 'exe', events: 1 }] }),
      'files[0].kind',
    ],
    [
      'a prototype-polluting key only',
      (m) => ({ ...m, files: JSON.parse('[{"__proto__": {"path": "p"}}]') as unknown }),
      'files[0].sha256',
    ],
  ];
  it.each(bad)('refuses %s, naming the field', (_, change, message) => {
    const outcome = validateCaseManifest(change(good()));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error).toMatch(/^Invalid case bundle: /);
      expect(outcome.error).toContain(message);
    }
  });
});
