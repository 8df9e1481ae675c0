import { describe, expect, it } from 'vitest';
import { httpUrl, techniqueUrl } from './httpUrl';

describe('httpUrl', () => {
  it('keeps http and https references as links', () => {
    expect(httpUrl('https://docs.aws.amazon.com/a?b=c')).toBe('https://docs.aws.amazon.com/a?b=c');
    expect(httpUrl(' http://example.com ')).toBe('http://example.com/');
  });

  it('leaves every other reference as text', () => {
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:x',
      '//evil.example/',
      'see the AWS docs',
      'https://',
      '',
    ])
      expect(httpUrl(text), text).toBeUndefined();
  });
});

describe('techniqueUrl', () => {
  it('links techniques and sub-techniques to their ATT&CK page', () => {
    expect(techniqueUrl('T1562')).toBe('https://attack.mitre.org/techniques/T1562/');
    expect(techniqueUrl('T1562.008')).toBe('https://attack.mitre.org/techniques/T1562/008/');
  });

  it('does not link anything else', () => {
    expect(techniqueUrl('T1562/../x')).toBeUndefined();
    expect(techniqueUrl('defense-evasion')).toBeUndefined();
  });
});
