import { LOG_STATUS_LABEL, useFileIntegrity } from '../../data/fileIntegrity';
import type { LogVerdict } from '../../data/types';
import './Validation.css';

/**
 * The validation status of the file an event came from, as a small badge: nothing until the dataset
 * has digests and validation has finished. `problemsOnly` shows only what needs attention (a
 * modified file), for places where a badge on every row would be noise.
 */
export function FileIntegrityBadge(props: {
  readonly fileId: number;
  readonly problemsOnly?: boolean;
}) {
  const verdict = useFileIntegrity(props.fileId);
  return <FileIntegrityMark verdict={verdict} problemsOnly={props.problemsOnly === true} />;
}

/**
 * FileIntegrityBadge for a verdict already looked up: table rows take theirs from one map read by
 * the table (useFileIntegrityMap), not a query hook each.
 */
export function FileIntegrityMark(props: {
  readonly verdict: LogVerdict | undefined;
  readonly problemsOnly: boolean;
}) {
  const { verdict, problemsOnly } = props;
  if (verdict === undefined) return null;
  if (problemsOnly && verdict.status !== 'modified') return null;
  return (
    <span
      className={`badge validation-${verdict.status}${problemsOnly ? ' badge-evidence' : ''}`}
      data-integrity={verdict.status}
      title={`Source file integrity: ${verdict.reason}`}
      aria-label={`Source file ${LOG_STATUS_LABEL[verdict.status]}`}
    >
      {/* In a row, a glyph: the event name keeps its room and the title tells the rest. */}
      {problemsOnly ? '⚠' : LOG_STATUS_LABEL[verdict.status]}
    </span>
  );
}
