import { useCallback } from 'react';
import { create } from 'zustand';
import type { InputFile } from '../engine/ingest/types';
import { useIpDatabaseActions } from './ipOriginQueries';

/** What became of a dropped `.mmdb`: added (what it answers), or why not. */
export type DroppedIpDatabase =
  | { readonly name: string; readonly fields: readonly string[] }
  | { readonly name: string; readonly error: string };

/**
 * True for a path Cairn takes as a MaxMind DB (`.mmdb`, any case): never a CloudTrail log.
 * @see https://maxmind.github.io/MaxMind-DB/
 */
export function isIpDatabasePath(path: string): boolean {
  return /\.mmdb$/i.test(path);
}

const useStore = create<{ readonly dropped: DroppedIpDatabase | undefined }>()(() => ({
  dropped: undefined,
}));
const setDropped = (dropped: DroppedIpDatabase | undefined) => useStore.setState({ dropped });

/**
 * The outcome of the last dropped `.mmdb`, until dismissed, and `add`, which keeps the last of the
 * dropped ones as the case's own IP database. `add` never throws: a failure is in the outcome.
 */
export function useDroppedIpDatabase(): {
  readonly dropped: DroppedIpDatabase | undefined;
  readonly dismiss: () => void;
  readonly add: (inputs: readonly InputFile[]) => Promise<void>;
} {
  const dropped = useStore((s) => s.dropped);
  const { add: addDatabase } = useIpDatabaseActions();
  const add = useCallback(
    async (inputs: readonly InputFile[]) => {
      const last = inputs.at(-1);
      if (last === undefined) return;
      setDropped(undefined);
      const name = last.path.split('/').at(-1) ?? last.path;
      try {
        const info = await addDatabase(last.file, name);
        setDropped({ name, fields: info.fields });
      } catch (e) {
        setDropped({ name, error: e instanceof Error ? e.message : String(e) });
      }
    },
    [addDatabase],
  );
  const dismiss = useCallback(() => setDropped(undefined), []);
  return { dropped, dismiss, add };
}
