import { describe, expect, it } from 'vitest';
import { rawTextRuns } from './rawTextRuns';

describe('rawTextRuns', () => {
  it('keeps line breaks and tabs, escapes the characters that hide or reorder text', () => {
    expect(rawTextRuns('{"a":1}\n{"b":"x\u202Ey"}\r\n\tz').runs).toEqual([
      { text: '{"a":1}\n{"b":"x', escaped: false },
      { text: '\\u202E', escaped: true },
      { text: 'y"}\n\tz', escaped: false },
    ]);
  });

  it('keeps a literal backslash-n typed in the text as text', () => {
    expect(rawTextRuns('a\\nb').runs).toEqual([{ text: 'a\\nb', escaped: false }]);
  });

  it('stops at the run limit and says so', () => {
    const hostile = 'a\u200B'.repeat(100);
    const out = rawTextRuns(hostile, 10);
    expect(out.cut).toBe(true);
    expect(out.runs.length).toBe(10);
    expect(rawTextRuns('plain').cut).toBe(false);
  });
});
