import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isRuleFilePath, readRuleFiles, splitRuleFiles } from './splitRuleFiles';

const RULE = new URL(
  '../../rules/sigma/cloudtrail/aws_cloudtrail_disable_logging.yml',
  import.meta.url,
).pathname;

describe('splitRuleFiles', () => {
  it('takes .yml and .yaml files as rules and leaves logs to the ingest, in order', () => {
    const paths = [
      'AWSLogs/1/CloudTrail/us-east-1/2024/01/01/a.json.gz',
      'rules/b.yml',
      'AWSLogs/1/CloudTrail/us-east-1/2024/01/01/c.json',
      'rules/sub/D.YAML',
      'notes.txt',
      'yml',
      'x.yml.gz',
    ].map((path) => ({ path }));
    const { rules, logs } = splitRuleFiles(paths);
    expect(rules.map((r) => r.path)).toEqual(['rules/b.yml', 'rules/sub/D.YAML']);
    expect(logs.map((r) => r.path)).toEqual([
      'AWSLogs/1/CloudTrail/us-east-1/2024/01/01/a.json.gz',
      'AWSLogs/1/CloudTrail/us-east-1/2024/01/01/c.json',
      'notes.txt',
      'yml',
      'x.yml.gz',
    ]);
  });

  it('knows a rule file by its extension alone', () => {
    expect(isRuleFilePath('a.yaml')).toBe(true);
    expect(isRuleFilePath('a.json')).toBe(false);
    expect(isRuleFilePath('a.yml.json')).toBe(false);
  });
});

describe('readRuleFiles', () => {
  it('reads a real rule file as text under its dropped path', async () => {
    const text = readFileSync(RULE, 'utf8');
    const { read, refused } = await readRuleFiles([
      { path: 'rules/disable.yml', file: new Blob([text]) },
    ]);
    expect(refused).toEqual([]);
    expect(read).toEqual([{ name: 'rules/disable.yml', text }]);
  });

  it('refuses a file over the limit by its size, without reading it', async () => {
    let reads = 0;
    const big = new Blob([new Uint8Array(300 * 1024)]);
    // A file that counts reads: the refusal must come from its size alone.
    const watched = Object.assign(big, {
      text: () => {
        reads++;
        return Promise.resolve('');
      },
    });
    const { read, refused } = await readRuleFiles([{ path: 'huge.yml', file: watched }]);
    expect(read).toEqual([]);
    expect(reads).toBe(0);
    expect(refused).toEqual([
      {
        name: 'huge.yml',
        ruleIds: [],
        problems: [{ message: 'the file is 300 KB; a rule file is at most 256 KB', line: 0 }],
      },
    ]);
  });
});
