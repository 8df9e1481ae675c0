import type { ValidationTotals } from '../../data/types';
import { useDigestPresence, useValidation } from '../../data/validation';
import { formatCount } from '../common/formatCount';
import { integrityVerdict } from './integrityVerdict';
import './Validation.css';

/** The `validation-summary` hook's integer attributes, read by outside checks. */
function hookCounts(t: ValidationTotals | undefined): Record<`data-${string}`, number> {
  return {
    'data-logs-valid': t?.logsValid ?? 0,
    'data-logs-modified': t?.logsModified ?? 0,
    'data-logs-missing': t?.logsMissing ?? 0,
    'data-logs-uncovered': t?.logsUncovered ?? 0,
    'data-digests-valid': t?.digestsValid ?? 0,
    'data-digests-not-valid': t?.digestsNotValid ?? 0,
    'data-digests-missing': t?.digestsMissing ?? 0,
    'data-digests-untrusted-key': t?.digestsUntrustedKey ?? 0,
  };
}

/**
 * The integrity summary in the header: what validation proved, never more, and "not validated: no
 * digest files" when log files were loaded without digests (silence would read as "fine"). Carries
 * the `validation-summary` automation hook (totals over all trails, all zero without digests, final
 * when the page is idle). A click opens the validation panel.
 */
export function ValidationSummary(props: { readonly onOpen: () => void }) {
  const query = useValidation();
  const presence = useDigestPresence();
  const run = query.data;
  if (presence === 'none') {
    return (
      <button
        type="button"
        className="btn btn-warn integrity-summary"
        data-testid="validation-summary"
        {...hookCounts(undefined)}
        title="No CloudTrail digest files were loaded, so no log file was checked for changes. Drop the CloudTrail-Digest folder with the logs to validate them; click for details"
        onClick={props.onOpen}
      >
        Integrity not validated: no digest files
      </button>
    );
  }
  if (run === undefined) {
    return query.isError ? (
      <button type="button" className="btn btn-warn" onClick={props.onOpen}>
        Integrity: validation failed
      </button>
    ) : null;
  }
  const t = run.totals;
  const verdict = integrityVerdict(t);
  const tone = { ok: 'btn btn-ok', warn: 'btn btn-warn', bad: 'btn btn-danger' }[verdict.tone];
  const unsigned = t.digestsValid === 0 && t.digestsUntrustedKey === 0 && t.digestsUnverified > 0;
  // Problems first: the header may cut the text short (the title and the panel have it whole).
  const parts = [
    t.logsModified > 0 ? `${formatCount(t.logsModified)} modified` : '',
    t.logsMissing > 0 ? `${formatCount(t.logsMissing)} missing` : '',
    t.digestsNotValid + t.digestsMissing > 0
      ? `${formatCount(t.digestsNotValid + t.digestsMissing)} digest problems`
      : '',
    t.digestsUntrustedKey > 0
      ? `${formatCount(t.digestsUntrustedKey)} signed by an untrusted key`
      : '',
    unsigned
      ? 'hash chain consistent, signatures not checked'
      : t.logsConsistent > 0
        ? `${formatCount(t.logsConsistent)} unauthenticated`
        : '',
    t.logsValid > 0 ? `${formatCount(t.logsValid)} verified` : '',
    t.logsUncovered > 0 ? `${formatCount(t.logsUncovered)} not covered` : '',
  ].filter((p) => p !== '');
  return (
    <button
      type="button"
      className={`${tone} integrity-summary`}
      data-testid="validation-summary"
      {...hookCounts(t)}
      title={`${verdict.headline}: ${parts.join(', ')}. Checked against the CloudTrail digest files you dropped and the keys you trusted for this case; click for details`}
      onClick={props.onOpen}
    >
      Integrity: {parts.length === 0 ? 'no log files listed' : parts.join(' · ')}
    </button>
  );
}
