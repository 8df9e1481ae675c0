import { describe, expect, it } from 'vitest';
import { visibleText } from './visibleText';

describe('visibleText', () => {
  it('leaves ordinary text alone', () => {
    expect(visibleText('arn:aws:iam::123456789012:user/alice')).toEqual([
      { text: 'arn:aws:iam::123456789012:user/alice', escaped: false },
    ]);
  });

  it('makes a right-to-left override and zero-width space visible', () => {
    expect(visibleText('admin\u202Egnp.exe\u200B')).toEqual([
      { text: 'admin', escaped: false },
      { text: '\\u202e', escaped: true },
      { text: 'gnp.exe', escaped: false },
      { text: '\\u200b', escaped: true },
    ]);
  });

  it('escapes control characters such as newlines and NUL', () => {
    expect(
      visibleText('a\nb\u0000')
        .filter((r) => r.escaped)
        .map((r) => r.text),
    ).toEqual(['\\u000a', '\\u0000']);
  });

  it('returns one empty run for the empty string', () => {
    expect(visibleText('')).toEqual([{ text: '', escaped: false }]);
  });
});
