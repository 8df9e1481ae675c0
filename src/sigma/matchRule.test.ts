import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchRule } from './matchRule';
import { readSigmaRule } from './readSigmaRule';
import type { SigmaRule } from './types';

const PACK = new URL('../../rules/sigma/cloudtrail/', import.meta.url).pathname;
const STRATUS = new URL(
  '../../test/fixtures/samples/stratus-red-team/detonation-logs/',
  import.meta.url,
).pathname;

function rule(detection: string): SigmaRule {
  const r = readSigmaRule(`title: t\nid: x\ndetection:\n${detection}`);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.rule;
}
const shipped = (file: string) => {
  const r = readSigmaRule(readFileSync(join(PACK, file), 'utf8'));
  if (!r.ok) throw new Error(file);
  return r.rule;
};
const detonation = (name: string): unknown[] => {
  const v: unknown = JSON.parse(readFileSync(join(STRATUS, `${name}.json`), 'utf8'));
  return Array.isArray(v) ? v : [];
};

describe('matchRule, the Sigma value rules', () => {
  const record = {
    eventName: 'DeleteTrail',
    eventSource: 'cloudtrail.amazonaws.com',
    errorCode: null,
    userIdentity: { arn: 'arn:aws:sts::1:assumed-role/aws:ec2-instance/i-1', userName: 'Bob' },
    requestParameters: { name: 'prod*trail', instanceIds: ['i-1', 'i-2'], userName: 'bob' },
    sourceIPAddress: '10.1.2.3',
    userAgent: '-command x',
    additionalEventData: { blob: 'xx c2VjcmV0 yy' },
  };
  it.each([
    ['plain values are whole and any case', '    eventName: deletetrail', true],
    ['a plain value does not match a part', '    eventName: Delete', false],
    ['* and ? wildcards', '    eventName: De?ete*', true],
    ['an escaped * is literal', '    requestParameters.name: prod\\*trail', true],
    ['an escaped * is not a wildcard', '    requestParameters.name: prod\\*', false],
    [
      'an escaped * alone after a wildcard is still literal',
      '    requestParameters.name: p*\\*',
      false,
    ],
    ['a wildcard then a literal *', '    requestParameters.name: p*\\*trail', true],
    ['contains', '    eventSource|contains: TRAIL', true],
    [
      'startswith and endswith',
      '    eventName|startswith: delete\n    eventSource|endswith: .com',
      true,
    ],
    ['cased refuses another case', '    eventName|cased: deletetrail', false],
    ['a list is any value', '    eventName: [StopLogging, DeleteTrail]', true],
    ['all needs every value', '    eventSource|contains|all: [cloud, nope]', false],
    [
      'a list in the record matches through any element',
      '    requestParameters.instanceIds: i-2',
      true,
    ],
    ['null matches a null field', '    errorCode: null', true],
    ['null matches a missing field', '    errorMessage: null', true],
    ['null does not match a present field', '    eventName: null', false],
    ['exists', '    errorMessage|exists: false\n    eventName|exists: true', true],
    ['re is case-sensitive by default', "    userIdentity.arn|re: '.+:ASSUMED-role/aws:.+'", false],
    ['re with i', "    userIdentity.arn|re|i: '.+:ASSUMED-role/aws:.+'", true],
    ['cidr', "    sourceIPAddress|cidr: ['192.168.0.0/16', '10.0.0.0/8']", true],
    [
      'fieldref compares with another field, any case',
      '    userIdentity.userName|fieldref: requestParameters.userName',
      true,
    ],
    ['windash', '    userAgent|windash: /command x', false],
    ['windash spells the leading dash every way', '    userAgent|windash: -command x', true],
    ['base64|contains', '    additionalEventData.blob|base64|contains: secret', true],
    ['base64offset|contains', '    additionalEventData.blob|base64offset|contains: secret', true],
  ])('%s', (_name, selection, expected) => {
    const test = matchRule(rule(`  selection:\n${selection}\n  condition: selection`));
    expect(test(record)).toBe(expected);
  });

  it('keywords search every value of the record, any case', () => {
    expect(matchRule(rule('  keywords: [I-2]\n  condition: keywords'))(record)).toBe(true);
    expect(matchRule(rule('  keywords: [nowhere]\n  condition: keywords'))(record)).toBe(false);
  });

  it('runs a catastrophic-backtracking pattern in linear time (RE2), on a long value', () => {
    const long = { eventName: `${'a'.repeat(50_000)}!` };
    const test = matchRule(
      rule("  selection:\n    eventName|re: '^(a+)+$'\n  condition: selection"),
    );
    // A backtracking engine would not return in the life of the test; RE2 answers at once.
    expect(test(long)).toBe(false);
  });
});

describe('shipped rules on real Stratus Red Team detonations', () => {
  const byTitle = new Map(
    readdirSync(PACK)
      .filter((f) => f.endsWith('.yml'))
      .map((f) => [shipped(f).title, shipped(f)] as const),
  );
  it.each([
    ['aws.defense-evasion.cloudtrail-stop', 'AWS CloudTrail Important Change', 'StopLogging'],
    ['aws.defense-evasion.cloudtrail-delete', 'AWS CloudTrail Important Change', 'DeleteTrail'],
  ])('%s: "%s" hits its %s event', (file, title, eventName) => {
    const r = byTitle.get(title);
    if (r === undefined) throw new Error(`no rule ${title}`);
    const test = matchRule(r);
    const hits = detonation(file).filter(test);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h).toMatchObject({ eventName });
  });

  it('every shipped rule compiles', () => {
    expect([...byTitle.values()].map((r) => typeof matchRule(r))).toEqual(
      Array<string>(byTitle.size).fill('function'),
    );
  });
});
