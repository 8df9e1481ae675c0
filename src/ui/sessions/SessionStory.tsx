import { IpOrigin } from '../iporigin/IpOrigin';
import { useState } from 'react';
import { useAnnotate } from '../../data/annotationQueries';
import { useCallMeanings } from '../../data/useCallMeaning';
import { useSessionStory } from '../../data/sessionQueries';
import { formatDuration } from '../../lib/formatDuration';
import { AccountName } from '../accounts/AccountName';
import { countOf, formatCount } from '../common/formatCount';
import { formatTime, zoneLabel } from '../common/formatTime';
import { LogText, logTitle } from '../common/LogText';
import { DetailPane } from '../detail/DetailPane';
import { ChainTree } from './ChainTree';
import { StoryCalls } from './StoryCalls';
import { StoryExport } from './StoryExport';
import { StoryNarrative } from './StoryNarrative';
import { sessionQuery } from './sessionClause';

/**
 * One session told as a story (`?view=sessions&session=<key>`): who and when, the credential chain
 * that produced it, what each distinct call means, then every event in time order with the gaps
 * between bursts. A click on an event shows it in the detail pane beside the story (bookmark, tags
 * and note there; the star on each line bookmarks at once). Export as Markdown for a report.
 */
export function SessionStory(props: {
  readonly sessionKey: string;
  readonly timeZone: 'utc' | 'local';
  readonly onBack: () => void;
  readonly onOpen: (key: string) => void;
  readonly onQuery: (q: string) => void;
  readonly onAddClause: (clause: string) => void;
}) {
  const { sessionKey, timeZone, onBack, onOpen, onQuery } = props;
  const story = useSessionStory(sessionKey);
  const meanings = useCallMeanings();
  const annotate = useAnnotate();
  const [selected, setSelected] = useState<number | undefined>();
  const back = (
    <button type="button" className="btn btn-small" onClick={onBack} data-testid="session-back">
      ← All sessions
    </button>
  );
  if (story === undefined) return <p className="muted sessions-pad">Reading the session…</p>;
  if (story === null)
    return (
      <div className="sessions-pad">
        {back}
        <p className="notice">
          No event in this case is signed with the temporary key{' '}
          <LogText text={sessionKey} max={60} />.
        </p>
      </div>
    );
  const s = story.summary;
  const events = sessionQuery('', s.key);
  const errors = sessionQuery('', s.key, true);
  return (
    <div className={selected === undefined ? 'story' : 'story has-detail'}>
      <div className="story-main" data-testid="session-story" data-key={s.key}>
        <header className="story-head">
          {back}
          <h2>
            Session{' '}
            <span className="mono">
              <LogText text={s.key} />
            </span>
          </h2>
          <StoryExport sessionKey={s.key} calls={story.calls} meanings={meanings} />
        </header>
        <dl className="story-facts">
          <div>
            <dt>Identity</dt>
            <dd title={logTitle(s.arn)}>
              <LogText text={s.arn === '' ? s.userName : s.arn} max={160} />
            </dd>
          </div>
          <div>
            <dt>Account</dt>
            <dd>
              <LogText text={s.account} />
              <AccountName id={s.account} />
            </dd>
          </div>
          <div>
            <dt>When ({zoneLabel(timeZone, s.start)})</dt>
            <dd className="mono">
              {formatTime(s.start, timeZone)} → {formatTime(s.end, timeZone)} ·{' '}
              {formatDuration(s.durationMs)}
            </dd>
          </div>
          <div>
            <dt>Events</dt>
            <dd>
              <a
                href={`?q=${encodeURIComponent(events)}`}
                data-testid="story-events-link"
                data-count={s.events}
                onClick={(e) => {
                  e.preventDefault();
                  onQuery(events);
                }}
              >
                {countOf(s.events, 'event')}
              </a>
              {' · '}
              {s.errors === 0 ? (
                <span className="muted">no errors</span>
              ) : (
                <a
                  href={`?q=${encodeURIComponent(errors)}`}
                  className="story-error"
                  data-testid="story-errors-link"
                  data-count={s.errors}
                  onClick={(e) => {
                    e.preventDefault();
                    onQuery(errors);
                  }}
                >
                  {formatCount(s.errors)} errors
                </a>
              )}
            </dd>
          </div>
          <div>
            <dt>From</dt>
            <dd>
              {formatCount(s.ips)} {s.ips === 1 ? 'IP' : 'IPs'}:{' '}
              {s.topIps.map((ip, i) => (
                <span key={ip.value} className="mono">
                  {i > 0 ? ', ' : ''}
                  <LogText text={ip.value} max={40} /> <IpOrigin ip={ip.value} compact /> (
                  {formatCount(ip.events)})
                </span>
              ))}
              {' · '}
              {s.regions.map((r) => r.value).join(', ')}
            </dd>
          </div>
        </dl>
        <h3 className="story-h">Credential chain</h3>
        <ChainTree root={story.chain} timeZone={timeZone} onOpen={onOpen} />
        <h3 className="story-h">Calls ({formatCount(story.calls.length)})</h3>
        <StoryCalls calls={story.calls} meanings={meanings} />
        <h3 className="story-h">
          Story · a silence over {formatDuration(story.gapMs)} starts a new burst
        </h3>
        {story.truncated ? (
          <p className="notice">
            Only the first {formatCount(story.events.length)} of {countOf(s.events, 'event')} are
            told here; the Events link shows them all.
          </p>
        ) : null}
        <StoryNarrative
          story={story}
          timeZone={timeZone}
          selected={selected}
          onSelect={setSelected}
          onBookmark={(e) =>
            void annotate(e.row, { bookmarked: !e.bookmarked }).catch(() => undefined)
          }
        />
      </div>
      {selected === undefined ? null : (
        <div className="story-detail">
          <DetailPane
            row={selected}
            onClose={() => setSelected(undefined)}
            onQuery={onQuery}
            onAddClause={props.onAddClause}
          />
        </div>
      )}
    </div>
  );
}
