import { useState } from 'react';
import { INDEXED_FIELDS, IP_ORIGIN_FIELDS } from '../../querylang/fields';
import type { Facet, SearchRequest } from '../../data/types';
import type { FacetPick } from '../../data/useSearchView';
import { useAccountNames } from '../accounts/useAccountNames';
import { formatCount } from '../common/formatCount';
import { FacetFullList } from './FacetFullList';
import { FacetValueRow } from './FacetValueRow';
import './FacetPanel.css';

const LABEL = new Map([...INDEXED_FIELDS, ...IP_ORIGIN_FIELDS].map((f) => [f.name, f.label]));
/** Facets with no full list: the IP origin ones list their top values only. */
const TOP_ONLY: ReadonlySet<string> = new Set(IP_ORIGIN_FIELDS.map((f) => f.name));

/**
 * Top values and counts of every lookup attribute and indexed field under the current filter, each
 * with "Show all" (every value, searchable: FacetFullList). Values first seen in the time range are
 * marked "new". Values come from the logs, so they are rendered as text with invisible characters
 * made visible.
 */
export function FacetPanel(props: {
  readonly facets: readonly Facet[] | undefined;
  /** Worker time the counts took (a diagnostic the bench reads). */
  readonly elapsedMs?: number | undefined;
  /** The search result version the counts are of, once they are (not placeholder data). */
  readonly version?: string | undefined;
  /** Said above the counts while they are not those of the current result (version unset). */
  readonly staleNote?: string;
  /** The search the counts are of, and its settled result version: what a full list counts. */
  readonly request: SearchRequest;
  readonly listVersion: string;
  /** The time range's start as shown ("2023-07-10 12:20:00 UTC"); undefined for all time. */
  readonly since: string | undefined;
  /** Values currently selected, per field: included and excluded. */
  readonly isSelected: (field: string, value: string) => 'include' | 'exclude' | undefined;
  readonly onPick: (pick: FacetPick) => void;
  /** Opens an identity's profile (identity facets' `›`). */
  readonly onOpenProfile: (value: string) => void;
  /** "Count by": groups the current filter by the facet's field. */
  readonly onCountBy?: (field: string) => void;
}) {
  const { facets, isSelected, onPick, since } = props;
  const accountNames = useAccountNames();
  const [open, setOpen] = useState<string | undefined>(undefined);
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
        const label = LABEL.get(facet.field) ?? facet.field;
        const all = open === facet.field;
        const more = facet.distinct > facet.values.length && !TOP_ONLY.has(facet.field);
        return (
          <section key={facet.field} className="facet" aria-label={label}>
            <h3 className="facet-title">
              {label}
              <span className="muted"> · {formatCount(facet.distinct)}</span>
              {props.onCountBy === undefined ? null : (
                <button
                  type="button"
                  className="facet-count-by"
                  title={`Count the matching events by ${facet.field} (| count by ${facet.field})`}
                  aria-label={`Count by ${label}`}
                  onClick={() => props.onCountBy?.(facet.field)}
                >
                  Count by
                </button>
              )}
            </h3>
            {all ? (
              <FacetFullList
                request={props.request}
                version={props.listVersion}
                field={facet.field}
                label={label}
                since={since}
                isSelected={isSelected}
                onPick={onPick}
                onOpenProfile={props.onOpenProfile}
                onClose={() => setOpen(undefined)}
              />
            ) : (
              <ul>
                {facet.values.map((item) => (
                  <FacetValueRow
                    key={item.value}
                    field={facet.field}
                    item={item}
                    top={top}
                    state={isSelected(facet.field, item.value)}
                    accountName={
                      facet.field === 'recipientAccountId'
                        ? accountNames.get(item.value)
                        : undefined
                    }
                    since={since}
                    onPick={onPick}
                    onOpenProfile={props.onOpenProfile}
                  />
                ))}
              </ul>
            )}
            {(more || all) && (
              <button
                type="button"
                className="facet-more"
                aria-expanded={all}
                aria-label={all ? `Show top ${label} values` : `Show all ${label} values`}
                onClick={() => setOpen(all ? undefined : facet.field)}
              >
                {all ? 'Show top values' : `Show all ${formatCount(facet.distinct)}`}
              </button>
            )}
          </section>
        );
      })}
    </aside>
  );
}
