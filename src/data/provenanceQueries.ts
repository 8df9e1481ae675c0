import { queryOptions } from '@tanstack/react-query';
import { ingestClient } from '../engine/engineClient';
import type { IngestClient } from '../engine/engineClient';
import { keys } from './keys';

// The shapes the provenance views receive (analysis/Provenance, analysis/readFileView, analysis/sourcesTree),
// read off the worker API so that neither ui/ nor data/ imports the worker's modules.
/** The sources tree: its roots, and the log files and events in it. */
export type SourcesTree = Awaited<ReturnType<IngestClient['sourcesTree']>>;
/** One node: account, Region, day, "Other files" or a folder, with counts and `file:` patterns. */
export type SourceNode = SourcesTree['roots'][number];
/** The files under one leaf node, and how many there are. */
export type SourceFileList = Awaited<ReturnType<IngestClient['sourceFiles']>>;
export type SourceFileEntry = SourceFileList['files'][number];
/** One stored file's provenance and the start of its decompressed content. */
export type FileView = NonNullable<Awaited<ReturnType<IngestClient['fileView']>>>;
/** The trail's S3 layout as read from a path. */
export type TrailFileKey = NonNullable<FileView['key']>;

/** Under `keys.all`, so an ingest or Clear data refreshes them with everything else. */
const provenanceKeys = {
  tree: () => [...keys.all, 'sources-tree'] as const,
  leaf: (nodeId: string, limit: number) => [...keys.all, 'sources-leaf', nodeId, limit] as const,
  file: (fileId: number) => [...keys.all, 'file-view', fileId] as const,
  path: (path: string) => [...keys.all, 'file-by-path', path] as const,
};

/** The sources tree (account → Region → day, other files by folder). */
export const sourcesTreeQuery = () =>
  queryOptions({
    queryKey: provenanceKeys.tree(),
    queryFn: () => ingestClient().sourcesTree(),
  });

/** The first `limit` files under one leaf of the sources tree. */
export const sourceFilesQuery = (nodeId: string, limit: number) =>
  queryOptions({
    queryKey: provenanceKeys.leaf(nodeId, limit),
    queryFn: () => ingestClient().sourceFiles(nodeId, limit),
  });

/** One stored file's view; null when it is not stored. */
export const fileViewQuery = (fileId: number) =>
  queryOptions({
    queryKey: provenanceKeys.file(fileId),
    queryFn: async () => (await ingestClient().fileView(fileId)) ?? null,
  });

/** The fileId of the newest stored file at `path`; null when none is stored. */
export const fileByPathQuery = (path: string) =>
  queryOptions({
    queryKey: provenanceKeys.path(path),
    queryFn: async () => (await ingestClient().findFile(path)) ?? null,
  });

/**
 * Saves the exact bytes stored for `fileId` under `name` (a download; nothing leaves the machine).
 * @throws Error when the file is no longer stored.
 */
export async function downloadFileBytes(fileId: number, name: string): Promise<void> {
  const bytes = await ingestClient().fileBytes(fileId);
  if (bytes === undefined) throw new Error('The stored bytes are missing');
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
