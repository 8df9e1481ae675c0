import type { FileMeta, FileReport } from '../../db/types';

/** The Files-panel report of a committed log file, with every warning spelled out. */
export function logFileReport(meta: FileMeta): FileReport {
  const notes: string[] = [];
  if (meta.duplicates > 0) {
    notes.push(
      `${meta.duplicates} ${plural(meta.duplicates, 'event')} already loaded from another file (kept once, both sources listed)`,
    );
  }
  if (meta.conflicts > 0) {
    notes.push(
      `${meta.conflicts} ${plural(meta.conflicts, 'record')} share an eventID with a different record (both kept, flagged)`,
    );
  }
  if (meta.invalidRecords > 0) {
    notes.push(
      `${meta.invalidRecords} ${plural(meta.invalidRecords, 'record')} skipped: ${meta.invalidReason ?? 'unusable'}`,
    );
  }
  if (meta.trailingBytes > 0) {
    notes.push(
      `${meta.trailingBytes} bytes after the end of the gzip data (AWS writes none: possible tampering)`,
    );
  }
  return {
    path: meta.path,
    size: meta.size,
    status: 'ingested',
    records: meta.records,
    added: meta.added,
    ...(meta.shape === undefined ? {} : { shape: meta.shape }),
    ...(notes.length === 0 ? {} : { reason: notes.join('; ') }),
  };
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
