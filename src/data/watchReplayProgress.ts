import { engineClient } from '../engine/engineClient';
import { setIngestState } from './ingestState';

/** How often the page asks how far the worker is in parsing stored files again while it opens. */
const REPLAY_POLL_MS = 300;

/**
 * While a case opens (at start-up or on a switch), mirrors the worker's replay progress (stored files
 * parsed again, replayStoredFiles) into the ingest state, for ReplayBar. Returns the stop function,
 * which also clears the progress.
 */
export function watchReplayProgress(): () => void {
  let live = true;
  const poll = setInterval(() => {
    void engineClient()
      .replayProgress()
      .then((replay) => {
        if (live) setIngestState({ replay });
      });
  }, REPLAY_POLL_MS);
  return () => {
    live = false;
    clearInterval(poll);
    setIngestState({ replay: undefined });
  };
}
