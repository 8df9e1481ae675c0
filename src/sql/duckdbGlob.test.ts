import { describe, expect, it } from 'vitest';
import { duckdbGlob } from './duckdbGlob';

describe('duckdbGlob', () => {
  it('reads every file under the common folder, with their common extension', () => {
    expect(
      duckdbGlob([
        'AWSLogs/1/CloudTrail/us-east-1/2023/07/10/a.json.gz',
        'AWSLogs/o-1/2/CloudTrail/eu-west-1/2023/07/11/b.json.gz',
      ]),
    ).toBe('AWSLogs/**/*.json.gz');
    expect(duckdbGlob(['x/a.json', 'x/y/b.json'])).toBe('x/**/*.json');
    expect(duckdbGlob(['a.json.gz', 'logs/b.json.gz'])).toBe('**/*.json.gz');
    expect(duckdbGlob(['a.json.gz', 'b.csv'])).toBe('**/*');
    expect(duckdbGlob([])).toBe('AWSLogs/**/*.json.gz');
  });
});
