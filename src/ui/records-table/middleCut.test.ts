import { describe, expect, it } from 'vitest';
import { middleCut } from './middleCut';

/** Every character 7 px wide. */
const mono = (s: string) => s.length * 7;
const shown = (c: { head: string; tail: string; cut: boolean }) =>
  c.cut ? `${c.head}…${c.tail}` : c.head;

describe('middleCut', () => {
  it('keeps a value that fits whole', () => {
    expect(middleCut('GetObject', 63, mono)).toEqual({ head: 'GetObject', tail: '', cut: false });
  });

  it('cuts the middle of an ARN, keeping its start and its name', () => {
    const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod-db-XYZ';
    const c = middleCut(arn, 30 * 7, mono);
    expect(shown(c)).toBe('arn:aws:secret…ret:prod-db-XYZ');
    expect(mono(shown(c))).toBeLessThanOrEqual(30 * 7);
    expect(arn.startsWith(c.head) && arn.endsWith(c.tail)).toBe(true);
  });

  it('uses all the width it has, and no more', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz';
    for (let chars = 1; chars < text.length; chars++) {
      expect(shown(middleCut(text, chars * 7, mono))).toHaveLength(chars);
    }
  });

  it('never splits a surrogate pair', () => {
    const text = '😀😀😀😀😀😀😀😀';
    for (let w = 0; w < 80; w += 7) {
      const c = middleCut(text, w, (s) => s.length * 7);
      expect(`${c.head}${c.tail}`).not.toMatch(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
      );
    }
  });

  it('shows the two ends of a 1 MB value without measuring all of it', () => {
    const text = `START${'A'.repeat(1 << 20)}END`;
    let longest = 0;
    const c = middleCut(text, 20 * 7, (s) => {
      longest = Math.max(longest, s.length);
      return mono(s);
    });
    expect(shown(c)).toBe('START' + 'A'.repeat(4) + '…' + 'A'.repeat(7) + 'END');
    expect(longest).toBeLessThan(2000);
  });
});
