import { INDEXED_FIELDS } from '../../querylang/fields';
import type { Facet } from '../../data/types';
import type { FacetPick } from '../../data/useSearchView';
import { AccountName } from '../accounts/AccountName';
import { useAccountNames } from '../accounts/useAccountNames';
import { formatCount } from '../common/formatCount';
import { LogText, logTitle } from '../common/LogText';
import './FacetPanel.css';

const LABEL = new Map(INDEXED_FIELDS.map((f) => [f.name, f.label]));

/**
 * Top values and counts of every lookup attribute and indexed field under the current filter. Values
 * come from the logs, so they are rendered as text with invisible characters made visible.
 */
export function FacetPanel(props: {
  readonly facets: readonly Facet[] | undefined;
  /** Worker time the counts took (a diagnostic the bench reads). */
  readonly elapsedMs?: number | undefined;
  /** The search result version the counts are of, once they are (not placeholder data). */
  readonly version?: string | undefined;
  /** Said above the counts while they are not those of the current result (version unset). */
  readonly staleNote?: string;
  /** Values currently selected, per field: included and excluded. */
  readonly isSelected: (field: string, value: string) => 'include' | 'exclude' | undefined;
  readonly onPick: (pick: FacetPick) => void;
}) {
  const { facets, isSelected, onPick } = props;
  const accountNames = useAccountNames();
  const stale = props.version === undefined && props.staleNote !== undefined;
  return (
    <aside
      className={stale ? 'facets facets-stale' : 'facets'}
      aria-busy={stale}
      aria-label="Facets"
      data-testid="facets"
      data-elapsed-ms={props.elapsedMs?.toFixed(1)}
      data-version={props.version}
    >
      {stale && <p className="facets-note muted">{props.staleNote}</p>}
      {(facets ?? []).map((facet) => {
        const top = facet.values[0]?.count ?? 1;
        return (
          <section key={facet.field} className="facet" aria-label={LABEL.get(facet.field)}>
            <h3 className="facet-title">
              {LABEL.get(facet.field) ?? facet.field}
              <span className="muted"> · {formatCount(facet.distinct)}</span>
            </h3>
            <ul>
              {facet.values.map(({ value, count }) => {
                const state = isSelected(facet.field, value);
                const shown = value === '' ? '(none)' : value;
                const name =
                  facet.field === 'recipientAccountId' ? accountNames.get(value) : undefined;
                return (
                  <li key={value} className={state === undefined ? undefined : `facet-${state}`}>
                    <button
                      type="button"
                      className="facet-value"
                      title={`${logTitle(shown, 300)}${name === undefined ? '' : ` (${name})`}: ${formatCount(count)} events. Click to filter, Alt+click to exclude.`}
                      data-field={facet.field}
                      onClick={(e) => onPick({ field: facet.field, value, exclude: e.altKey })}
                    >
                      <span
                        className="facet-bar"
                        style={{ width: `${Math.max(2, (100 * count) / top)}%` }}
                        aria-hidden="true"
                      />
                      <span className={value === '' ? 'facet-label muted' : 'facet-label'}>
                        {value === '' ? shown : <LogText text={value} max={200} />}
                        {facet.field === 'recipientAccountId' ? <AccountName id={value} /> : null}
                      </span>
                      <span className="facet-count">{formatCount(count)}</span>
                    </button>
                    <button
                      type="button"
                      className="facet-exclude"
                      aria-label={`Exclude ${shown}`}
                      title="Exclude"
                      onClick={() => onPick({ field: facet.field, value, exclude: true })}
                    >
                      −
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
