import { describe, expect, it } from 'vitest';
import { compilePatterns } from './matchPattern';
import { parseQuery } from './parseQuery';

/** Compiles the values of `field:values` as the parser reads them. */
function matcher(values: string, field = 'f'): (value: string) => boolean {
  const outcome = parseQuery(`${field}:${values}`);
  const clause = outcome.ok ? outcome.query.clauses[0] : undefined;
  if (clause?.kind !== 'field') throw new Error(`${values}: no field clause`);
  return compilePatterns(clause.values, field);
}

function matching(values: string, candidates: readonly string[], field = 'f'): string[] {
  return candidates.filter(matcher(values, field));
}

describe('compilePatterns', () => {
  it('matches one part as the whole value, ignoring case', () => {
    expect(
      matching('AssumeRole', [
        'AssumeRole',
        'assumerole',
        'ASSUMEROLE',
        'AssumeRoleX',
        'Assume',
        '',
      ]),
    ).toEqual(['AssumeRole', 'assumerole', 'ASSUMEROLE']);
  });

  it('matches when any value matches', () => {
    expect(matching('alice,Bob', ['alice', 'bob', 'carol'])).toEqual(['alice', 'bob']);
  });

  it('matches wildcards as a glob anchored at both ends', () => {
    const names = ['iam.amazonaws.com', 'IAM.x', 'iam.', 'xiam.', 'siam', ''];
    expect(matching('iam.*', names)).toEqual(['iam.amazonaws.com', 'IAM.x', 'iam.']);
    expect(matching('*Role', ['AssumeRole', 'role', 'Roles', 'GetRolePolicy'])).toEqual([
      'AssumeRole',
      'role',
    ]);
    expect(
      matching('Get*Policy', [
        'GetRolePolicy',
        'GetPolicy',
        'getbucketpolicy',
        'GetPolicyVersion',
        'Policy',
      ]),
    ).toEqual(['GetRolePolicy', 'GetPolicy', 'getbucketpolicy']);
    expect(matching('*ole*', ['Role', 'olé', 'ole', 'Ol'])).toEqual(['Role', 'ole']);
  });

  it('never lets the first and last parts of a glob overlap', () => {
    expect(matching('ab*ba', ['aba', 'abba', 'abxba'])).toEqual(['abba', 'abxba']);
    expect(matching('a*b*c*d', ['abcd', 'abdcd', 'acbd', 'abc'])).toEqual(['abcd', 'abdcd']);
    expect(matching('a*b*b', ['axb', 'abb', 'abxb'])).toEqual(['abb', 'abxb']);
  });

  it('reads an escaped star literally', () => {
    expect(matching('a\\*b', ['a*b', 'axb', 'A*B'])).toEqual(['a*b', 'A*B']);
    expect(matching('a\\**', ['a*', 'a*b', 'ab'])).toEqual(['a*', 'a*b']);
  });

  it('matches a lone * (or **) against any non-empty value', () => {
    expect(matching('*', ['AccessDenied', ' ', ''])).toEqual(['AccessDenied', ' ']);
    expect(matching('**', ['x', ''])).toEqual(['x']);
  });

  it('matches an empty quoted value against the empty value only', () => {
    expect(matching('""', ['', ' ', 'x'])).toEqual(['']);
  });

  it('matches nothing for no values', () => {
    expect(compilePatterns([], 'f')('x')).toBe(false);
  });

  const V4 = [
    '10.0.0.1',
    '10.255.255.255',
    '11.0.0.0',
    '9.255.255.255',
    '192.168.1.1',
    '::ffff:10.1.2.3',
    '::ffff:11.1.2.3',
  ];

  it('matches IPv4 ranges, mapped IPv6 included', () => {
    expect(matching('10.0.0.0/8', V4, 'sourceIPAddress')).toEqual([
      '10.0.0.1',
      '10.255.255.255',
      '::ffff:10.1.2.3',
    ]);
    expect(matching('192.168.1.1/32', V4, 'sourceIPAddress')).toEqual(['192.168.1.1']);
    expect(matching('0.0.0.0/0', V4, 'sourceIPAddress')).toEqual(V4);
    expect(matching('10.1.2.3/8', V4, 'sourceIPAddress')).toEqual([
      '10.0.0.1',
      '10.255.255.255',
      '::ffff:10.1.2.3',
    ]);
    expect(matching('::ffff:10.0.0.0/104', V4, 'sourceIPAddress')).toEqual([
      '10.0.0.1',
      '10.255.255.255',
      '::ffff:10.1.2.3',
    ]);
  });

  const V6 = [
    '2001:db8::1',
    '2001:DB8:ffff::',
    '2001:db9::1',
    '::1',
    '0:0:0:0:0:0:0:1',
    '::2',
    '10.0.0.1',
  ];

  it('matches IPv6 ranges', () => {
    expect(matching('2001:db8::/32', V6, 'sourceIPAddress')).toEqual([
      '2001:db8::1',
      '2001:DB8:ffff::',
    ]);
    expect(matching('2001:db8::1/128', V6, 'sourceIPAddress')).toEqual(['2001:db8::1']);
    expect(matching('::1/128', V6, 'sourceIPAddress')).toEqual(['::1', '0:0:0:0:0:0:0:1']);
    expect(matching('::/0', V6, 'sourceIPAddress')).toEqual(V6.slice(0, -1));
  });

  it('matches a bare address in sourceIPAddress in any spelling, elsewhere as text', () => {
    expect(matching('::1', V6, 'sourceIPAddress')).toEqual(['::1', '0:0:0:0:0:0:0:1']);
    expect(matching('10.1.2.3', ['10.1.2.3', '::ffff:10.1.2.3'], 'ip')).toEqual([
      '10.1.2.3',
      '::ffff:10.1.2.3',
    ]);
    expect(matching('::1', V6, 'other')).toEqual(['::1']);
  });

  it('matches ranges in any field, and their exact text', () => {
    const values = ['10.1.1.1', '10.0.0.0/8', '8.8.8.8'];
    expect(matching('10.0.0.0/8', values, 'requestParameters.cidrIp')).toEqual([
      '10.1.1.1',
      '10.0.0.0/8',
    ]);
  });

  it('never puts a value that is not an IP in a range', () => {
    const values = [
      'AWS Internal',
      'ec2.amazonaws.com',
      '',
      '10.0.0',
      '10.0.0.1.5',
      '010.0.0.1',
      '10.0.0.1/8x',
    ];
    expect(matching('0.0.0.0/0', values, 'sourceIPAddress')).toEqual([]);
    expect(matching('::/0', values, 'sourceIPAddress')).toEqual([]);
  });

  it('treats a malformed range as text', () => {
    expect(matching('10.0.0.0/33', ['10.0.0.1', '10.0.0.0/33'], 'sourceIPAddress')).toEqual([
      '10.0.0.0/33',
    ]);
  });
});
