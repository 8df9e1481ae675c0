import { describe, expect, it } from 'vitest';
import { clipText } from './clipText';
import { logTitle } from './LogText';

describe('clipText', () => {
  it('keeps short text and cuts long text at the limit', () => {
    expect(clipText('abc', 5)).toBe('abc');
    expect(clipText('abcdef', 4)).toBe('abcd');
  });

  it('never ends inside a surrogate pair', () => {
    expect(clipText('ab😀cd', 3)).toBe('ab');
    expect(clipText('ab😀cd', 4)).toBe('ab😀');
  });
});

describe('logTitle', () => {
  it('writes bidi, zero-width and control characters as escapes', () => {
    expect(logTitle('admin\u202Egnp.exe')).toBe('admin\\u202Egnp.exe');
    expect(logTitle('a\u200Bb\u0000c\n')).toBe('a\\u200Bb\\u0000c\\n');
  });

  it('cuts a 1 MB value and says how long it was', () => {
    const title = logTitle('A'.repeat(1 << 20), 100);
    expect(title).toBe(`${'A'.repeat(100)}… (1,048,576 chars)`);
  });
});
