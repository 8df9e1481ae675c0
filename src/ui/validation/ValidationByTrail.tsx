import type { TrailTotals, ValidationTotals } from '../../data/types';
import { AccountId } from '../accounts/AccountId';
import { LogText } from '../common/LogText';
import { formatCount } from '../common/formatCount';

/** The columns of the breakdown: which count, its heading, and how a non-zero count reads. */
const COLUMNS: readonly {
  readonly key: keyof ValidationTotals;
  readonly label: string;
  readonly tone: 'ok' | 'warn' | 'bad';
}[] = [
  { key: 'logsValid', label: 'verified', tone: 'ok' },
  { key: 'logsConsistent', label: 'unauthenticated', tone: 'warn' },
  { key: 'logsModified', label: 'modified', tone: 'bad' },
  { key: 'logsMissing', label: 'missing', tone: 'bad' },
  { key: 'logsUncovered', label: 'not covered', tone: 'warn' },
  { key: 'digestsValid', label: 'valid', tone: 'ok' },
  { key: 'digestsUnverified', label: 'not checked', tone: 'warn' },
  { key: 'digestsUntrustedKey', label: 'untrusted key', tone: 'warn' },
  { key: 'digestsNotValid', label: 'not valid', tone: 'bad' },
  { key: 'digestsMissing', label: 'missing', tone: 'bad' },
];

/**
 * Validation counts per account and Region (from each file's S3 key), so a responder sees which
 * trail has the hole. Zero counts are dimmed; account IDs show the user's names for them.
 */
export function ValidationByTrail(props: { readonly byTrail: readonly TrailTotals[] }) {
  return (
    <table className="validation-by-trail" aria-label="Integrity by account and Region">
      <thead>
        <tr>
          <th rowSpan={2}>Account</th>
          <th rowSpan={2}>Region</th>
          <th colSpan={5} className="group">
            Log files
          </th>
          <th colSpan={5} className="group">
            Digests
          </th>
        </tr>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c.key} className="num">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.byTrail.map((t) => (
          <tr key={`${t.account}/${t.region}`} data-account={t.account} data-region={t.region}>
            <td className="mono">
              {t.account === '' ? <span className="muted">not in the S3 layout</span> : null}
              <AccountId id={t.account} />
            </td>
            <td className="mono">
              <LogText text={t.region} />
            </td>
            {COLUMNS.map((c) => {
              const n = t.totals[c.key];
              return (
                <td key={c.key} className={`num ${n > 0 ? c.tone : 'zero'}`} data-count={c.key}>
                  {formatCount(n)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
