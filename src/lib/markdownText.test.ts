import { describe, expect, it } from 'vitest';
import { markdownText } from './markdownText';

describe('markdownText', () => {
  it('makes links, HTML, headings, table cells and line breaks inert', () => {
    expect(markdownText('# x\n[a](javascript:b) <i>|')).toBe(
      '\\# x \\[a\\]\\(javascript\\:b\\) \\<i\\>\\|',
    );
  });

  it('writes direction overrides as code points', () => {
    expect(markdownText('invoice\u202Egnp.exe')).toBe('invoiceU\\+202Egnp\\.exe');
  });
});
