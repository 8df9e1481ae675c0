import { describe, expect, it } from 'vitest';
import { rowLabels } from './drawCoverage';

// "us-east-1" then the tag characters for "evil": invisible on a canvas unless escaped.
const TAGGED = `us-east-1${'evil'.replace(/./g, (c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0)))}`;

describe('rowLabels (the coverage canvas)', () => {
  it('draws an awsRegion holding tag characters, a bidi override or a Hangul filler as escapes', () => {
    const rows = [
      { account: '111122223333', region: TAGGED, events: 1, logFiles: 1, digests: 0 },
      { account: '111122223333', region: 'eu-west-1\u202E', events: 1, logFiles: 1, digests: 0 },
      { account: '4444\u3164', region: 'x\uFE0Fy', events: 1, logFiles: 1, digests: 0 },
    ];
    const labels = rowLabels(rows, new Map([['111122223333', 'prod\u034F']]));
    expect(labels.map((l) => l.region)).toEqual([
      'us-east-1\\u{E0065}\\u{E0076}\\u{E0069}\\u{E006C}',
      'eu-west-1\\u202E',
      'x\\uFE0Fy',
    ]);
    expect(labels[0]?.name).toBe('prod\\u034F');
    expect(labels[2]?.account).toBe('4444\\u3164');
  });
});
