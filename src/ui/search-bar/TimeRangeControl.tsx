import { RANGE_PRESETS } from '../../data/useViewState';
import type { RangePreset, ViewState } from '../../data/useViewState';
import { fromInputValue, toInputValue } from './dateTimeInput';

const LABELS: Readonly<Record<RangePreset, string>> = {
  all: 'All time',
  '15m': 'Last 15 min',
  '1h': 'Last hour',
  '24h': 'Last 24 h',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  custom: 'Custom range…',
};

type RangeState = Pick<ViewState, 'range' | 'anchor' | 'from' | 'to'>;

/**
 * The time range: relative presets counted back from the newest event or from now, or an absolute
 * range typed in UTC or local time (following the table's time zone toggle).
 */
export function TimeRangeControl(props: {
  readonly value: RangeState;
  readonly timeZone: 'utc' | 'local';
  readonly onChange: (next: Partial<RangeState>) => void;
}) {
  const { value, timeZone, onChange } = props;
  const relative = value.range !== 'all' && value.range !== 'custom';
  return (
    <div className="time-range" role="group" aria-label="Time range">
      <select
        aria-label="Time range preset"
        value={value.range}
        onChange={(e) => {
          const range = RANGE_PRESETS.find((p) => p === e.target.value) ?? 'all';
          onChange(range === 'custom' ? { range } : { range, from: null, to: null });
        }}
      >
        {RANGE_PRESETS.map((p) => (
          <option key={p} value={p}>
            {LABELS[p]}
          </option>
        ))}
      </select>
      {relative ? (
        <select
          aria-label="Count back from"
          value={value.anchor}
          onChange={(e) => onChange({ anchor: e.target.value === 'now' ? 'now' : 'latest' })}
        >
          <option value="latest">before newest event</option>
          <option value="now">before now</option>
        </select>
      ) : null}
      {value.range === 'custom' ? (
        <>
          <input
            type="datetime-local"
            step={1}
            aria-label={`From (${timeZone === 'utc' ? 'UTC' : 'local time'})`}
            value={toInputValue(value.from, timeZone)}
            onChange={(e) => onChange({ from: fromInputValue(e.target.value, timeZone) })}
          />
          <span className="muted">→</span>
          <input
            type="datetime-local"
            step={1}
            aria-label={`To (${timeZone === 'utc' ? 'UTC' : 'local time'})`}
            value={toInputValue(value.to, timeZone)}
            onChange={(e) => onChange({ to: fromInputValue(e.target.value, timeZone) })}
          />
          <span className="muted">{timeZone === 'utc' ? 'UTC' : 'local'}</span>
        </>
      ) : null}
    </div>
  );
}
