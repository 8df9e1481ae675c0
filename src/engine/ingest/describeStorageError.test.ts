import { deleteDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureInputs } from '../../../test/fixtureFiles';
import { openCairnDb } from '../../db/cairnDb';
import type { CairnDatabase } from '../../db/cairnDb';
import { EventIndex } from '../../index/EventIndex';
import { RecordReader } from '../../db/RecordReader';
import { DB_NAME } from '../../db/schema';
import { describeStorageError } from './describeStorageError';
import { ingestFiles } from './ingestFiles';
import { parseLogFile } from './parseLogFile';

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const GB = 2 ** 30;

describe('describeStorageError', () => {
  it('names how much more is needed for the remaining files and what is free', () => {
    expect(
      describeStorageError(
        quotaError(),
        { files: 40, bytes: 1.2 * GB },
        { usage: 1.9 * GB, quota: 2 * GB },
      ),
    ).toBe(
      'Browser storage is full: 1.2 GB more is needed for the remaining 40 files (102 MB free of 2.0 GB). Free disk space or delete a case, then drop the remaining files again.',
    );
    expect(describeStorageError(quotaError(), { files: 1, bytes: 2048 })).toBe(
      'Browser storage is full: 2.0 KB more is needed for the remaining file. Free disk space or delete a case, then drop the remaining files again.',
    );
    // Usage past the quota (other tabs, estimates) is never a negative free space.
    expect(
      describeStorageError(quotaError(), { files: 2, bytes: 10 }, { usage: 3 * GB, quota: GB }),
    ).toContain('(0 B free of 1.0 GB)');
  });

  it('says why when WebKit refuses Blobs in a private window or automated session', () => {
    const refused = new DOMException(
      'Error preparing Blob/File data to be stored in object store',
      'UnknownError',
    );
    const message = describeStorageError(refused, { files: 3, bytes: 1000 });
    expect(message).toContain('will not store files in this window');
    expect(message).toContain('private window');
    expect(message).toContain('Open Cairn in a normal window');
    expect(message).toContain(refused.message);
  });

  it('keeps other write failures apart', () => {
    expect(describeStorageError(new Error('disk on fire'), { files: 3, bytes: 1 })).toBe(
      'Could not store this file (disk on fire); the files before it are intact.',
    );
  });
});

const logs = fixtureInputs().filter((i) => i.path.includes('/CloudTrail/us-east-1/2023/07/10/'));

/** A database whose file stores fail as a full disk would from the Nth on (small writes pass). */
function fullFrom(db: CairnDatabase, n: number): CairnDatabase {
  let writes = 0;
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver) as unknown;
      return (...args: Parameters<CairnDatabase['transaction']>) => {
        const stores: readonly string[] =
          typeof args[0] === 'string' ? [args[0]] : Array.from(args[0]);
        if (stores.includes('fileBytes') && ++writes >= n) throw quotaError();
        return target.transaction(...args);
      };
    },
  });
}

describe('a full quota during ingest', () => {
  beforeEach(async () => {
    await deleteDB(DB_NAME);
  });

  it('tells the files and bytes still to store, whichever group fails', async () => {
    for (const failAt of [2, 20]) {
      await deleteDB(DB_NAME);
      const db = await openCairnDb();
      const outcome = await ingestFiles({
        inputs: logs,
        db: fullFrom(db, failAt),
        index: new EventIndex(),
        reader: new RecordReader(db),
        parse: parseLogFile,
        knownFiles: new Map(),
        firstFileId: 1,
        // One file a group: transaction N holds file N.
        lookahead: 1,
      });
      // Groups may hold several files: the failed one starts at the first report not ingested.
      const stored = outcome.reports.findIndex((r) => r.status !== 'ingested');
      expect(stored).toBeGreaterThan(0);
      const rest = logs.slice(stored);
      const bytes = rest.reduce((n, i) => n + i.file.size, 0);
      const files = rest.length === 1 ? 'file' : `${rest.length} files`;
      const reason = `Browser storage is full: ${formatKb(bytes)} more is needed for the remaining ${files}.`;
      expect(
        outcome.reports
          .slice(stored)
          .every((r) => r.status === 'failed' || r.status === 'cancelled'),
      ).toBe(true);
      expect(outcome.reports[stored]?.reason).toContain(reason);
      expect(await db.count('files')).toBe(stored);
      db.close();
    }
  });
});

/** The fixture files are a few KB each: formatBytes' KB with one decimal. */
function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(bytes / 1024 >= 100 ? 0 : 1)} KB`;
}
