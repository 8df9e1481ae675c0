import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { sensitiveCalls } from '../../cloudtrail/sensitiveCalls';
import { TRAILDISCOVER_REPOSITORY } from '../../cloudtrail/callMeanings';
import { callCountsQuery } from '../../data/detectionQueries';
import { useCallMeanings } from '../../data/useCallMeaning';
import { formatCount } from '../common/formatCount';
import { LogText } from '../common/LogText';
import { quoteValue } from '../search-bar/tokenAtCursor';

/** Calls listed before "Show all": the most telling ones come first. */
const SHOWN = 12;

/**
 * The calls present in the case that TrailDiscover ties to ATT&CK tactics ("sensitive calls
 * present"), most tactics and incidents first, each a click away from its events. Not detections:
 * context for what the rules did not flag. TrailDiscover's data is CC BY 4.0, credited here.
 * @see https://github.com/adanalvarez/TrailDiscover
 */
export function SensitiveCalls(props: { readonly onQuery: (q: string) => void }) {
  const meanings = useCallMeanings();
  const counts = useQuery(callCountsQuery()).data;
  const [all, setAll] = useState(false);
  if (meanings === undefined || counts === undefined) return null;
  const calls = sensitiveCalls(meanings, counts);
  if (calls.length === 0) return null;
  const shown = all ? calls : calls.slice(0, SHOWN);
  return (
    <section className="sensitive-calls" aria-labelledby="sensitive-calls-head">
      <h3 id="sensitive-calls-head">
        Sensitive calls present{' '}
        <span className="muted">
          · {formatCount(calls.length)} calls tied to ATT&amp;CK tactics, from{' '}
          <a href={TRAILDISCOVER_REPOSITORY} target="_blank" rel="noopener noreferrer">
            TrailDiscover (CC BY 4.0)
          </a>
        </span>
      </h3>
      <ul className="sensitive-call-list">
        {shown.map((c) => (
          <li key={`${c.eventSource} ${c.eventName}`} data-testid="sensitive-call">
            <button
              type="button"
              className="link-button"
              onClick={() =>
                props.onQuery(
                  `eventName:${quoteValue(c.eventName)} eventSource:${quoteValue(c.eventSource)}`,
                )
              }
            >
              <LogText text={c.eventName} max={120} />
            </button>{' '}
            <span className="muted">
              {formatCount(c.count)} · {c.tactics.map((t) => t.name).join(', ')}
              {c.incidents > 0 ? ` · seen in ${formatCount(c.incidents)} incidents` : ''}
            </span>
          </li>
        ))}
      </ul>
      {calls.length > SHOWN ? (
        <button type="button" className="btn btn-small" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${formatCount(calls.length)}`}
        </button>
      ) : null}
    </section>
  );
}
