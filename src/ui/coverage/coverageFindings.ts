import type { CoverageMap } from '../../data/types';
import { formatCount } from '../common/formatCount';
import { visibleString } from '../common/visibleText';
import { gapReason } from './describeCell';
import { describeInterval, describeSpan } from './coverageTime';

/** One hole or warning in the record, for the list under the map. Times are ms, `to` exclusive. */
export interface CoverageFinding {
  readonly kind: 'tampering' | 'gap' | 'problem';
  readonly row: number;
  /** The first column it marks. */
  readonly column: number;
  /** The span a click filters to: the cell, or the whole gap. */
  readonly from: number;
  readonly to: number;
  readonly when: string;
  readonly text: string;
}

/**
 * The findings of a map, oldest first: each trail tampering cell, each gap in a digest chain (once,
 * however many columns it spans), and each cell with missing or modified log files or an invalid
 * digest. Files listed in no digest are left to the map and the totals: without digests for a whole
 * account, every hour would be one.
 */
export function coverageFindings(map: CoverageMap): CoverageFinding[] {
  const out: CoverageFinding[] = [];
  const seenGaps = new Set<string>();
  for (const note of map.notes) {
    const row = Math.floor(note.cell / map.columns);
    const column = note.cell % map.columns;
    const from = map.start + column * map.step;
    const cell = {
      row,
      column,
      from,
      to: from + map.step,
      when: describeSpan(from, from + map.step, map.unit),
    };
    if (note.tampering.length > 0) {
      out.push({
        ...cell,
        kind: 'tampering',
        text: `Trail tampering: ${note.tampering
          .map(
            (t) =>
              `${visibleString(t.eventName)}${t.count > 1 ? ` ×${t.count}` : ''}${t.failed > 0 ? ` (${t.failed} failed)` : ''}`,
          )
          .join(', ')}`,
      });
    }
    for (const gap of note.gaps) {
      const id = JSON.stringify([row, gap.trailName, gap.from, gap.to]);
      if (seenGaps.has(id)) continue;
      seenGaps.add(id);
      out.push({
        kind: 'gap',
        row,
        column,
        from: gap.from,
        to: gap.to,
        when: describeInterval(gap.from, gap.to),
        text: `No digest covers this time (trail "${visibleString(gap.trailName)}"): ${gapReason(gap)}`,
      });
    }
    const problems = [
      note.missingLogs > 0
        ? `${formatCount(note.missingLogs)} listed log file${note.missingLogs === 1 ? '' : 's'} missing`
        : '',
      note.modifiedLogs > 0
        ? `${formatCount(note.modifiedLogs)} log file${note.modifiedLogs === 1 ? '' : 's'} modified`
        : '',
      note.invalidDigests > 0
        ? `${formatCount(note.invalidDigests)} digest${note.invalidDigests === 1 ? '' : 's'} not valid`
        : '',
    ].filter((p) => p !== '');
    if (problems.length > 0) out.push({ ...cell, kind: 'problem', text: problems.join(' · ') });
  }
  return out.sort((a, b) => (a.from !== b.from ? a.from - b.from : a.row - b.row));
}
