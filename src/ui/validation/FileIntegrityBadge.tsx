import { LOG_STATUS_LABEL, useFileIntegrity } from '../../data/fileIntegrity';
import type { LogVerdict } from '../../data/types';
import { useDigestPresence, useValidation } from '../../data/validation';
import './Validation.css';

/** Why a file has no verdict, as the badge's hover text. */
const NOT_VALIDATED_REASON = {
  none: 'No digest files were loaded, so this file was not checked for changes',
  pending: 'Validation has not finished',
  failed: 'Validation failed, so this file was not checked',
  unlisted: 'This file is not in the last validation run',
} as const;

/**
 * The validation status of the file an event came from, as a small badge. Never blank once the
 * dataset is open: without digests (or before validation has finished, or when it failed) it reads
 * "not validated", with the reason on hover, so an empty cell is never read as "nothing wrong".
 * `problemsOnly` shows only what needs attention (a modified file), for places where a badge on
 * every row would be noise.
 */
export function FileIntegrityBadge(props: {
  readonly fileId: number;
  readonly problemsOnly?: boolean;
}) {
  const verdict = useFileIntegrity(props.fileId);
  const presence = useDigestPresence();
  const validation = useValidation();
  const problemsOnly = props.problemsOnly === true;
  if (verdict !== undefined || problemsOnly || presence === undefined || presence === 'empty') {
    return <FileIntegrityMark verdict={verdict} problemsOnly={problemsOnly} />;
  }
  const why =
    presence === 'none'
      ? NOT_VALIDATED_REASON.none
      : validation.isError
        ? NOT_VALIDATED_REASON.failed
        : validation.data === undefined
          ? NOT_VALIDATED_REASON.pending
          : NOT_VALIDATED_REASON.unlisted;
  return (
    <span
      className="badge validation-none"
      data-integrity="not-validated"
      title={`Source file integrity: ${why}`}
      aria-label="Source file not validated"
    >
      not validated
    </span>
  );
}

/**
 * FileIntegrityBadge for a verdict already looked up: table rows take theirs from one map read by
 * the table (useFileIntegrityMap), not a query hook each. Shows nothing without a verdict.
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
