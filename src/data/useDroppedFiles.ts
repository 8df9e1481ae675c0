import { useCallback } from 'react';
import { create } from 'zustand';
import type { InputFile } from '../engine/ingest/types';
import { peekCaseBundle } from './caseBundleActions';
import { setIngestState } from './ingestState';
import type { IngestActions } from './useIngestActions';
import { splitRuleFiles } from './splitRuleFiles';
import { useDroppedRules } from './useDroppedRules';
import { isIpDatabasePath, useDroppedIpDatabase } from './useDroppedIpDatabase';
import { useImportBundleAsCase } from './useImportBundleAsCase';
import type { CaseImport } from './useImportBundleAsCase';

/** What became of a case bundle dropped on the window: imported as a case, or why not. */
export type DroppedBundle = { readonly result: CaseImport } | { readonly error: string };

// Outside the app's tree: importing a bundle as a case opens another case, which remounts the app.
const useDroppedStore = create<{ readonly dropped: DroppedBundle | undefined }>()(() => ({
  dropped: undefined,
}));
const setDropped = (dropped: DroppedBundle | undefined) => useDroppedStore.setState({ dropped });

/**
 * Files dropped or picked anywhere: a single `.zip` that is a Cairn case bundle (its manifest reads
 * as one) is brought back as a case of its own, as "Import case bundle…" does; Sigma rule files
 * (`.yml`, `.yaml`, alone or in a dropped folder) join the case's rule set first (useDroppedRules
 * reports each); a `.mmdb` becomes the case's own IP database (useDroppedIpDatabase); anything
 * else is ingested. The page reports busy from the drop on, so an idle
 * check right after a drop never sees the moment before the work starts.
 */
export function useDroppedFiles(ingest: IngestActions['ingest']): {
  readonly onFiles: (files: InputFile[] | Promise<InputFile[]>) => void;
  readonly dropped: DroppedBundle | undefined;
  readonly dismiss: () => void;
} {
  const importAsCase = useImportBundleAsCase();
  const dropped = useDroppedStore((s) => s.dropped);
  const addRules = useDroppedRules().add;
  const addIpDatabase = useDroppedIpDatabase().add;
  const onFiles = useCallback(
    (files: InputFile[] | Promise<InputFile[]>) => {
      const only = Array.isArray(files) && files.length === 1 ? files[0] : undefined;
      if (only === undefined || !/\.zip$/i.test(only.path)) {
        // ingest reports busy at once, then waits for the logs: the rules are added meanwhile.
        void ingest(
          (async () => {
            const { rules, logs: rest } = splitRuleFiles(await files);
            if (rules.length > 0) await addRules(rules);
            const mmdb = rest.filter((f) => isIpDatabasePath(f.path));
            if (mmdb.length > 0) await addIpDatabase(mmdb);
            return rest.filter((f) => !isIpDatabasePath(f.path));
          })(),
        );
        return;
      }
      setIngestState({ phase: 'loading', error: undefined, progress: undefined });
      void (async () => {
        const isBundle = await peekCaseBundle(only.file).then(
          () => true,
          () => false,
        );
        if (!isBundle) {
          await ingest(files);
          return;
        }
        setDropped(undefined);
        try {
          setDropped({ result: await importAsCase(only.file) });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          setDropped({ error: message });
          setIngestState({ phase: 'idle' });
        }
      })();
    },
    [ingest, importAsCase, addRules, addIpDatabase],
  );
  const dismiss = useCallback(() => setDropped(undefined), []);
  return { onFiles, dropped, dismiss };
}
