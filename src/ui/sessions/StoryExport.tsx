import type { CallMeanings } from '../../cloudtrail/callMeanings';
import { openFileSink } from '../../data/saveFile';
import { useSessionMarkdown } from '../../data/sessionQueries';
import type { SessionStory } from '../../data/sessionQueries';
import { useTransientMessage } from '../common/useTransientMessage';
import { firstSentence } from './StoryCalls';

/** Saves the story as Markdown (the engine writes it; every log string escaped). */
export function StoryExport(props: {
  readonly sessionKey: string;
  readonly calls: SessionStory['calls'];
  readonly meanings: CallMeanings | undefined;
}) {
  const { sessionKey, calls, meanings } = props;
  const markdown = useSessionMarkdown();
  const { message, show } = useTransientMessage<string>();
  const run = async () => {
    try {
      const lines = calls.flatMap((c) => {
        const m = meanings?.lookup(c.eventSource, c.eventName);
        return m === undefined
          ? []
          : [[c.eventSource, c.eventName, firstSentence(m.description)] as const];
      });
      const text = await markdown(sessionKey, lines);
      if (text === undefined) throw new Error('the session is no longer in the case');
      const safeKey = sessionKey.replace(/[^A-Za-z0-9]/g, '');
      const sink = await openFileSink(`cairn-session-${safeKey}.md`, 'text/markdown', '.md');
      await sink.write(text);
      await sink.close();
      show('Saved the Markdown story');
    } catch (error) {
      show(
        error instanceof DOMException && error.name === 'AbortError'
          ? undefined
          : `Export failed: ${String(error)}`,
      );
    }
  };
  return (
    <span className="story-export">
      <button
        type="button"
        className="btn btn-small"
        data-testid="session-export"
        onClick={() => void run()}
        title="A report: the chain, the calls, every event with times in UTC and your zone, gaps and notes"
      >
        Export Markdown
      </button>
      {message === undefined ? null : (
        <span className="muted" role="status">
          {message}
        </span>
      )}
    </span>
  );
}
