import { COVERAGE_FLAG } from '../../data/types';
import type { CoverageGap, CoverageMap, CoverageNote } from '../../data/types';
import { formatCount } from '../common/formatCount';
import { visibleString } from '../common/visibleText';
import { describeInterval, describeSpan } from './coverageTime';
import { crossAccountLinesFor } from './crossAccountText';

/** The marks a cell can carry, as drawn and as the legend names them. */
export type CellMark = 'covered' | 'gap' | 'problem' | 'uncovered' | 'tampering';

/** Everything a cell's tooltip says, as plain text lines (log values escaped, never HTML). */
export interface CellDescription {
  /** `111122223333 (prod) · us-east-1`. */
  readonly title: string;
  /** The column's time span, UTC. */
  readonly when: string;
  readonly lines: readonly string[];
  readonly marks: readonly CellMark[];
  /** Start and end of the column, ms (`to` exclusive). */
  readonly from: number;
  readonly to: number;
}

const MARK_BITS: readonly (readonly [CellMark, number])[] = [
  ['covered', COVERAGE_FLAG.covered],
  ['gap', COVERAGE_FLAG.gap],
  ['problem', COVERAGE_FLAG.problem],
  ['uncovered', COVERAGE_FLAG.uncovered],
  ['tampering', COVERAGE_FLAG.tampering],
];

const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** The row's label: account (its name), Region; the catch-all row says what it holds. */
export function rowTitle(
  row: CoverageMap['rows'][number],
  names: ReadonlyMap<string, string>,
): string {
  if (row.other === true) return 'Other accounts and Regions';
  const name = names.get(row.account);
  const account =
    row.account === ''
      ? '(no account)'
      : visibleString(row.account) + (name === undefined ? '' : ` (${visibleString(name)})`);
  return `${account} · ${row.region === '' ? '(no Region)' : visibleString(row.region)}`;
}

/** The marks of a cell from its flag bits. */
export function cellMarks(flags: number): CellMark[] {
  return MARK_BITS.filter(([, bit]) => (flags & bit) !== 0).map(([mark]) => mark);
}

/** What a gap means, in words. */
export function gapReason(gap: CoverageGap): string {
  if (gap.reason === 'missingDigest')
    return 'the next digest names a previous digest that is not here';
  if (gap.reason === 'restart')
    return 'a new chain starts after it: logging or log file validation was off';
  return 'the digest windows do not meet';
}

/**
 * The tooltip of the cell at `row`, `column`: exact counts of events, log files and digests, then
 * every mark with what explains it, and, where files and events of different accounts meet (an
 * organisation or delegated trail), where the other half is. `note` is the cell's CoverageNote
 * when it has one.
 */
export function describeCell(
  map: CoverageMap,
  row: number,
  column: number,
  note: CoverageNote | undefined,
  names: ReadonlyMap<string, string>,
): CellDescription {
  const cell = row * map.columns + column;
  const from = map.start + column * map.step;
  const to = from + map.step;
  const flags = map.flags[cell] ?? 0;
  const info = map.rows[row];
  const lines = [
    [
      plural(map.events[cell] ?? 0, 'event'),
      plural(map.logFiles[cell] ?? 0, 'log file'),
      plural(map.digests[cell] ?? 0, 'digest'),
    ].join(' · '),
  ];
  if (map.hasDigests && (flags & COVERAGE_FLAG.covered) !== 0)
    lines.push('A digest window covers this time');
  for (const gap of note?.gaps ?? [])
    lines.push(
      `Gap in the digest chain of trail "${visibleString(gap.trailName)}", ${describeInterval(gap.from, gap.to)}: ${gapReason(gap)}`,
    );
  for (const key of note?.missingDigests ?? [])
    lines.push(`Missing digest: ${visibleString(key.slice(key.lastIndexOf('/') + 1))}`);
  if (note !== undefined) {
    if (note.missingLogs > 0)
      lines.push(`${plural(note.missingLogs, 'log file')} listed in a digest but missing`);
    if (note.modifiedLogs > 0)
      lines.push(`${plural(note.modifiedLogs, 'log file')} modified after a digest recorded it`);
    if (note.invalidDigests > 0) lines.push(`${plural(note.invalidDigests, 'digest')} not valid`);
    if (note.uncoveredLogs > 0)
      lines.push(`${plural(note.uncoveredLogs, 'log file')} listed in no digest`);
    if (note.tampering.length > 0)
      lines.push(
        `Trail tampering: ${note.tampering
          .map(
            (t) =>
              `${visibleString(t.eventName)} ×${t.count}${t.failed > 0 ? ` (${t.failed} failed)` : ''}`,
          )
          .join(', ')}`,
      );
  }
  // Only where it explains the cell: files without their events, or events from another's files.
  if (
    info !== undefined &&
    info.other !== true &&
    (map.logFiles[cell] ?? 0) + (map.events[cell] ?? 0) > 0
  )
    lines.push(...crossAccountLinesFor(map, info.account));
  return {
    title: info === undefined ? '' : rowTitle(info, names),
    when: describeSpan(from, to, map.unit),
    lines,
    marks: cellMarks(flags),
    from,
    to,
  };
}
