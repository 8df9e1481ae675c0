import { useValidation } from '../../data/validation';
import { formatCount } from '../common/formatCount';
import { integrityVerdict } from './integrityVerdict';
import './Validation.css';

/**
 * The integrity summary in the header, once digests are stored: what validation proved, never more.
 * Carries the `validation-summary` automation hook (totals over all trails, final when the page is
 * idle). A click opens the validation panel.
 */
export function ValidationSummary(props: { readonly onOpen: () => void }) {
  const query = useValidation();
  const run = query.data;
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
      data-logs-valid={t.logsValid}
      data-logs-modified={t.logsModified}
      data-logs-missing={t.logsMissing}
      data-logs-uncovered={t.logsUncovered}
      data-digests-valid={t.digestsValid}
      data-digests-not-valid={t.digestsNotValid}
      data-digests-missing={t.digestsMissing}
      data-digests-untrusted-key={t.digestsUntrustedKey}
      title={`${verdict.headline}: ${parts.join(', ')}. Checked against the CloudTrail digest files you dropped and the keys you trusted for this case; click for details`}
      onClick={props.onOpen}
    >
      Integrity: {parts.length === 0 ? 'no log files listed' : parts.join(' · ')}
    </button>
  );
}
