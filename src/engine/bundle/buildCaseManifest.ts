import type { Annotation } from '../../index/Annotation';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from './caseManifest';
import type { CaseManifest } from './caseManifest';
import type { FileMeta } from '../../db/types';
import type { SavedQuery } from '../../db/savedQueries';
import { NO_DETECTIONS } from '../../db/caseDetections';
import type { CaseDetections } from '../../db/caseDetections';
import { bundleEntryName } from './writeCaseBundle';

/** What the user chose when exporting a case bundle. */
export interface BundleOptions {
  /** The case's name ('Cairn case' when it has none). */
  readonly caseName: string;
  /** The view to restore: the page's URL search string (`?q=…`), or ''. */
  readonly view: string;
  /** Include each stored file's original bytes. */
  readonly includeFiles: boolean;
}

/**
 * The manifest of a case bundle over the stored `files` (in fileId order), `annotations`, `savedQueries`
 * and `detections` (the case's rule files and suppressions):
 * each file by path, size, SHA-256, kind and record count, with its zip entry name when its bytes
 * are included. `now` is ms since epoch.
 */
export function buildCaseManifest(
  files: readonly FileMeta[],
  annotations: readonly Annotation[],
  options: BundleOptions,
  now: number,
  savedQueries: readonly SavedQuery[] = [],
  detections: CaseDetections = NO_DETECTIONS,
): CaseManifest {
  const taken = new Set<string>();
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: new Date(now).toISOString(),
    caseName: options.caseName.trim() === '' ? 'Cairn case' : options.caseName.trim(),
    view: options.view,
    annotations,
    savedQueries,
    detections,
    files: files.map((f) => {
      const base = {
        path: f.path,
        size: f.size,
        sha256: f.sha256,
        kind: f.kind,
        events: f.records,
      };
      if (!options.includeFiles) return base;
      const entry = bundleEntryName(f.path, f.sha256, taken);
      taken.add(entry);
      return { ...base, entry };
    }),
  };
}
