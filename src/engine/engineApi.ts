import { CaseManager } from './CaseManager';
import { CaseSession } from './CaseSession';
import type { SessionOptions } from './CaseSession';
import { forward } from './forward';
import type { ParseFn } from './ingest/types';

/** What the engine runs in other workers (ParsePool): parsing, word filters, record tests. */
export type EngineWorkers = Pick<SessionOptions, 'bloom' | 'match' | 'lookahead'> & {
  readonly parse: ParseFn;
};

/**
 * The engine's API as the page reaches it through Comlink: a few lifecycle calls, then one sub-object
 * per service of the open case (`api.search.facets(…)`), each forwarded to the current session's
 * own service object, so a case switch or Clear data (a new session) needs nothing re-wired. Adding a
 * read means adding a method to one service and one hook in data/.
 * @param registryName the case registry's database (tests); the default in the app.
 */
export function createEngineApi(workers: EngineWorkers, registryName?: string) {
  /** Stored files being parsed again while a case opens (replayStoredFiles), for the page to show. */
  let replay: { done: number; total: number; why?: string } | undefined;
  /** The page's listener for the open case's database being closed by another tab. */
  let closedElsewhere: (() => void) | undefined;
  const open = (dbName: string) =>
    CaseSession.open(workers.parse, {
      ...workers,
      dbName,
      onReplay: (done, total, why) => {
        replay =
          done >= total ? undefined : why === undefined ? { done, total } : { done, total, why };
      },
      onClosedElsewhere: () => closedElsewhere?.(),
    }).finally(() => (replay = undefined));
  let session: Promise<CaseSession> | undefined;
  const cases = CaseManager.open(
    open,
    (next) => {
      session = next;
    },
    registryName,
  );
  /** The open case's session; the case manager replaces it on a switch and on Clear data. */
  const current = async () => session ?? (await cases).session;
  return {
    /** Resolves once the open case is loaded and queryable. @throws why it could not be opened. */
    ready: async () => {
      await current();
      return true;
    },
    /** While a case opens: stored files parsed again of those to parse, if any (else undefined). */
    replayProgress: () => replay,
    /** Registers the page's listener for the open case being deleted or upgraded by another tab. */
    onCaseClosedElsewhere: (listener: () => void) => {
      closedElsewhere = listener;
    },
    /** Cases: list, create (not opened), rename, open, delete, and Clear data of the open one. */
    cases: forward(() => cases),
    dataset: forward(async () => (await current()).dataset),
    search: forward(async () => (await current()).search),
    events: forward(async () => (await current()).events),
    files: forward(async () => (await current()).files),
    integrity: forward(async () => (await current()).integrity),
    exports: forward(async () => (await current()).exports),
    notes: forward(async () => (await current()).notes),
    bundles: forward(async () => (await current()).bundles),
  };
}

/** The engine's API; the page sees it through Comlink as `Remote<EngineApi>` (engineClient.ts). */
export type EngineApi = ReturnType<typeof createEngineApi>;
