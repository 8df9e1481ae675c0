import { describe, expect, it } from 'vitest';
import type { FileMeta } from '../../db/types';
import { interruptedReports } from './interruptedReports';

const meta = (fileId: number, path: string, kind: FileMeta['kind'] = 'log'): FileMeta => ({
  fileId,
  path,
  size: 100,
  sha256: String(fileId).padStart(64, '0'),
  kind,
  gzip: true,
  records: 2,
  added: 2,
  duplicates: 0,
  conflicts: 0,
  invalidRecords: 0,
  trailingBytes: 0,
  addedAt: 0,
});

describe('interruptedReports', () => {
  it("reports the run's stored files (zip entries under their archive) and the rest as not stored", () => {
    const run = {
      kind: 'pendingRun' as const,
      startedAt: 0,
      firstFileId: 3,
      files: [
        { path: 'a.json.gz', size: 100 },
        { path: 'logs.zip', size: 500 },
        { path: 'digest.json.gz', size: 100 },
        { path: 'z.json.gz', size: 100 },
      ],
    };
    const files = [
      meta(1, 'z.json.gz'), // stored by an earlier run: not this run's
      meta(3, 'a.json.gz'),
      meta(4, 'logs.zip/x.json.gz'),
      meta(5, 'logs.zip/y.json.gz'),
      meta(6, 'digest.json.gz', 'digest'),
    ];
    expect(interruptedReports(run, files).map((r) => [r.path, r.status])).toEqual([
      ['a.json.gz', 'ingested'],
      ['logs.zip/x.json.gz', 'ingested'],
      ['logs.zip/y.json.gz', 'ingested'],
      ['digest.json.gz', 'digest'],
      ['z.json.gz', 'cancelled'],
    ]);
  });
});
