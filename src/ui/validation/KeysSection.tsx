import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChangeEvent } from 'react';
import {
  addSignatureFiles,
  forgetKey,
  forgetTrust,
  readGivenTexts,
  trustEvidenceKeys,
  trustKeyTexts,
  useCaseKeys,
} from '../../data/validationKeys';
import { LogText } from '../common/LogText';
import { useTransientMessage } from '../common/useTransientMessage';
import { KeyTable } from './KeyTable';

/**
 * The trust anchors of the open case. A digest is valid only through a key the user imported here
 * as trusted (pasted, or picked with the trusted-keys input), for this case only. Key lists that
 * came with the evidence are listed apart, never trusted until the user reviews them and says so:
 * whoever could rewrite the logs could have written those too.
 */
export function KeysSection() {
  const client = useQueryClient();
  const listing = useCaseKeys().data;
  const [text, setText] = useState('');
  // What the last import did, until the next action: the key table below says what holds now.
  const { message, show: setMessage } = useTransientMessage<string>();
  const [reviewing, setReviewing] = useState(false);
  const trusted = listing?.keys.filter((k) => k.trusted) ?? [];
  const evidence = listing?.keys.filter((k) => !k.trusted) ?? [];

  const report = (added: number, problems: readonly string[]) =>
    setMessage(
      [
        `${added} key${added === 1 ? '' : 's'} trusted for this case.`,
        ...problems.map((p) => `Not imported: ${p}`),
      ].join(' '),
    );
  const trustPasted = async () => {
    const r = await trustKeyTexts(client, [{ source: 'pasted', text }]);
    if (r.added > 0) setText('');
    report(r.added, r.problems);
  };
  const trustFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.currentTarget.files ?? [])];
    e.currentTarget.value = '';
    const r = await trustKeyTexts(client, await readGivenTexts(files));
    report(r.added, r.problems);
  };
  const addSignatures = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.currentTarget.files ?? [])];
    e.currentTarget.value = '';
    const read = await addSignatureFiles(client, await readGivenTexts(files));
    setMessage(`${read} of ${files.length} signature files read.`);
  };
  const trustFound = async () => {
    const n = await trustEvidenceKeys(
      client,
      evidence.map((k) => k.sha256),
    );
    setReviewing(false);
    setMessage(`${n} key${n === 1 ? '' : 's'} from the evidence trusted for this case.`);
  };

  return (
    <section className="validation-inputs" aria-label="Public keys">
      <h3>Trusted keys for this case ({trusted.length})</h3>
      <p className="muted">
        A digest is valid only when its signature verifies with a key you trust here. Get the keys
        from AWS yourself, while online:{' '}
        <code>aws cloudtrail list-public-keys --start-time … --end-time …</code> in each digest's
        Region; then paste the output or import the file. The fingerprint is only the name a key
        list gives; the SHA-256 is computed from the key itself.
      </p>
      {trusted.length === 0 ? null : (
        <KeyTable
          keys={trusted}
          label="Trusted keys"
          onForget={(k) => void forgetKey(client, k.sha256, true)}
        />
      )}
      <textarea
        className="mono"
        rows={3}
        value={text}
        aria-label="Public keys (list-public-keys output)"
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <div className="validation-actions">
        <button
          type="button"
          className="btn"
          disabled={text.trim() === ''}
          onClick={() => void trustPasted()}
        >
          Trust pasted keys
        </button>
        <label className="btn">
          Import trusted key files…
          <input
            type="file"
            multiple
            hidden
            accept=".json,application/json"
            data-testid="trusted-keys-input"
            onChange={(e) => void trustFiles(e)}
          />
        </label>
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
          disabled={trusted.length === 0 && (listing?.signatures ?? 0) === 0}
          onClick={() => void forgetTrust(client)}
        >
          Forget trusted keys and signatures
        </button>
      </div>
      <p className="muted">
        The newest digest's signature is S3 metadata, lost on download: save{' '}
        <code>aws s3api head-object --bucket … --key …</code> for it as{' '}
        <code>&lt;digest file name&gt;.metadata.json</code> and add it here.
      </p>
      {evidence.length === 0 ? null : (
        <div className="evidence-keys" data-testid="evidence-keys">
          <h3>Found in the evidence, not trusted ({evidence.length})</h3>
          <p className="warn">
            These key lists came with the files. Whoever could rewrite the logs could have written
            them too, so a signature that verifies only with one of them proves nothing. Trust them
            only if each fingerprint and key matches what AWS gives you.
          </p>
          <KeyTable
            keys={evidence}
            label="Keys found in the evidence"
            onForget={(k) => void forgetKey(client, k.sha256, false)}
          />
          {reviewing ? (
            <div className="validation-actions" role="group" aria-label="Trust the keys found">
              <span>
                Trust {evidence.length === 1 ? 'this key' : `these ${evidence.length} keys`} for
                this case? Compare each fingerprint (
                {evidence.map((k, i) => (
                  <span key={k.sha256 + String(i)} className="mono">
                    {i > 0 ? ', ' : ''}
                    <LogText text={k.fingerprint} />
                  </span>
                ))}
                ) with <code>aws cloudtrail list-public-keys</code> from your own session first.
              </span>
              <button type="button" className="btn btn-warn" onClick={() => void trustFound()}>
                {evidence.length === 1 ? 'Trust this key' : `Trust these ${evidence.length} keys`}
              </button>
              <button type="button" className="btn btn-ghost" onClick={() => setReviewing(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <div className="validation-actions">
              <button type="button" className="btn" onClick={() => setReviewing(true)}>
                Review and trust these keys…
              </button>
            </div>
          )}
        </div>
      )}
      {message === undefined ? null : (
        <p role="status">
          <LogText text={message} />
        </p>
      )}
    </section>
  );
}
