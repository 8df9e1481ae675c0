import { Fragment } from 'react';
import type { SessionStory, StoryEvent } from '../../data/sessionQueries';
import { formatDuration } from '../../lib/formatDuration';
import { countOf, formatCount } from '../common/formatCount';
import { formatTime } from '../common/formatTime';
import { LogText, logTitle } from '../common/LogText';

/**
 * A session's events in time order, one line each (time, call, target, outcome, source IP, marks),
 * grouped in bursts with a summary line, and a break line for each silence between bursts.
 */
export function StoryNarrative(props: {
  readonly story: SessionStory;
  readonly timeZone: 'utc' | 'local';
  readonly selected: number | undefined;
  readonly onSelect: (row: number) => void;
  readonly onBookmark: (event: StoryEvent) => void;
}) {
  const { story, timeZone, selected, onSelect, onBookmark } = props;
  return (
    <ol className="story-events" data-testid="story-events" aria-label="Events in time order">
      {story.bursts.map((burst, b) => (
        <Fragment key={burst.from}>
          {burst.gapBeforeMs > 0 ? (
            <li className="story-gap" data-testid="story-gap" data-gap-ms={burst.gapBeforeMs}>
              — {formatDuration(burst.gapBeforeMs)} later —
            </li>
          ) : null}
          <li className="story-burst" data-testid="story-burst">
            <strong>Burst {b + 1}</strong> · {formatTime(burst.start, timeZone)} →{' '}
            {formatTime(burst.end, timeZone).slice(11)} · {countOf(burst.count, 'event')}
            {burst.errors > 0 ? (
              <span className="story-error"> · {formatCount(burst.errors)} errors</span>
            ) : null}{' '}
            · mostly{' '}
            {burst.calls.map((c, i) => (
              <Fragment key={c.eventName}>
                {i > 0 ? ', ' : ''}
                <LogText text={c.eventName} /> ×{formatCount(c.events)}
              </Fragment>
            ))}
          </li>
          {story.events.slice(burst.from, burst.from + burst.count).map((e) => (
            <li
              key={e.row}
              className={e.row === selected ? 'story-event is-selected' : 'story-event'}
              data-testid="story-event"
              data-row={e.row}
              data-event-id={e.eventID}
            >
              <button
                type="button"
                className="story-open"
                onClick={() => onSelect(e.row)}
                title="Show this event beside the story"
              >
                <span className="mono story-time">{formatTime(e.time, timeZone).slice(11)}</span>
                <span className="story-call">
                  <span className="muted">{e.eventSource.replace(/\.amazonaws\.com$/, '')}</span>{' '}
                  <LogText text={e.eventName} max={80} />
                </span>
                <span className="story-target" title={logTitle(e.resources.join('\n'))}>
                  {e.resources.length === 0 ? '' : <LogText text={e.resources[0] ?? ''} max={90} />}
                  {e.resources.length > 1 ? (
                    <span className="muted"> +{e.resources.length - 1}</span>
                  ) : null}
                </span>
                <span className={e.errorCode === '' ? 'story-ok' : 'story-error'}>
                  {e.errorCode === '' ? 'success' : <LogText text={e.errorCode} max={60} />}
                </span>
                <span className="mono muted story-ip">
                  <LogText text={e.sourceIPAddress} max={40} />
                </span>
              </button>
              <span className="story-marks">
                {e.rules.length > 0 ? (
                  <span className="story-rule" title={logTitle(e.rules.join('\n'))}>
                    ⚑ {e.rules.length}
                  </span>
                ) : null}
                {e.note !== '' ? (
                  <span className="story-note" title={logTitle(e.note)}>
                    ✎
                  </span>
                ) : null}
                <button
                  type="button"
                  className={e.bookmarked ? 'story-star is-on' : 'story-star'}
                  aria-pressed={e.bookmarked}
                  aria-label="Bookmark"
                  title={e.bookmarked ? 'Remove the bookmark' : 'Bookmark this event'}
                  onClick={() => onBookmark(e)}
                >
                  {e.bookmarked ? '★' : '☆'}
                </button>
              </span>
            </li>
          ))}
        </Fragment>
      ))}
    </ol>
  );
}
