import type { EventIndex } from '../index/EventIndex';
import { STRING_FIELDS } from '../cloudtrail/types';
import type { StringField } from '../cloudtrail/types';
import type { FileMeta } from '../db/types';
import type { CaseSummary } from '../db/caseRegistry';
import { timeBounds } from '../index/timeBounds';

/** Distinct non-empty values of `field` over the index's rows: one pass over its code column. */
function distinctValues(index: EventIndex, field: StringField): number {
  const f = STRING_FIELDS.indexOf(field);
  const codes = index.cols[f]?.data;
  if (codes === undefined) return 0;
  const seen = new Set<number>();
  for (let row = 0; row < index.size; row++) {
    const code = codes[row] ?? 0;
    if (code !== 0) seen.add(code);
  }
  return seen.size;
}

/** The figures of the case whose index and stored files' meta are given. */
export function summarizeCase(
  index: EventIndex,
  files: readonly Pick<FileMeta, 'size' | 'kind'>[],
  now = Date.now(),
): CaseSummary {
  const bounds = timeBounds(index);
  return {
    eventCount: index.size,
    storedBytes: files.reduce((n, f) => n + f.size, 0),
    minTime: bounds?.min,
    maxTime: bounds?.max,
    logFiles: files.filter((f) => f.kind === 'log').length,
    digestFiles: files.filter((f) => f.kind === 'digest').length,
    accounts: distinctValues(index, 'recipientAccountId'),
    regions: distinctValues(index, 'awsRegion'),
    takenAt: now,
  };
}
