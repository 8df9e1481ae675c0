import type { FacetValue } from '../../data/types';
import type { FacetPick } from '../../data/useSearchView';
import { AccountName } from '../accounts/AccountName';
import { formatCount } from '../common/formatCount';
import { LogText, logTitle } from '../common/LogText';
import { countryName } from '../iporigin/originText';

/** Facets whose values name an identity: their rows offer "Open profile" (ui/identity). */
const IDENTITY_FACETS = new Set([
  'userName',
  'userIdentity.arn',
  'accessKeyId',
  'userIdentity.principalId',
]);

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
  /** Opens an identity's profile; given once by the sidebar, not looked up by every row. */
  readonly onOpenProfile: (value: string) => void;
}) {
  const { field, item, top, state, accountName, since, onPick, onOpenProfile } = props;
  const { value, count } = item;
  const shown = value === '' ? '(none)' : value;
  // An ASN's organisation, a country's name: read from the databases, shown after the value.
  const label =
    item.label ??
    (field === 'sourceIPAddress.country' && /^[A-Z]{2}$/.test(value) ? countryName(value) : '');
  const fresh = item.firstSeen === true && since !== undefined;
  return (
    <li className={state === undefined ? undefined : `facet-${state}`}>
      <button
        type="button"
        className="facet-value"
        title={`${logTitle(shown, 300)}${label === '' ? '' : ` ${logTitle(label, 200)}`}${accountName === undefined ? '' : ` (${accountName})`}: ${formatCount(count)} events${fresh ? ', first seen in this time range' : ''}. Click to filter, Alt+click to exclude.`}
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
          {value === '' ? shown : <MiddleCut text={value} />}
          {field === 'recipientAccountId' ? <AccountName id={value} /> : null}
          {label === '' ? null : (
            <span className="muted facet-value-label">
              {' '}
              <LogText text={label} max={80} />
            </span>
          )}
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
      {IDENTITY_FACETS.has(field) && value !== '' ? (
        <button
          type="button"
          className="facet-exclude facet-profile"
          data-testid="facet-open-profile"
          aria-label={`Open the profile of ${shown}`}
          title="Open profile"
          onClick={() => onOpenProfile(value)}
        >
          ›
        </button>
      ) : null}
    </li>
  );
}

/** Characters kept whole at the end of a long value: an ARN's or a key's distinguishing tail. */
const TAIL = 12;

/**
 * A value cut in the middle when too wide: the head shrinks behind an ellipsis (CSS) and the last
 * TAIL characters stay, so `arn:…:secret:prod-db-XYZ` and `arn:…:secret:test-db-ABC` differ on
 * screen. The text content stays whole (tests and copy read it). Values past 200 characters are
 * clipped (LogText) rather than laid out whole.
 */
function MiddleCut(props: { readonly text: string }) {
  const { text } = props;
  if (text.length <= 2 * TAIL || text.length > 200) return <LogText text={text} max={200} />;
  let at = text.length - TAIL;
  // Never between the halves of a surrogate pair.
  const code = text.charCodeAt(at);
  if (code >= 0xdc00 && code <= 0xdfff) at--;
  return (
    <span className="facet-label-cut">
      <span className="facet-label-head">
        <LogText text={text.slice(0, at)} />
      </span>
      <span className="facet-label-tail">
        <LogText text={text.slice(at)} />
      </span>
    </span>
  );
}
