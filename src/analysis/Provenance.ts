import { loadFileBytes } from '../db/cairnDb';
import type { CairnDatabase } from '../db/cairnDb';
import type { EventIndex } from '../index/EventIndex';
import type { FileCatalog } from '../index/FileCatalog';
import { readFileView } from './readFileView';
import type { FileView } from './readFileView';
import type { RecordReader } from '../db/RecordReader';
import { buildSourcesTree } from './sourcesTree';
import type { SourceFileEntry, SourceNode, SourcesTreeBuild } from './sourcesTree';

/** The sources tree as the UI receives it (without the per-file lists, fetched per node). */
export interface SourcesTree {
  readonly roots: readonly SourceNode[];
  /** Log files and events in the tree. */
  readonly files: number;
  readonly events: number;
}

/** Files under one leaf of the sources tree: the first `limit`, and how many there are. */
export interface SourceFileList {
  readonly files: readonly SourceFileEntry[];
  readonly total: number;
}

/** What Provenance reads: the engine's live index, file catalog, database and record reader. */
export interface ProvenanceDeps {
  readonly index: EventIndex;
  readonly files: FileCatalog;
  readonly db: CairnDatabase;
  readonly reader: RecordReader;
  /** fileId → SHA-256 of its uncompressed bytes (shared with validation). */
  readonly inflatedSha: Map<number, string | undefined>;
}

/**
 * Answers the provenance views from the worker's state: the sources tree (built once per index and
 * catalog version, ≈1 pass over the rows), the files of a tree leaf, and one file's view and bytes.
 */
export class Provenance {
  private built: { readonly key: string; readonly build: SourcesTreeBuild } | undefined;

  private readonly deps: ProvenanceDeps;

  constructor(deps: ProvenanceDeps) {
    this.deps = deps;
  }

  /** The sources tree: account → Region → day, and "Other files" by folder. */
  tree(): SourcesTree {
    const { roots, files, events } = this.build();
    return { roots, files, events };
  }

  /** The files under leaf node `nodeId` (a day or a folder), in path order, at most `limit`. */
  leafFiles(nodeId: string, limit = 1000): SourceFileList {
    const build = this.build();
    const ids = build.leafFiles.get(nodeId) ?? [];
    const catalog = this.deps.files;
    return {
      total: ids.length,
      files: ids.slice(0, limit).map((fileId) => ({
        fileId,
        path: catalog.get(fileId)?.path ?? '',
        events: build.fileEvents.get(fileId) ?? 0,
      })),
    };
  }

  /** One stored file's view (see readFileView); undefined when it is not stored. */
  fileView(fileId: number, limit?: number): Promise<FileView | undefined> {
    const held = this.deps.reader.held(fileId);
    return readFileView({
      db: this.deps.db,
      fileId,
      events: this.build().fileEvents.get(fileId) ?? 0,
      inflatedSha: this.deps.inflatedSha,
      ...(held === undefined ? {} : { bytes: held }),
      ...(limit === undefined ? {} : { limit }),
    });
  }

  /** The exact bytes stored for `fileId` (as dropped: gzip stays gzip), or undefined. */
  async fileBytes(fileId: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
    return this.deps.reader.held(fileId)?.slice() ?? (await loadFileBytes(this.deps.db, fileId));
  }

  /**
   * Autocomplete for `file:`: log file paths containing `text` (case ignored), in path order, each
   * with its distinct events.
   */
  suggestPaths(text: string, limit = 12): { readonly value: string; readonly count: number }[] {
    const needle = text.toLowerCase();
    const { fileEvents } = this.build();
    const out: { value: string; count: number }[] = [];
    for (const f of this.deps.files.list()) {
      if (f.kind === 'log' && f.path.toLowerCase().includes(needle))
        out.push({ value: f.path, count: fileEvents.get(f.fileId) ?? 0 });
    }
    return out.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, limit);
  }

  /** The newest stored file with exactly this path, if any (the Files panel lists paths). */
  findFile(path: string): number | undefined {
    let found: number | undefined;
    for (const f of this.deps.files.list()) if (f.path === path) found = f.fileId;
    return found;
  }

  private build(): SourcesTreeBuild {
    const index = this.deps.index;
    const catalog = this.deps.files;
    const key = `${index.size}:${catalog.version}:${index.extraSources.size}`;
    if (this.built?.key !== key) {
      const build = buildSourcesTree(
        catalog.list(),
        index.fileId.data.subarray(0, index.size),
        index.extraSources,
      );
      this.built = { key, build };
    }
    return this.built.build;
  }
}
