import type { CairnDatabase } from '../db/cairnDb';
import { listFiles, loadFileBytes, updateFileMetas } from '../db/cairnDb';
import type { BundleFile, CaseManifest } from './bundle/caseManifest';
import type { FileMeta, FileReport } from '../db/types';
import type { Annotation } from '../index/Annotation';
import { buildCaseManifest } from './bundle/buildCaseManifest';
import type { BundleOptions } from './bundle/buildCaseManifest';
import type { CaseNotes } from './CaseNotes';
import type { CaseQueries } from './CaseQueries';
import type { DetectionService } from './DetectionService';
import { readBundleManifest, readCaseBundle } from './bundle/readCaseBundle';
import type { IngestProgress, InputFile } from './ingest/types';
import { MAX_BUNDLE_BYTES, writeCaseBundle } from './bundle/writeCaseBundle';

/** What an export dialog shows before writing: stored files, their bytes, and the annotations. */
export interface BundleSize {
  readonly files: number;
  /** Bytes of the stored original files (what including them adds). */
  readonly bytes: number;
  readonly annotations: number;
}

/** What importing a bundle did, for the message after it and for restoring its view. */
export interface BundleImport {
  readonly caseName: string;
  /** ISO 8601, as the bundle says. */
  readonly exportedAt: string;
  /** The saved view: a URL search string (`?q=…`) or ''. */
  readonly view: string;
  readonly annotations: number;
  /** Annotations written (new, or newer than the case's own). */
  readonly annotationsWritten: number;
  /** The files the bundle lists, and how many of them it carried. */
  readonly filesListed: number;
  readonly filesIncluded: number;
  /** The ingest reports of the carried files (duplicates of stored files say so). */
  readonly reports: readonly FileReport[];
  /** Listed files the bundle did not carry and whose SHA-256 is in no stored file of the case. */
  readonly missing: readonly BundleFile[];
  /**
   * Files the bundle carried whose SHA-256 is in no stored file after the import: their bytes do
   * not hash to what the manifest lists (altered after the export), or they failed to ingest.
   */
  readonly altered: readonly BundleFile[];
  /** Carried files that could not be read from the zip, with why. */
  readonly unreadable: readonly string[];
  /**
   * Annotations whose `updatedAt` was later than the import (a wrong clock or a forgery meant to win
   * every merge): their time is set to the import's, and they do not replace an annotation the case
   * already has.
   */
  readonly annotationsClamped: number;
  /** Annotations past MAX_BUNDLE_ANNOTATIONS, not imported. */
  readonly annotationsDropped: number;
  /** Saved queries the bundle held, and those added (not already in the case with the same text). */
  readonly savedQueries: number;
  readonly savedQueriesAdded: number;
  /** Of those added, the ones whose name the case already used for another query: "(imported)". */
  readonly savedQueriesRenamed: number;
  /** The case's own rule files and suppressions the bundle held, and those added. */
  readonly ruleFiles: number;
  readonly ruleFilesAdded: number;
  readonly suppressions: number;
  readonly suppressionsAdded: number;
}

/** What bundles need of the engine. */
export interface BundleDeps {
  readonly db: CairnDatabase;
  readonly notes: CaseNotes;
  readonly queries: CaseQueries;
  /** The case's detections: rule files and suppressions travel in bundles. */
  readonly detections: Pick<DetectionService, 'caseDetections' | 'merge'>;
  /** SHA-256 → path of every stored file. */
  readonly knownFiles: ReadonlyMap<string, string>;
  /** The engine's ingest (serialised with other runs). */
  readonly ingest: (
    inputs: readonly InputFile[],
    onProgress?: (p: IngestProgress) => void,
  ) => Promise<FileReport[]>;
}

/** Parts of one bundle are pulled at most this many bytes at a time (fewer worker round trips). */
const PART_BYTES = 8 * 2 ** 20;

/**
 * Case bundles of the engine's dataset: export (manifest + optional original files, one zip pulled
 * part by part like event exports) and import (ingest the carried files through the normal path,
 * then merge the annotations).
 */
export class CaseBundles {
  private readonly jobs = new Map<number, AsyncGenerator<Uint8Array>>();
  private nextId = 1;
  private readonly deps: BundleDeps;

  constructor(deps: BundleDeps) {
    this.deps = deps;
  }

  /** Stored files, their total bytes, and the annotations a bundle would hold. */
  async size(): Promise<BundleSize> {
    const files = await listFiles(this.deps.db);
    return {
      files: files.length,
      bytes: files.reduce((sum, f) => sum + f.size, 0),
      annotations: this.deps.notes.all().length,
    };
  }

  /**
   * Starts writing a bundle; its bytes are then pulled with next(id).
   * @throws Error when the files to include would make the zip larger than MAX_BUNDLE_BYTES.
   */
  async start(options: BundleOptions): Promise<{ readonly id: number }> {
    const files = await listFiles(this.deps.db);
    const total = files.reduce((sum, f) => sum + f.size, 0);
    if (options.includeFiles && total > MAX_BUNDLE_BYTES) {
      throw new Error(
        'The original files are too large for one bundle (over 4 GB): export without them.',
      );
    }
    const manifest = buildCaseManifest(
      files,
      this.deps.notes.all(),
      options,
      Date.now(),
      this.deps.queries.all().saved,
      this.deps.detections.caseDetections(),
    );
    const sources = manifest.files.map((file, i) => ({
      file,
      bytes: () => loadFileBytes(this.deps.db, files[i]?.fileId ?? 0),
    }));
    const id = this.nextId++;
    this.jobs.set(id, writeCaseBundle(manifest, sources));
    return { id };
  }

  /** The next bytes of bundle `id` (several zip parts), or undefined when it is complete. */
  async next(id: number): Promise<Uint8Array[] | undefined> {
    const job = this.jobs.get(id);
    if (job === undefined) return undefined;
    const out: Uint8Array[] = [];
    let bytes = 0;
    try {
      while (bytes < PART_BYTES) {
        const part = await job.next();
        if (part.done === true) break;
        out.push(part.value);
        bytes += part.value.byteLength;
      }
    } catch (error) {
      this.jobs.delete(id);
      throw error;
    }
    if (out.length === 0) this.jobs.delete(id);
    return out.length === 0 ? undefined : out;
  }

  /** Drops an unfinished bundle (the user cancelled the save). */
  cancel(id: number): void {
    void this.jobs.get(id)?.return(undefined);
    this.jobs.delete(id);
  }

  /**
   * What a bundle holds, read and checked without importing anything (for naming a new case after
   * it). @throws Error when the zip or its manifest is not a valid bundle.
   */
  async peek(zip: Blob): Promise<CaseManifest> {
    return readBundleManifest(zip);
  }

  /**
   * Imports a bundle into this dataset: its carried files through the normal ingest (so files
   * already stored are reported as duplicates by SHA-256), then its annotations (a newer `updatedAt`
   * wins; one later than now is clamped to now and replaces nothing), then its saved queries (see
   * mergeSaved: a name the case uses for another query is kept as "<name> (imported)"). A carried file
   * whose bytes differ from what the manifest lists is stored with a lasting mark
   * (FileMeta.bundleMismatch). The view is returned for the page to apply.
   * @throws Error with a readable reason when the zip or its manifest is not a valid bundle.
   */
  async import(zip: Blob, onProgress?: (p: IngestProgress) => void): Promise<BundleImport> {
    const bundle = await readCaseBundle(zip);
    const { manifest } = bundle;
    const known = this.deps.knownFiles;
    const storedBefore = new Set(known.keys());
    const reports =
      bundle.inputs.length === 0 ? [] : await this.deps.ingest(bundle.inputs, onProgress);
    const now = Date.now();
    const altered = manifest.files.filter((f) => f.entry !== undefined && !known.has(f.sha256));
    await this.markAltered(altered, storedBefore, manifest, now);
    const { annotations, clamped } = clampTimes(manifest.annotations, now);
    const annotationsWritten = await this.deps.notes.merge(annotations, (a) => !clamped.has(a));
    const saved = await this.deps.queries.merge(manifest.savedQueries);
    const detections = await this.deps.detections.merge(manifest.detections);
    return {
      caseName: manifest.caseName,
      exportedAt: manifest.exportedAt,
      view: manifest.view,
      annotations: manifest.annotations.length,
      annotationsWritten,
      filesListed: manifest.files.length,
      filesIncluded: bundle.inputs.length,
      reports,
      missing: manifest.files.filter((f) => f.entry === undefined && !known.has(f.sha256)),
      altered,
      unreadable: bundle.unreadable,
      annotationsClamped: clamped.size,
      annotationsDropped: bundle.droppedAnnotations,
      savedQueries: manifest.savedQueries.length,
      savedQueriesAdded: saved.added,
      savedQueriesRenamed: saved.renamed,
      ruleFiles: manifest.detections.rules.length,
      ruleFilesAdded: detections.rules,
      suppressions: manifest.detections.suppressions.length,
      suppressionsAdded: detections.suppressions,
    };
  }

  /**
   * Marks the files this import stored whose SHA-256 the manifest does not list: each is a carried
   * file (`altered`, matched by path) whose bytes changed after the export.
   */
  private async markAltered(
    altered: readonly BundleFile[],
    storedBefore: ReadonlySet<string>,
    manifest: CaseManifest,
    importedAt: number,
  ): Promise<void> {
    if (altered.length === 0) return;
    const listed = new Set(manifest.files.map((f) => f.sha256));
    const byPath = new Map(altered.map((f) => [f.path, f]));
    const marked: FileMeta[] = [];
    for (const meta of await listFiles(this.deps.db)) {
      if (storedBefore.has(meta.sha256) || listed.has(meta.sha256)) continue;
      const claimed = byPath.get(meta.path);
      if (claimed === undefined) continue;
      marked.push({
        ...meta,
        bundleMismatch: {
          listedSha256: claimed.sha256,
          bundleCase: manifest.caseName,
          bundleExportedAt: manifest.exportedAt,
          importedAt,
        },
      });
    }
    await updateFileMetas(this.deps.db, marked);
  }
}

/** `annotations` with every `updatedAt` past `now` set to `now`, and the set of those changed. */
function clampTimes(
  annotations: readonly Annotation[],
  now: number,
): { annotations: Annotation[]; clamped: Set<Annotation> } {
  const clamped = new Set<Annotation>();
  const out = annotations.map((a) => {
    if (a.updatedAt <= now) return a;
    const fixed = { ...a, updatedAt: now };
    clamped.add(fixed);
    return fixed;
  });
  return { annotations: out, clamped };
}
