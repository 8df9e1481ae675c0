import { describe, expect, it } from 'vitest';
import type { FileMeta } from '../../db/types';
import { logFileReport } from './logFileReport';

const meta: FileMeta = {
  fileId: 1,
  path: 'cut.json',
  size: 5412,
  sha256: '0'.repeat(64),
  kind: 'log',
  gzip: false,
  records: 2,
  added: 2,
  duplicates: 0,
  conflicts: 0,
  invalidRecords: 0,
  trailingBytes: 0,
  addedAt: 0,
};

describe('logFileReport', () => {
  it('says a file was cut short and how many whole records were kept', () => {
    expect(logFileReport({ ...meta, truncated: true })).toMatchObject({
      status: 'ingested',
      records: 2,
      reason:
        'Truncated JSON: the file ends inside a record; the 2 whole records before that point were kept (cut short in a copy or download?)',
    });
    expect(logFileReport({ ...meta, records: 1, truncated: true }).reason).toMatch(
      /the 1 whole record before that point was kept/,
    );
  });

  it('gives no warning for a whole file', () => {
    expect(logFileReport(meta).reason).toBeUndefined();
  });
});
