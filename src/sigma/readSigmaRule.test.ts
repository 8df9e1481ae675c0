import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSigmaRule } from './readSigmaRule';

const PACK = new URL('../../rules/sigma/cloudtrail/', import.meta.url).pathname;
const shipped = readdirSync(PACK)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => [f, readFileSync(join(PACK, f), 'utf8')] as const);

describe('readSigmaRule', () => {
  it.each(shipped)('reads the shipped rule %s whole', (_file, text) => {
    const r = readSigmaRule(text);
    expect(r.ok ? [] : r.problems).toEqual([]);
    if (!r.ok) return;
    expect(r.rule.author).not.toBe('');
    expect(r.rule.selections.size).toBeGreaterThan(0);
    // Every identifier the condition names (apart from wildcards) is a selection of the rule.
    const named = r.rule.condition.match(/[A-Za-z_][\w]*\*?/g) ?? [];
    for (const n of named.filter((w) => !['and', 'or', 'not', 'of', 'all', 'them'].includes(w)))
      if (!n.endsWith('*')) expect(r.rule.selections.has(n), n).toBe(true);
  });

  it('reads the fieldref rule with its modifier and the field it names', () => {
    const text = shipped.find(([, t]) => t.includes('|fieldref'))?.[1] ?? '';
    const r = readSigmaRule(text);
    if (!r.ok) throw new Error('not read');
    const tests = [...r.rule.selections.values()].flatMap((s) =>
      s.kind === 'all' ? s.tests : s.kind === 'any' ? s.groups.flat() : [],
    );
    expect(tests).toContainEqual(
      expect.objectContaining({
        field: 'userIdentity.arn',
        modifiers: ['fieldref'],
        values: ['requestParameters.userName'],
      }),
    );
  });

  it('refuses a rule with an unknown modifier, naming it and its line, never half-applying it', () => {
    const r = readSigmaRule(
      [
        'title: t',
        'id: 0e5b1a5e-0000-4000-8000-000000000000',
        'detection:',
        '  selection:',
        '    eventName|contains: Delete',
        '    eventSource|utf16le: x',
        '  condition: selection',
      ].join('\n'),
    );
    expect(r).toEqual({
      ok: false,
      problems: [{ message: 'the modifier "utf16le" is not supported', line: 6 }],
    });
  });

  it('reads keywords, lists of maps and null, and refuses timeframes, correlations and nested values', () => {
    const ok = readSigmaRule(
      [
        'title: t',
        'id: x',
        'detection:',
        '  keywords: [evil, 42]',
        '  either:',
        '    - errorCode: null',
        '    - eventName: [A, B]',
        '  condition: keywords or either',
      ].join('\n'),
    );
    if (!ok.ok) throw new Error(JSON.stringify(ok.problems));
    expect(ok.rule.selections.get('keywords')).toEqual({ kind: 'keywords', values: ['evil', 42] });
    expect(ok.rule.selections.get('either')).toEqual({
      kind: 'any',
      groups: [
        [{ field: 'errorCode', modifiers: [], values: [null], line: 6 }],
        [{ field: 'eventName', modifiers: [], values: ['A', 'B'], line: 7 }],
      ],
    });
    const bad = readSigmaRule(
      [
        'title: t',
        'id: x',
        'correlation: {type: event_count}',
        'detection:',
        '  selection:',
        '    requestParameters: {a: 1}',
        '  timeframe: 5m',
        '  condition: selection',
      ].join('\n'),
    );
    expect(bad.ok ? [] : bad.problems.map((p) => p.line)).toEqual([0, 6, 7]);
  });

  it('reports YAML errors and missing parts with their lines', () => {
    const r = readSigmaRule('title: [unclosed\nid: x\n');
    expect(r.ok).toBe(false);
    expect(readSigmaRule('id: x\ndetection:\n  s: {a: 1}\n')).toEqual({
      ok: false,
      problems: [
        { message: '"title" is missing', line: 0 },
        { message: '"condition" is missing', line: 0 },
      ],
    });
  });
});
