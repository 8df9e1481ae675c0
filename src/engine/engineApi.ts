import { CaseManager } from './CaseManager';
import { CaseSession } from './CaseSession';
import type { SessionOptions } from './CaseSession';
import { CaseWriter } from './CaseWriter';
import type { ChannelLike } from './CaseWriter';
import type { LockRequester } from './caseLock';
import { forward } from './forward';
import type { ParseFn } from './ingest/types';
import { writingBundles, writingDataset } from './writingServices';

/** What the engine runs in other workers (ParsePool): parsing, word filters, record tests. */
export type EngineWorkers = Pick<SessionOptions, 'bloom' | 'match' | 'lookahead' | 'ipData'> & {
  readonly parse: ParseFn;
};

/** How the engine reaches the other tabs: Web Locks and BroadcastChannel, where the browser has them. */
export interface TabLinks {
  readonly locks: LockRequester | undefined;
  readonly channel: (name: string) => ChannelLike | undefined;
}

/**
 * The browser's: navigator.locks exists only in secure contexts (https, http://localhost), so it
 * may be absent; then tabs are not coordinated (https://w3c.github.io/web-locks/#api-navigator).
 */
export function browserTabLinks(): TabLinks {
  const locks =
    typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
  return {
    locks,
    channel: (name) =>
      typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(name),
  };
}

/**
 * The engine's API as the page reaches it through Comlink: a few lifecycle calls, then one sub-object
 * per service of the open case (`api.search.facets(…)`), each forwarded to the current session's
 * own service object, so a case switch or Clear data (a new session) needs nothing re-wired. Adding a
 * read means adding a method to one service and one hook in data/.
 * @param registryName the case registry's database (tests); the default in the app.
 * @param links how tabs coordinate writes to a case (tests pass their own).
 */
export function createEngineApi(
  workers: EngineWorkers,
  registryName?: string,
  links: TabLinks = browserTabLinks(),
) {
  /** Stored files being parsed again while a case opens (replayStoredFiles), for the page to show. */
  let replay: { done: number; total: number; why?: string } | undefined;
  /** The page's listener for the open case's database being closed by another tab. */
  let closedElsewhere: (() => void) | undefined;
  /** The page's listener for this tab reading the case again after another tab changed it. */
  let refreshed: ((phase: 'start' | 'end') => void) | undefined;
  const writer: CaseWriter<CaseSession> = new CaseWriter({
    locks: links.locks,
    channel: links.channel,
    session: () => current(),
    reload: async () => (await cases).reload(),
    onRefresh: (phase) => refreshed?.(phase),
  });
  const start = async (dbName: string, writerElsewhere: boolean) => {
    const opened = await CaseSession.open(workers.parse, {
      ...workers,
      dbName,
      onReplay: (done, total, why) => {
        replay =
          done >= total ? undefined : why === undefined ? { done, total } : { done, total, why };
      },
      onClosedElsewhere: () => closedElsewhere?.(),
      writerElsewhere,
      saveRebuilt: false,
    });
    writer.opened(opened, writerElsewhere);
    // The save of a rebuilt index writes to the case: one writer at a time.
    if (opened.rebuilt && !writerElsewhere) {
      void writer.write((s) => s.dataset.saveIndex()).catch(() => undefined);
    }
    return opened;
  };
  // Read under a shared hold of the case's lock, so no other tab's write starts half-way through;
  // or, opened by this tab's own write (a reload before it, Clear data), under the lock it holds.
  const open = (dbName: string) =>
    (writer.holds(dbName)
      ? start(dbName, false)
      : writer.lockOf(dbName).read((free) => start(dbName, !free))
    ).finally(() => (replay = undefined));
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
    /**
     * Registers the page's listener for the open case being read again because another tab changed
     * it ('start', then 'end' once the new session answers).
     */
    onCaseChanged: (listener: (phase: 'start' | 'end') => void) => {
      refreshed = listener;
    },
    /** Cases: list, create (not opened), rename, open, delete, and Clear data of the open one. */
    cases: forward(async () => {
      const manager = await cases;
      return {
        list: () => manager.list(),
        create: (name?: string) => manager.create(name),
        rename: (id: string, name: string) => manager.rename(id, name),
        switchTo: (id: string) => manager.switchTo(id),
        remove: (id: string) => manager.remove(id),
        /** Clear data, as the case's one writer. */
        clear: () => writer.write(() => manager.clear()),
      };
    }),
    dataset: forward(() => Promise.resolve(writingDataset(writer, current))),
    search: forward(async () => (await current()).search),
    report: forward(async () => (await current()).report),
    events: forward(async () => (await current()).events),
    sessions: forward(async () => (await current()).sessions),
    identity: forward(async () => (await current()).identity),
    files: forward(async () => (await current()).files),
    integrity: forward(async () => (await current()).integrity),
    exports: forward(async () => (await current()).exports),
    notes: forward(async () => (await current()).notes),
    queries: forward(async () => (await current()).queries),
    ipOrigins: forward(async () => {
      const { ipOrigins } = await current();
      return {
        enrichIps: (codes: readonly number[]) => ipOrigins.enrichIps(codes),
        enrichValues: (values: readonly string[]) => ipOrigins.enrichValues(values),
        enrichAll: () => ipOrigins.enrichAll(),
        plainLookup: () => ipOrigins.plainLookup(),
        databases: () => ipOrigins.databases(),
        // Like rule files, not coordinated across tabs: the last tab to write wins.
        addUserDatabase: (name: string, bytes: Uint8Array<ArrayBuffer>) =>
          ipOrigins.addUserDatabase(name, bytes),
        removeUserDatabase: () => ipOrigins.removeUserDatabase(),
      };
    }),
    detections: forward(async () => {
      const { detections } = await current();
      return {
        progress: () => detections.progress(),
        settled: () => detections.settled(),
        view: () => detections.view(),
        eventHits: (row: number) => detections.eventHits(row),
        callCounts: () => detections.callCounts(),
        report: (format: Parameters<typeof detections.report>[0]) => detections.report(format),
        /** The bench's reference: every rule over every stored record, the plain way (ms, records). */
        plainScan: async () => {
          const { ms, records } = await detections.plainScan();
          return { ms, records };
        },
        // Like annotations, not coordinated across tabs: the last tab to write wins.
        suppress: (ruleId: string, row: number | undefined, note: string) =>
          detections.suppress(ruleId, row, note),
        unsuppress: (ruleId: string, row: number | undefined) => detections.unsuppress(ruleId, row),
        addRuleFiles: (files: readonly { name: string; text: string }[]) =>
          detections.addRuleFiles(files),
        removeRuleFile: (name: string) => detections.removeRuleFile(name),
      };
    }),
    bundles: forward(async () => {
      const { bundles } = await current();
      return {
        size: () => bundles.size(),
        start: (...args: Parameters<typeof bundles.start>) => bundles.start(...args),
        next: (id: number) => bundles.next(id),
        cancel: (id: number) => bundles.cancel(id),
        peek: (zip: Blob) => bundles.peek(zip),
        ...writingBundles(writer),
      };
    }),
  };
}

/** The engine's API; the page sees it through Comlink as `Remote<EngineApi>` (engineClient.ts). */
export type EngineApi = ReturnType<typeof createEngineApi>;
