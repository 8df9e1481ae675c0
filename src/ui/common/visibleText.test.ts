import { describe, expect, it } from 'vitest';
import { MAX_FILE_RUNS, visibleString, visibleText } from './visibleText';

describe('visibleText as one line (LogText: table cells, details, tooltips)', () => {
  it('leaves ordinary text, including non-Latin scripts and emoji, as one plain run', () => {
    const s = 'arn:aws:iam::123456789012:user/алиса-😀-مرحبا';
    expect(visibleText(s).runs).toEqual([{ text: s, escaped: false }]);
  });

  it('makes a right-to-left override and a zero-width space visible', () => {
    expect(visibleText('invoice\u202Efdp.exe\u200B').runs).toEqual([
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
    const runs = visibleText(edges.join('')).runs;
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
    expect(visibleText(s.join('')).runs).toEqual([{ text: s.join(''), escaped: false }]);
  });

  it('uses short escapes for tab, newline and carriage return', () => {
    expect(visibleText('a\tb\r\nc').runs).toEqual([
      { text: 'a', escaped: false },
      { text: '\\t', escaped: true },
      { text: 'b', escaped: false },
      { text: '\\r\\n', escaped: true },
      { text: 'c', escaped: false },
    ]);
  });

  it('also escapes the Arabic letter mark and the line separator', () => {
    expect(visibleText('\u061C\u2028').runs.every((r) => r.escaped)).toBe(true);
  });

  it('escapes tag characters, which smuggle ASCII behind a visible word', () => {
    // "admin" followed by the tag characters for "rm -rf": invisible in every browser.
    const smuggled = 'rm -rf'.replace(/./g, (ch) =>
      String.fromCodePoint(0xe0000 + ch.charCodeAt(0)),
    );
    expect(visibleText(`admin${smuggled}`).runs).toEqual([
      { text: 'admin', escaped: false },
      { text: '\\u{E0072}\\u{E006D}\\u{E0020}\\u{E002D}\\u{E0072}\\u{E0066}', escaped: true },
    ]);
    const edges = [0xe0000, 0xe007f, 0xe0100, 0xe01ef].map((c) => String.fromCodePoint(c));
    expect(visibleString(`a${edges.join('')}b`)).toBe('a\\u{E0000}\\u{E007F}\\u{E0100}\\u{E01EF}b');
    // Their neighbours, and an ordinary astral character, stay as they are.
    const plain = [0xe0080, 0xe01f0, 0x1f600, 0x20000].map((c) => String.fromCodePoint(c)).join('');
    expect(visibleString(plain)).toBe(plain);
  });

  it('escapes variation selectors, the grapheme joiner and the Hangul fillers', () => {
    const cases: [number, string][] = [
      [0x034f, '\\u034F'],
      [0xfe00, '\\uFE00'],
      [0xfe0f, '\\uFE0F'],
      [0x115f, '\\u115F'],
      [0x1160, '\\u1160'],
      [0x3164, '\\u3164'],
      [0xffa0, '\\uFFA0'],
    ];
    for (const [c, escape] of cases) {
      expect(visibleString(`x${String.fromCharCode(c)}y`), escape).toBe(`x${escape}y`);
    }
    const neighbours = [0x034e, 0x0350, 0xfdff, 0xfe10, 0x115e, 0x1161, 0x3165, 0xffa1];
    const text = neighbours.map((c) => String.fromCharCode(c)).join('');
    expect(visibleString(text)).toBe(text);
  });

  it('escapes a lone high surrogate and a tag pair next to each other correctly', () => {
    const tag = String.fromCodePoint(0xe0041);
    expect(visibleString(`\uDB40${tag}`)).toBe('\uDB40\\u{E0041}');
  });

  it('returns one empty plain run for the empty string', () => {
    expect(visibleText('')).toEqual({ runs: [{ text: '', escaped: false }], cut: false });
  });
});

describe('visibleText as lines (RawFileText: a whole file)', () => {
  it('keeps line breaks and tabs, escapes the characters that hide or reorder text', () => {
    expect(visibleText('{"a":1}\n{"b":"x\u202Ey"}\r\n\tz', { lines: true }).runs).toEqual([
      { text: '{"a":1}\n{"b":"x', escaped: false },
      { text: '\\u202E', escaped: true },
      { text: 'y"}\n\tz', escaped: false },
    ]);
  });

  it('escapes a carriage return that ends no line, and every other control', () => {
    expect(visibleText('a\rb\u0000\n\u200B\r\n', { lines: true }).runs).toEqual([
      { text: 'a', escaped: false },
      { text: '\\r', escaped: true },
      { text: 'b', escaped: false },
      { text: '\\u0000', escaped: true },
      { text: '\n', escaped: false },
      { text: '\\u200B', escaped: true },
      { text: '\n', escaped: false },
    ]);
  });

  it('keeps a literal backslash-n typed in the text as text', () => {
    expect(visibleText('a\\nb', { lines: true }).runs).toEqual([{ text: 'a\\nb', escaped: false }]);
  });
});

describe('visibleText run limit', () => {
  it('has no limit unless asked, then stops at it and says so, in either mode', () => {
    expect(visibleText('a\u200B'.repeat(50_000)).runs.length).toBe(100_000);
    const hostile = 'a\u200B'.repeat(100);
    for (const lines of [false, true]) {
      const out = visibleText(hostile, { lines, maxRuns: 10 });
      expect(out.cut).toBe(true);
      expect(out.runs).toEqual(visibleText(hostile).runs.slice(0, 10));
    }
    expect(visibleText(hostile).runs.length).toBe(200);
    expect(visibleText(hostile, { maxRuns: 200 }).cut).toBe(false);
    expect(visibleText(hostile, { maxRuns: 199 }).cut).toBe(true);
  });

  it('cuts a file of line breaks and controls, never a long plain one', () => {
    const hostile = '\n\u0001'.repeat(MAX_FILE_RUNS);
    const out = visibleText(hostile, { lines: true, maxRuns: MAX_FILE_RUNS });
    expect(out).toMatchObject({ cut: true });
    expect(out.runs.length).toBe(MAX_FILE_RUNS);
    const plain = 'x'.repeat(10 * MAX_FILE_RUNS) + '\n'.repeat(MAX_FILE_RUNS);
    expect(visibleText(plain, { lines: true, maxRuns: MAX_FILE_RUNS })).toEqual({
      runs: [{ text: plain, escaped: false }],
      cut: false,
    });
  });
});
