import { useState } from 'react';
import type { ValidationRun } from '../../data/types';
import { LogText } from '../common/LogText';

const ORDER = [
  'modified',
  'missing',
  'notValid',
  'untrustedKey',
  'uncovered',
  'consistent',
  'unverified',
  'valid',
];
const LABEL: Readonly<Record<string, string>> = {
  valid: 'verified',
  consistent: 'unauthenticated',
  modified: 'modified',
  missing: 'missing',
  uncovered: 'not covered',
  notValid: 'not valid',
  unverified: 'not checked',
  untrustedKey: 'untrusted key',
};
const PAGE = 200;

/** The per-digest and per-file verdicts, problems first. Paths and reasons are log-derived text. */
export function ValidationList(props: { readonly run: ValidationRun }) {
  const [shown, setShown] = useState(PAGE);
  const rows = [
    ...props.run.missingDigests.map((key) => ({
      kind: 'digest',
      key,
      path: key,
      status: 'missing',
      reason: 'A digest points back to it; it was not provided',
    })),
    ...props.run.digests.map((d) => ({
      kind: 'digest',
      key: d.key,
      path: d.path,
      status: d.status,
      reason: d.reason,
    })),
    ...props.run.logs.map((l) => ({
      kind: 'log file',
      key: l.key,
      path: l.path ?? l.key,
      status: l.status,
      reason: l.reason,
    })),
  ].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
  return (
    <div className="validation-list">
      <table>
        <thead>
          <tr>
            <th>Status</th>
            <th>File</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((r) => (
            <tr key={`${r.kind}:${r.key}:${r.path}`} data-status={r.status}>
              <td>
                <span className={`badge validation-${r.status}`}>
                  {LABEL[r.status] ?? r.status}
                </span>{' '}
                <span className="muted">{r.kind}</span>
              </td>
              <td className="mono wrap">
                <LogText text={r.key} />
              </td>
              <td className="wrap">
                <LogText text={r.reason} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown ? (
        <button type="button" className="btn btn-small" onClick={() => setShown(shown + PAGE * 5)}>
          Show more ({rows.length - shown} left)
        </button>
      ) : null}
    </div>
  );
}
