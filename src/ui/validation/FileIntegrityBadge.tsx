import { LOG_STATUS_LABEL, useFileIntegrity } from '../../query/fileIntegrity';
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
  if (verdict === undefined) return null;
  if (props.problemsOnly === true && verdict.status !== 'modified') return null;
  return (
    <span
      className={`badge validation-${verdict.status}${props.problemsOnly === true ? ' badge-evidence' : ''}`}
      data-integrity={verdict.status}
      title={`Source file integrity: ${verdict.reason}`}
      aria-label={`Source file ${LOG_STATUS_LABEL[verdict.status]}`}
    >
      {/* In a row, a glyph: the event name keeps its room and the title tells the rest. */}
      {props.problemsOnly === true ? '⚠' : LOG_STATUS_LABEL[verdict.status]}
    </span>
  );
}
