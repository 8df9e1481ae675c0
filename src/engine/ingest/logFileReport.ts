import type { FileMeta, FileReport } from '../../db/types';

/** The Files-panel report of a committed log file, with every warning spelled out. */
export function logFileReport(meta: FileMeta): FileReport {
  const notes: string[] = [];
  if (meta.truncated === true) {
    // The same words as a large file cut short (splitLargeFile), with the count of records kept.
    const n = meta.records.toLocaleString('en-US');
    const kept =
      meta.records === 1
        ? 'whole record before that point was kept'
        : `whole records before that point were kept`;
    notes.push(
      `Truncated JSON: the file ends inside a record; the ${n} ${kept} (cut short in a copy or download?)`,
    );
  }
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
