import { NO_SELECTION, useViewState } from '../../data/useViewState';
import type { ViewState } from '../../data/useViewState';
import { formatTime } from '../common/formatTime';
import { LogText } from '../common/LogText';
import { usePrefs } from '../prefs/usePrefs';

/**
 * Said inside the table when a search matches nothing: the query (as text) and the time range it
 * ran over, and the ways back: clear the query, search all time, or go back to the previous view.
 */
export function NoMatches() {
  const [view, setView] = useViewState();
  const { timeZone } = usePrefs();
  const q = view.q.trim();
  const ranged = view.range !== 'all';
  return (
    <div className="no-matches" role="status" data-testid="no-matches">
      <p className="no-matches-text">
        {q === '' ? 'No events' : 'No events match '}
        {q === '' ? null : (
          <code className="no-matches-query">
            <LogText text={q} max={500} />
          </code>
        )}{' '}
        in {rangeText(view, timeZone)}.
      </p>
      <div className="no-matches-actions">
        {q === '' ? null : (
          <button
            type="button"
            className="btn"
            onClick={() => void setView({ q: null, ...NO_SELECTION })}
          >
            Clear the query
          </button>
        )}
        {ranged ? (
          <button
            type="button"
            className="btn"
            onClick={() =>
              void setView({ range: 'all', from: null, to: null, anchor: null, ...NO_SELECTION })
            }
          >
            Search all time
          </button>
        ) : null}
        <button type="button" className="btn" onClick={() => history.back()}>
          Back to the previous view
        </button>
      </div>
    </div>
  );
}

/** The time range of the view in words. */
function rangeText(view: ViewState, zone: 'utc' | 'local'): string {
  const suffix = zone === 'utc' ? ' UTC' : '';
  switch (view.range) {
    case 'all':
      return 'all time';
    case 'custom': {
      const from =
        view.from === null ? 'the start' : `${formatTime(view.from.getTime(), zone)}${suffix}`;
      const to = view.to === null ? 'the end' : `${formatTime(view.to.getTime(), zone)}${suffix}`;
      return `${from} to ${to}`;
    }
    default:
      return `the last ${PRESET_WORDS[view.range]} ${view.anchor === 'now' ? 'before now' : 'of the data'}`;
  }
}

const PRESET_WORDS: Readonly<Record<string, string>> = {
  '15m': '15 minutes',
  '1h': 'hour',
  '24h': '24 hours',
  '7d': '7 days',
  '30d': '30 days',
  '90d': '90 days',
};
