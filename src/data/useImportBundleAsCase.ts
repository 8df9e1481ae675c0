import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { BundleImport } from './annotationTypes';
import { importCaseBundle, peekCaseBundle } from './caseBundleActions';
import { casesQuery } from './caseQueries';
import { useApplyView } from './useApplyView';
import { useCaseActions } from './useCaseActions';

/** A bundle imported as a case (named `caseName`, as in the bundle): the import's outcome. */
export interface CaseImport extends BundleImport {
  /** True when a new case was made for it; false when the open case was empty and took it. */
  readonly created: boolean;
}

/**
 * "Import a case bundle as a case": reads the bundle's manifest first (a file that is no bundle
 * changes nothing), then brings the case back under its own name, in the open case when that one is
 * still empty, else in a new case opened for it, then imports the bundle there (its files, notes,
 * tags, bookmarks) and applies its saved view.
 * @throws Error with a readable reason when the file is not a valid case bundle, or the case cannot
 *   be created or opened (e.g. during an ingest).
 */
export function useImportBundleAsCase(): (zip: Blob) => Promise<CaseImport> {
  const client = useQueryClient();
  const actions = useCaseActions();
  const applyView = useApplyView();
  return useCallback(
    async (zip: Blob) => {
      const manifest = await peekCaseBundle(zip);
      const list = await client.query({ ...casesQuery(), staleTime: 0 });
      const open = list.cases.find((c) => c.id === list.activeId);
      const empty =
        open !== undefined &&
        (open.summary === undefined ||
          open.summary.eventCount + open.summary.logFiles + open.summary.digestFiles === 0);
      if (open !== undefined && empty) await actions.rename(open.id, manifest.caseName);
      else await actions.createAndOpen(manifest.caseName);
      const outcome = await importCaseBundle(client, zip);
      await applyView(outcome.view);
      return { ...outcome, created: !empty };
    },
    [client, actions, applyView],
  );
}
