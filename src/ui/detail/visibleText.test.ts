import { describe, expect, it } from 'vitest';
import { visibleText } from './visibleText';

describe('visibleText', () => {
  it('leaves ordinary text, including non-Latin scripts and emoji, as one plain run', () => {
    const s = 'arn:aws:iam::123456789012:user/алиса-😀-مرحبا';
    expect(visibleText(s)).toEqual([{ text: s, escaped: false }]);
  });

  it('makes a right-to-left override and a zero-width space visible', () => {
    expect(visibleText('invoice\u202Efdp.exe\u200B')).toEqual([
      { text: 'invoice', escaped: false },
      { text: '\\u202E', escaped: true },
      { text: 'fdp.exe', escaped: false },
      { text: '\\u200B', escaped: true },
    ]);
  });

  it('escapes every listed range at both ends', () => {
    const edges = [
      0x00, 0x1f, 0x7f, 0x9f, 0x200b, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069, 0xfeff,
    ].map((c) => String.fromCharCode(c));
    const runs = visibleText(edges.join(''));
    expect(runs).toEqual([
      {
        text: '\\u0000\\u001F\\u007F\\u009F\\u200B\\u200F\\u202A\\u202E\\u2066\\u2069\\uFEFF',
        escaped: true,
      },
    ]);
  });

  it('leaves the neighbours of the ranges alone', () => {
    const s = [0x20, 0x7e, 0xa0, 0x200a, 0x2010, 0x2065, 0x206a, 0xfefe].map((c) =>
      String.fromCharCode(c),
    );
    // U+2065 is unassigned and U+206A–206F are deprecated format characters outside the spec.
    expect(visibleText(s.join(''))).toEqual([{ text: s.join(''), escaped: false }]);
  });

  it('uses short escapes for tab, newline and carriage return', () => {
    expect(visibleText('a\tb\r\nc')).toEqual([
      { text: 'a', escaped: false },
      { text: '\\t', escaped: true },
      { text: 'b', escaped: false },
      { text: '\\r\\n', escaped: true },
      { text: 'c', escaped: false },
    ]);
  });

  it('also escapes the Arabic letter mark and the line separator', () => {
    expect(visibleText('\u061C\u2028').every((r) => r.escaped)).toBe(true);
  });

  it('returns one empty plain run for the empty string', () => {
    expect(visibleText('')).toEqual([{ text: '', escaped: false }]);
  });
});
