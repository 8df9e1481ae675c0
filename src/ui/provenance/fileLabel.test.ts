import { describe, expect, it } from 'vitest';
import { fileLabel } from './fileLabel';

describe('fileLabel', () => {
  it('keeps the delivery time and suffix of a trail file, the name of any other', () => {
    expect(
      fileLabel(
        'AWSLogs/1/CloudTrail/us-east-1/2023/07/10/218007301253_CloudTrail_us-east-1_20230710T1240Z_C1qUFaqvZS64BcIN.json.gz',
      ),
    ).toBe('12:40 C1qUFaqvZS64BcIN');
    expect(fileLabel('exports/lookup events.json')).toBe('lookup events.json');
    expect(fileLabel('loose.json')).toBe('loose.json');
  });
});
