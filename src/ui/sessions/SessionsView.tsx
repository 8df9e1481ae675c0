import type { SearchRequest } from '../../data/types';
import { SessionList } from './SessionList';
import { SessionStory } from './SessionStory';
import './Sessions.css';

/**
 * The Sessions view (`?view=sessions`): the sessions under the current filter and time range, or,
 * with `session`, that session told as a story.
 */
export function SessionsView(props: {
  readonly request: SearchRequest;
  readonly session: string | null;
  readonly timeZone: 'utc' | 'local';
  readonly onOpen: (key: string | null) => void;
  /** Applies a query to the event table and shows it. */
  readonly onQuery: (q: string) => void;
  readonly onAddClause: (clause: string) => void;
  readonly onClose: () => void;
}) {
  const { request, session, timeZone, onOpen, onQuery } = props;
  return (
    <section
      className="sessions-view"
      aria-label="Sessions"
      id="main-view"
      role="tabpanel"
      aria-labelledby="main-tab-sessions"
    >
      {session === null ? (
        <SessionList request={request} timeZone={timeZone} onOpen={onOpen} onQuery={onQuery} />
      ) : (
        <SessionStory
          sessionKey={session}
          timeZone={timeZone}
          onBack={() => onOpen(null)}
          onOpen={onOpen}
          onQuery={onQuery}
          onAddClause={props.onAddClause}
        />
      )}
    </section>
  );
}
