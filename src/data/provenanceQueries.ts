import { queryOptions } from '@tanstack/react-query';
import { engineClient } from '../engine/engineClient';
import type { EngineClient } from '../engine/engineClient';
import { readKey } from './keys';

// The shapes the provenance views receive (analysis/Provenance, analysis/readFileView, analysis/sourcesTree),
// read off the worker API so that neither ui/ nor data/ imports the worker's modules.
/** The sources tree: its roots, and the log files and events in it. */
export type SourcesTree = Awaited<ReturnType<EngineClient['files']['sourcesTree']>>;
/** One node: account, Region, day, "Other files" or a folder, with counts and `file:` patterns. */
export type SourceNode = SourcesTree['roots'][number];
/** The files under one leaf node, and how many there are. */
export type SourceFileList = Awaited<ReturnType<EngineClient['files']['sourceFiles']>>;
export type SourceFileEntry = SourceFileList['files'][number];
/** One stored file's provenance and the start of its decompressed content. */
export type FileView = NonNullable<Awaited<ReturnType<EngineClient['files']['fileView']>>>;
/** The trail's S3 layout as read from a path. */
export type TrailFileKey = NonNullable<FileView['key']>;

/** The sources tree (account → Region → day, other files by folder). */
export const sourcesTreeQuery = () =>
  queryOptions({
    queryKey: readKey('files', 'sourcesTree'),
    queryFn: () => engineClient().files.sourcesTree(),
  });

/** The first `limit` files under one leaf of the sources tree. */
export const sourceFilesQuery = (nodeId: string, limit: number) =>
  queryOptions({
    queryKey: readKey('files', 'sourceFiles', nodeId, limit),
    queryFn: () => engineClient().files.sourceFiles(nodeId, limit),
  });

/** One stored file's view; null when it is not stored. */
export const fileViewQuery = (fileId: number) =>
  queryOptions({
    queryKey: readKey('files', 'fileView', fileId),
    queryFn: async () => (await engineClient().files.fileView(fileId)) ?? null,
  });

/** The fileId of the newest stored file at `path`; null when none is stored. */
export const fileByPathQuery = (path: string) =>
  queryOptions({
    queryKey: readKey('files', 'findFile', path),
    queryFn: async () => (await engineClient().files.findFile(path)) ?? null,
  });

/**
 * Saves the exact bytes stored for `fileId` under `name` (a download; nothing leaves the machine).
 * @throws Error when the file is no longer stored.
 */
export async function downloadFileBytes(fileId: number, name: string): Promise<void> {
  const bytes = await engineClient().files.fileBytes(fileId);
  if (bytes === undefined) throw new Error('The stored bytes are missing');
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
