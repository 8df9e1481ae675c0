import { describe, expect, it } from 'vitest';
import { readSigmaRule } from '../../sigma/readSigmaRule';
import { queryRule, ruleFileName, sigmaDate } from './queryRule';

const META = {
  id: '0f3c1a52-7d4e-4a4b-9c1e-2b6f8d9e0a11',
  title: 'Trail stopped',
  author: 'Cairn user',
  date: '2026-08-14',
};

describe('queryRule', () => {
  it('writes a rule that reads back, with saved queries expanded', () => {
    const out = queryRule(
      'saved:stops -errorCode:*',
      [{ name: 'Stops', q: 'eventName:StopLogging' }],
      META,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.yaml).toContain('eventName: "StopLogging"');
    const read = readSigmaRule(out.yaml);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.rule.title).toBe('Trail stopped');
  });

  it('gives the reason for an empty query, a parse error, or a clause no rule can hold', () => {
    expect(queryRule('', [], META)).toEqual({
      ok: false,
      message: 'an empty query matches every event: add a clause to save',
    });
    expect(queryRule('saved:nope', [], META).ok).toBe(false);
    const file = queryRule('file:*.json.gz eventName:X', [], META);
    expect(file.ok).toBe(false);
    if (!file.ok) expect(file.message).toMatch(/^file: /);
    const rule = queryRule('rule:*', [], META);
    expect(rule.ok).toBe(false);
  });

  it('lists the approximations as notes', () => {
    const out = queryRule('StopLogging', [], META);
    expect(out.ok && out.notes.length).toBe(1);
  });
});

describe('ruleFileName and sigmaDate', () => {
  it('makes a safe .yml name from a title', () => {
    expect(ruleFileName('Trail stopped')).toBe('Trail stopped.yml');
    expect(ruleFileName('../../etc/passwd')).toBe('_.._etc_passwd.yml');
    expect(ruleFileName('a\u202eb"c')).toBe('a_b_c.yml');
    expect(ruleFileName('   ')).toBe('rule.yml');
    expect(ruleFileName('x'.repeat(300))).toHaveLength(104);
  });

  it('writes the local date as YYYY-MM-DD', () => {
    expect(sigmaDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
