import { describe, expect, it } from 'vitest';
import { detectionMarkTitle } from './detectionMarkTitle';

describe('detectionMarkTitle', () => {
  it('says how many rules matched and the most severe level', () => {
    expect(detectionMarkTitle({ rules: 2, level: 'high' })).toBe('Matched 2 rules, high');
    expect(detectionMarkTitle({ rules: 1, level: 'medium' })).toBe('Matched 1 rule, medium');
  });

  it('leaves out an empty level and shows a hostile one as visible text', () => {
    expect(detectionMarkTitle({ rules: 1, level: ' ' })).toBe('Matched 1 rule');
    const title = detectionMarkTitle({ rules: 3, level: 'hi\u202egh' });
    expect(title).not.toContain('\u202e');
    expect(title.startsWith('Matched 3 rules, hi')).toBe(true);
  });
});
