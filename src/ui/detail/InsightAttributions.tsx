import type {
  InsightAttribution,
  InsightAttributionValue,
} from '../../cloudtrail/readInsightDetails';
import { attributeLabel, formatRate } from './formatInsight';
import { LogText } from '../common/LogText';

/**
 * An insight's top contributors, one small table per attribute: each value with its rate during the
 * insight and over the baseline ('—' where AWS did not list it on that side). Values are text only.
 */
export function InsightAttributions(props: {
  readonly attributions: readonly InsightAttribution[];
  readonly unit: 'calls' | 'errors';
}) {
  const { attributions, unit } = props;
  if (attributions.length === 0) return null;
  return (
    <div className="insight-attributions">
      <h4>Top contributors</h4>
      {attributions.map((a, i) => (
        <table
          key={`${a.attribute}-${i}`}
          className="kv-table insight-attribution"
          data-testid={`insight-attribution-${a.attribute}`}
        >
          <caption>{attributeLabel(a.attribute)}</caption>
          <thead>
            <tr>
              <th scope="col">Value</th>
              <th scope="col" className="num" title={`${unit} per minute during the insight`}>
                Insight
              </th>
              <th scope="col" className="num" title={`${unit} per minute over the baseline`}>
                Baseline
              </th>
            </tr>
          </thead>
          <tbody>
            {mergeRows(a).map((row) => (
              <tr key={row.value}>
                <td className="insight-value">
                  {a.attribute === 'errorCode' && row.value === 'null' ? (
                    <span className="muted" title='AWS writes "null": calls without an error'>
                      no error
                    </span>
                  ) : (
                    <LogText text={row.value} max={300} />
                  )}
                </td>
                <td className="num">{row.insight === null ? '—' : formatRate(row.insight)}</td>
                <td className="num">{row.baseline === null ? '—' : formatRate(row.baseline)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <p className="muted insight-note">Rates are {unit} per minute.</p>
    </div>
  );
}

interface MergedRow {
  readonly value: string;
  /** null: not listed on that side; undefined: listed without a readable number. */
  readonly insight: number | undefined | null;
  readonly baseline: number | undefined | null;
}

// One row per value: the insight's list first (AWS sorts it by rate), then baseline-only values.
function mergeRows(a: InsightAttribution): MergedRow[] {
  const baseline = new Map<string, InsightAttributionValue>(a.baseline.map((v) => [v.value, v]));
  const seen = new Set<string>();
  const rows: MergedRow[] = [];
  for (const v of a.insight) {
    if (seen.has(v.value)) continue;
    seen.add(v.value);
    const b = baseline.get(v.value);
    rows.push({ value: v.value, insight: v.average, baseline: b === undefined ? null : b.average });
  }
  for (const v of a.baseline) {
    if (seen.has(v.value)) continue;
    seen.add(v.value);
    rows.push({ value: v.value, insight: null, baseline: v.average });
  }
  return rows;
}
