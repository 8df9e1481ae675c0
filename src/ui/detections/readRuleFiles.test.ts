import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRuleFiles } from './readRuleFiles';

const RULE = new URL(
  '../../../rules/sigma/cloudtrail/aws_cloudtrail_disable_logging.yml',
  import.meta.url,
);

describe('readRuleFiles', () => {
  it('reads a real rule file as text, and refuses one over 256 KB by its size before reading it', async () => {
    const text = readFileSync(RULE, 'utf8');
    let readBig = false;
    const picked = await readRuleFiles([
      new File([text], 'disable_logging.yml'),
      {
        name: 'huge.yml',
        size: 256 * 1024 + 1,
        text: () => {
          readBig = true;
          return Promise.resolve('');
        },
      },
    ]);
    expect(picked[0]).toEqual({ ok: true, name: 'disable_logging.yml', text });
    expect(picked[1]).toEqual({
      ok: false,
      name: 'huge.yml',
      message: 'the file is 257 KB: a rule file is at most 256 KB',
    });
    expect(readBig).toBe(false);
  });

  it('refuses a file that cannot be read, with the reason', async () => {
    const [p] = await readRuleFiles([
      { name: 'gone.yml', size: 10, text: () => Promise.reject(new Error('NotFoundError')) },
    ]);
    expect(p).toEqual({
      ok: false,
      name: 'gone.yml',
      message: 'could not be read (Error: NotFoundError)',
    });
  });
});
