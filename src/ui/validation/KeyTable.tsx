import type { ListedKey } from '../../data/types';
import { LogText } from '../common/LogText';

/** A validity bound as UTC text, minutes precision ('…' when the list gave none). */
function when(ms: number | undefined): string {
  return ms === undefined
    ? '…'
    : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Public keys, one row each: the fingerprint the key list declares (a name only), the SHA-256 of
 * the key's bytes (what identifies it), its validity, where it came from, and its standing. Every
 * field but the hash comes from a key list, so all are shown as text.
 */
export function KeyTable(props: {
  readonly keys: readonly ListedKey[];
  readonly label: string;
  readonly onForget?: (key: ListedKey) => void;
}) {
  return (
    <table className="key-table" aria-label={props.label}>
      <thead>
        <tr>
          <th>Fingerprint (declared)</th>
          <th>SHA-256 of the key</th>
          <th>Valid</th>
          <th>From</th>
          <th>Standing</th>
          {props.onForget === undefined ? null : <th />}
        </tr>
      </thead>
      <tbody>
        {props.keys.map((k) => (
          <tr
            key={`${k.sha256}:${k.source}:${k.addedAt}`}
            data-testid="key-row"
            data-trusted={String(k.trusted)}
            data-conflict={String(k.conflict !== undefined)}
            data-fingerprint={k.fingerprint}
          >
            <td className="mono">
              <LogText text={k.fingerprint} />
            </td>
            <td className="mono wrap" title={k.sha256}>
              {k.sha256.slice(0, 32)}…
            </td>
            <td className="nowrap">
              {when(k.validFrom)} – {when(k.validTo)}
            </td>
            <td className="mono wrap">
              <LogText text={k.source} />
            </td>
            <td className="wrap">
              {k.problem !== undefined ? (
                <span className="bad">
                  Cannot be imported: <LogText text={k.problem} />
                </span>
              ) : k.conflict !== undefined ? (
                <span className="bad" data-testid="key-conflict">
                  Conflict: <LogText text={k.conflict} />
                </span>
              ) : k.trusted ? (
                <span className="ok">trusted for this case</span>
              ) : (
                <span className="warn">found in the evidence, not trusted</span>
              )}
            </td>
            {props.onForget === undefined ? null : (
              <td>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  aria-label={`Remove key ${k.fingerprint}`}
                  onClick={() => props.onForget?.(k)}
                >
                  Remove
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
