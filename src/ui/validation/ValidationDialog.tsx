import { useRef } from 'react';
import { useDigestPresence, useValidation } from '../../data/validation';
import { LogText } from '../common/LogText';
import { formatCount } from '../common/formatCount';
import { downloadReport } from './downloadReport';
import { integrityVerdict } from './integrityVerdict';
import { KeysSection } from './KeysSection';
import { DigestConflicts } from './DigestConflicts';
import { ValidationByTrail } from './ValidationByTrail';
import { ValidationList } from './ValidationList';
import './Validation.css';
import { useDivDialog } from '../keyboard/useDialogFocus';

/**
 * The validation panel: what was checked and how far it could be trusted, the per-digest and
 * per-file verdicts, the public keys and saved signatures that make signatures checkable, and the
 * report as JSON or Markdown.
 */
export function ValidationDialog(props: { readonly onClose: () => void }) {
  const { onClose } = props;
  const query = useValidation();
  const dialog = useRef<HTMLDivElement>(null);
  // Focus moves in and Tab stays inside; Escape closes; on close the focus goes back.
  useDivDialog(dialog, onClose);
  const presence = useDigestPresence();
  const run = query.data;
  return (
    <div className="validation-backdrop">
      <div
        className="validation-panel"
        role="dialog"
        aria-modal="true"
        aria-label="Log file integrity"
        tabIndex={-1}
        ref={dialog}
      >
        <div className="validation-head">
          <h2>Log file integrity</h2>
          <button type="button" className="btn btn-ghost" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </div>
        <p className="muted">
          Each log file's SHA-256 (of its uncompressed content) is checked against the digest that
          lists it; each digest against the next one's record of it; each signature with a public
          key you trusted for this case. Without a trusted key the chain can be consistent but is
          not authenticated: whoever rewrote the logs could have rewritten the digests, and the key
          list beside them, too.
        </p>
        {presence === 'none' ? (
          <p className="validation-verdict warn" data-testid="validation-verdict">
            Not validated: no digest files. No log file of this case was checked, so none can be
            called unmodified. Drop the CloudTrail-Digest folder (AWSLogs/…/CloudTrail-Digest/) with
            the logs to validate them.
          </p>
        ) : null}
        {query.isFetching ? <p role="status">Validating…</p> : null}
        {query.isError ? <p className="error">Validation failed: {String(query.error)}</p> : null}
        {run === undefined ? null : (
          <>
            <p
              className={`validation-verdict ${integrityVerdict(run.totals).tone}`}
              data-testid="validation-verdict"
            >
              {integrityVerdict(run.totals).headline}
            </p>
            <table className="validation-totals">
              <tbody>
                <tr>
                  <th>Log files</th>
                  <td className="ok">{formatCount(run.totals.logsValid)} verified</td>
                  <td className="warn">
                    {formatCount(run.totals.logsConsistent)} hash matches, digest not authenticated
                  </td>
                  <td className="bad">{formatCount(run.totals.logsModified)} modified</td>
                  <td className="bad">{formatCount(run.totals.logsMissing)} missing</td>
                  <td className="warn">
                    {formatCount(run.totals.logsUncovered)} not covered by a digest
                  </td>
                </tr>
                <tr>
                  <th>Digests</th>
                  <td className="ok">{formatCount(run.totals.digestsValid)} valid</td>
                  <td className="warn">
                    {formatCount(run.totals.digestsUnverified)} signature not checked
                  </td>
                  <td className="warn">
                    {formatCount(run.totals.digestsUntrustedKey)} signed by an untrusted key
                  </td>
                  <td className="bad">{formatCount(run.totals.digestsNotValid)} not valid</td>
                  <td className="bad">
                    {formatCount(run.totals.digestsMissing)} missing from the chain
                  </td>
                </tr>
              </tbody>
            </table>
            {run.byTrail.length > 1 || run.byTrail[0]?.account === '' ? (
              <ValidationByTrail byTrail={run.byTrail} />
            ) : null}
            {run.problems.length === 0 ? null : (
              <ul className="error">
                {run.problems.map((p) => (
                  <li key={p}>
                    <LogText text={p} />
                  </li>
                ))}
              </ul>
            )}
            <DigestConflicts conflicts={run.conflicts} />
            <KeysSection />
            <ValidationList run={run} />
            <div className="validation-actions">
              <button type="button" className="btn" onClick={() => downloadReport(run, 'json')}>
                Report (JSON)
              </button>
              <button type="button" className="btn" onClick={() => downloadReport(run, 'md')}>
                Report (Markdown)
              </button>
            </div>
          </>
        )}
        {run === undefined ? <KeysSection /> : null}
      </div>
    </div>
  );
}
