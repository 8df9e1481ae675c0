import type { CallMeanings } from '../../cloudtrail/callMeanings';
import { TRAILDISCOVER_REPOSITORY } from '../../cloudtrail/callMeanings';
import type { SessionStory } from '../../data/sessionQueries';
import { formatCount } from '../common/formatCount';
import { LogText } from '../common/LogText';

/** The first sentence of a description, for one line. */
export function firstSentence(text: string): string {
  const cut = /^(.+?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
  return cut.length > 220 ? `${cut.slice(0, 219)}…` : cut;
}

/** Calls shown before "all calls": the story itself must stay near the top. */
const FIRST_CALLS = 6;

/**
 * The session's distinct calls, most events first, each with one line of what it means from
 * TrailDiscover (CC BY 4.0, credited below the list) when it describes the call; past the first
 * few, behind a disclosure.
 */
export function StoryCalls(props: {
  readonly calls: SessionStory['calls'];
  readonly meanings: CallMeanings | undefined;
}) {
  const { calls, meanings } = props;
  const list = (some: SessionStory['calls']) => (
    <ul>
      {some.map((c) => {
        const meaning = meanings?.lookup(c.eventSource, c.eventName);
        return (
          <li key={`${c.eventSource} ${c.eventName}`}>
            <span className="story-call-name">
              <LogText text={c.eventName} max={80} />{' '}
              <span className="muted">×{formatCount(c.events)}</span>
            </span>
            <span className="muted story-meaning">
              {meaning === undefined ? (
                <LogText text={c.eventSource} />
              ) : (
                <a href={meaning.page} target="_blank" rel="noreferrer noopener">
                  <LogText text={firstSentence(meaning.description)} />
                </a>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
  return (
    <div className="story-calls" data-testid="story-calls">
      {list(calls.slice(0, FIRST_CALLS))}
      {calls.length > FIRST_CALLS ? (
        <details>
          <summary>All {formatCount(calls.length)} calls</summary>
          {list(calls.slice(FIRST_CALLS))}
        </details>
      ) : null}
      <p className="muted story-credit">
        Call meanings:{' '}
        <a href={TRAILDISCOVER_REPOSITORY} target="_blank" rel="noreferrer noopener">
          TrailDiscover
        </a>{' '}
        by Adan Alvarez,{' '}
        <a
          href="https://creativecommons.org/licenses/by/4.0/"
          target="_blank"
          rel="noreferrer noopener"
        >
          CC BY 4.0
        </a>
        .
      </p>
    </div>
  );
}
