import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { refreshValidation, useValidation } from '../../data/validation';
import { setValidationExtras, useValidationExtras } from '../../data/validationExtras';
import { LogText } from '../common/LogText';
import { formatCount } from '../common/formatCount';
import { downloadReport } from './downloadReport';
import { integrityVerdict } from './integrityVerdict';
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
  const extras = useValidationExtras();
  const client = useQueryClient();
  const [keysText, setKeysText] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const dialog = useRef<HTMLDivElement>(null);
  // Focus moves in and Tab stays inside; Escape closes; on close the focus goes back.
  useDivDialog(dialog, onClose);

  const update = (next: typeof extras) => {
    setValidationExtras(next);
    void refreshValidation(client);
  };
  const addKeys = (text: string) => {
    try {
      update({ ...extras, publicKeys: [...extras.publicKeys, JSON.parse(text) as unknown] });
      setKeysText('');
      setMessage('Public keys added.');
    } catch {
      setMessage('That is not JSON: paste the output of `aws cloudtrail list-public-keys`.');
    }
  };
  const addSignatures = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.currentTarget.files ?? [])];
    e.currentTarget.value = '';
    const read = await Promise.all(
      files.map(async (f) => {
        try {
          return [{ name: f.name, value: JSON.parse(await f.text()) as unknown }];
        } catch {
          return [];
        }
      }),
    );
    update({ ...extras, signatures: [...extras.signatures, ...read.flat()] });
    setMessage(`${read.flat().length} of ${files.length} signature files read.`);
  };
  const run = query.data;
  const keyCount = extras.publicKeys.length;
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
          lists it; each digest against the next one's record of it; each signature with the AWS
          public key it names. Without a public key the chain can be consistent but is not
          authenticated: whoever rewrote the logs could have rewritten the digests too.
        </p>
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
                  <td className="bad">{formatCount(run.totals.digestsNotValid)} not valid</td>
                  <td className="bad">
                    {formatCount(run.totals.digestsMissing)} missing from the chain
                  </td>
                  <td />
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
        <section className="validation-inputs">
          <h3>Public keys ({keyCount} lists added)</h3>
          <p className="muted">
            Run <code>aws cloudtrail list-public-keys --start-time … --end-time …</code> in each
            digest's Region, while online, and paste the output here.
          </p>
          <textarea
            className="mono"
            rows={4}
            value={keysText}
            aria-label="Public keys (list-public-keys output)"
            onChange={(e) => setKeysText(e.currentTarget.value)}
          />
          <div className="validation-actions">
            <button
              type="button"
              className="btn"
              disabled={keysText.trim() === ''}
              onClick={() => addKeys(keysText)}
            >
              Add keys
            </button>
            <label className="btn">
              Signatures of the newest digests…
              <input
                type="file"
                multiple
                hidden
                accept=".json"
                data-testid="digest-signatures-file"
                onChange={(e) => void addSignatures(e)}
              />
            </label>
            <button
              type="button"
              className="btn btn-ghost"
              disabled={keyCount === 0 && extras.signatures.length === 0}
              onClick={() => update({ publicKeys: [], signatures: [] })}
            >
              Forget keys and signatures
            </button>
          </div>
          <p className="muted">
            The newest digest's signature is S3 metadata, lost on download: save{' '}
            <code>aws s3api head-object --bucket … --key …</code> for it as{' '}
            <code>&lt;digest file name&gt;.metadata.json</code> and add it here.
          </p>
          {message === undefined ? null : <p role="status">{message}</p>}
        </section>
      </div>
    </div>
  );
}
