import type { FacetValue } from '../../data/types';
import type { FacetPick } from '../../data/useSearchView';
import { AccountName } from '../accounts/AccountName';
import { formatCount } from '../common/formatCount';
import { LogText, logTitle } from '../common/LogText';

/**
 * One value of a facet as a button that filters on it (Alt+click, or the − button, excludes it): a
 * bar scaled to `top` events, the value, a "new" mark when it is first seen in the time range, and
 * its count. The value comes from the logs, so it is rendered as text with invisible characters
 * made visible.
 */
export function FacetValueRow(props: {
  readonly field: string;
  readonly item: FacetValue;
  /** The largest count of the list (the full bar). */
  readonly top: number;
  readonly state: 'include' | 'exclude' | undefined;
  /** The name the user gave this account, for account IDs. */
  readonly accountName: string | undefined;
  /** The time range's start as shown, for the "new" mark's explanation. */
  readonly since: string | undefined;
  readonly onPick: (pick: FacetPick) => void;
}) {
  const { field, item, top, state, accountName, since, onPick } = props;
  const { value, count } = item;
  const shown = value === '' ? '(none)' : value;
  const fresh = item.firstSeen === true && since !== undefined;
  return (
    <li className={state === undefined ? undefined : `facet-${state}`}>
      <button
        type="button"
        className="facet-value"
        title={`${logTitle(shown, 300)}${accountName === undefined ? '' : ` (${accountName})`}: ${formatCount(count)} events${fresh ? ', first seen in this time range' : ''}. Click to filter, Alt+click to exclude.`}
        data-field={field}
        data-first-seen={fresh ? '' : undefined}
        onClick={(e) => onPick({ field, value, exclude: e.altKey })}
      >
        <span
          className="facet-bar"
          style={{ width: `${Math.max(2, (100 * count) / Math.max(1, top))}%` }}
          aria-hidden="true"
        />
        <span className={value === '' ? 'facet-label muted' : 'facet-label'}>
          {value === '' ? shown : <LogText text={value} max={200} />}
          {field === 'recipientAccountId' ? <AccountName id={value} /> : null}
        </span>
        {fresh ? (
          <span
            className="facet-new"
            title={`First seen in this time range: no event before ${since} has it`}
          >
            new
          </span>
        ) : null}
        <span className="facet-count">{formatCount(count)}</span>
      </button>
      <button
        type="button"
        className="facet-exclude"
        aria-label={`Exclude ${shown}`}
        title="Exclude"
        onClick={() => onPick({ field, value, exclude: true })}
      >
        −
      </button>
    </li>
  );
}
