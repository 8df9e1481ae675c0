import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The vendored SigmaHQ pack (rules/sigma, README there): what SOURCE.json promises is what is on
// disk, and every file is a CloudTrail rule carrying the credit the DRL 1.1 asks to keep.
const PACK = new URL('../rules/sigma/', import.meta.url).pathname;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function field(doc: unknown, key: string): unknown {
  return typeof doc === 'object' && doc !== null
    ? Object.entries(doc).find(([k]) => k === key)?.[1]
    : undefined;
}

describe('the vendored SigmaHQ CloudTrail rules', () => {
  const source: unknown = JSON.parse(readFileSync(join(PACK, 'SOURCE.json'), 'utf8'));
  const files = readdirSync(join(PACK, 'cloudtrail')).filter((f) => f.endsWith('.yml'));
  const rules = files.map((f) => {
    const doc: unknown = parse(readFileSync(join(PACK, 'cloudtrail', f), 'utf8'));
    return { file: f, doc };
  });

  it('holds as many rules as SOURCE.json says, from the commit the README names', () => {
    expect(field(source, 'rules')).toBe(57);
    expect(files).toHaveLength(57);
    expect(field(source, 'commit')).toBe('8eaafff1f2845a696050e05e72ba1140ee190698');
    expect(readFileSync(join(PACK, 'README.md'), 'utf8')).toContain(
      String(field(source, 'commit')),
    );
    expect(readFileSync(join(PACK, 'LICENSE.Detection.Rules.md'), 'utf8')).toContain(
      'Detection Rule License (DRL) 1.1',
    );
  });

  it.each(rules.map((r) => [r.file, r.doc] as const))(
    '%s is a CloudTrail rule with an id, a title, an author and a condition',
    (_file, doc) => {
      expect(String(field(doc, 'id'))).toMatch(UUID);
      expect(field(doc, 'title')).toEqual(expect.any(String));
      expect(String(field(doc, 'author')).trim()).not.toBe('');
      const logsource = field(doc, 'logsource');
      expect(field(logsource, 'product')).toBe('aws');
      expect(field(logsource, 'service')).toBe('cloudtrail');
      expect(field(field(doc, 'detection'), 'condition')).toBeDefined();
    },
  );

  it('gives every rule its own id', () => {
    const ids = rules.map((r) => field(r.doc, 'id'));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
