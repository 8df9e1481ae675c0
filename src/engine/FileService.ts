import { transfer } from 'comlink';
import { listFiles } from '../db/cairnDb';
import type { FileMeta } from '../db/types';
import type { Provenance, SourceFileList, SourcesTree } from '../analysis/Provenance';
import type { FileView } from '../analysis/readFileView';
import type { CaseParts } from './CaseParts';

/**
 * The case's stored files and where each event came from: the file list, the sources tree (account →
 * Region → delivery day, other files by folder), one file's content and its exact bytes.
 */
export class FileService {
  private readonly parts: CaseParts;
  private readonly provenance: Provenance;

  constructor(parts: CaseParts, provenance: Provenance) {
    this.parts = parts;
    this.provenance = provenance;
  }

  /** Every stored file's meta, in fileId order. */
  list(): Promise<FileMeta[]> {
    return listFiles(this.parts.db);
  }

  /** The sources tree (see Provenance). */
  sourcesTree(): SourcesTree {
    return this.provenance.tree();
  }

  /** The files under one leaf of the sources tree (a day or a folder), at most `limit`. */
  sourceFiles(nodeId: string, limit?: number): SourceFileList {
    return this.provenance.leafFiles(nodeId, limit);
  }

  /** One stored file's provenance and the start of its decompressed content (see readFileView). */
  fileView(fileId: number, limit?: number): Promise<FileView | undefined> {
    return this.provenance.fileView(fileId, limit);
  }

  /** The exact bytes stored for a file, as dropped; moved (not copied) to the page. */
  async fileBytes(fileId: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
    const bytes = await this.provenance.fileBytes(fileId);
    return bytes === undefined ? undefined : transfer(bytes, [bytes.buffer]);
  }

  /** The newest stored file with exactly this path. */
  findFile(path: string): number | undefined {
    return this.provenance.findFile(path);
  }
}
