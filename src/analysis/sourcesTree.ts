import { parseS3Key } from '../cloudtrail/parseS3Key';
import type { ValuePattern } from '../querylang/types';
import type { CatalogFile } from '../index/FileCatalog';
import { SourceFolders } from './sourceFolders';
import { compareText, NodeMaker, TRAIL_NAME } from './sourceNodes';
import type { Draft } from './sourceNodes';

/** What a node of the sources tree groups. */
export type SourceNodeKind = 'account' | 'region' | 'day' | 'other' | 'folder';

/**
 * One node of the sources tree: an account, a Region in it, a delivery day in that, or, for files
 * outside the trail's naming, the "Other files" group and its folders (see SourceFolders). Counts
 * are over the log files the node's `file:` patterns select; `events` counts distinct events with
 * at least one source file there.
 */
export interface SourceNode {
  /** Stable across rebuilds: `a:<account>`, `r:<account>/<region>`, `d:<account>/<region>/<YYYY-MM-DD>`, `o:`, `f:<folder>`. */
  readonly id: string;
  readonly kind: SourceNodeKind;
  readonly label: string;
  /** The organization ID of an organization trail (accounts only). */
  readonly orgId?: string;
  readonly files: number;
  readonly events: number;
  /**
   * The `file:` values that select this node's files, as value patterns (literal parts between `*`).
   * Empty when the node cannot be selected as a whole (the "Other files" group, files at the top).
   */
  readonly patterns: readonly ValuePattern[];
  readonly children: readonly SourceNode[];
}

/** One file listed under a day or a folder. */
export interface SourceFileEntry {
  readonly fileId: number;
  readonly path: string;
  /** Distinct events with this file as a source, re-deliveries included. */
  readonly events: number;
}

/** The tree and what the engine keeps to answer for one node's files. */
export interface SourcesTreeBuild {
  /** Accounts by ID, then "Other files" when there are any. */
  readonly roots: readonly SourceNode[];
  /** Log files and distinct events in the whole tree. */
  readonly files: number;
  readonly events: number;
  /** Day or folder node id → the ids of the files it lists (a folder: those directly in it), in path order. */
  readonly leafFiles: ReadonlyMap<string, readonly number[]>;
  /** fileId → distinct events with that file as a source. */
  readonly fileEvents: ReadonlyMap<number, number>;
}

/**
 * Builds the sources tree: account → Region → delivery day (UTC, from the file name) for files named
 * as CloudTrail delivers them, wherever they sit; the folders of other log files under "Other
 * files". `rowFiles[row]` is each event's first source file and `extraSources` its re-deliveries
 * (row → [fileId, recordIndex, …]); a re-delivered event is counted once per node. Digest files are
 * left out. Cost: one regex per file, one pass over the rows, one over the re-delivered events.
 */
export function buildSourcesTree(
  files: Iterable<CatalogFile>,
  rowFiles: Uint32Array,
  extraSources: ReadonlyMap<number, readonly number[]>,
): SourcesTreeBuild {
  const maker = new NodeMaker();
  const logs: {
    readonly f: CatalogFile;
    readonly slash: number;
    readonly m: RegExpExecArray | null;
  }[] = [];
  const otherDirs = new Set<string>();
  for (const f of files) {
    if (f.kind !== 'log') continue;
    const slash = f.path.lastIndexOf('/');
    const m = TRAIL_NAME.exec(f.path.slice(slash + 1));
    if (m === null) otherDirs.add(slash < 0 ? '' : f.path.slice(0, slash));
    logs.push({ f, slash, m });
  }
  const folders = new SourceFolders(maker, otherDirs);

  // fileId → the slots of its nodes.
  const chains = new Map<number, readonly number[]>();
  const listed = new Map<string, { path: string; fileId: number }[]>();
  // Files of one delivery day in one folder share their nodes: one lookup per file, not three
  // string keys built and hashed (measured: that churn cost ≈6 µs per file, mostly GC). A trail
  // file's key ends in `T`, any other's in `/` (or is empty): they never collide.
  const groups = new Map<string, Group>();
  for (const { f, slash, m } of logs) {
    // The folder and, for a trail file, its name up to the day: one slice of the path, no copy.
    const key = f.path.slice(0, slash + 1 + (m === null ? 0 : m[0].length));
    let group = groups.get(key);
    if (group === undefined) {
      const dir = slash < 0 ? '' : f.path.slice(0, slash);
      const nodes = [
        ...(m === null ? [] : maker.trailNodes(m)),
        ...folders.nodesFor(dir, m !== null),
      ];
      const lists = [m === null ? undefined : nodes[2], folders.listing(dir, m !== null)].flatMap(
        (d) => (d === undefined ? [] : [listOf(listed, d.id)]),
      );
      group = { nodes, slots: nodes.map((d) => d.slot), lists };
      groups.set(key, group);
    }
    const account = m === null ? undefined : group.nodes[0];
    // Only an organization trail's path has an `o-…` folder: most paths need no parse.
    if (account !== undefined && account.orgId === undefined && f.path.includes('/o-')) {
      const orgId = parseS3Key(f.path)?.orgId;
      if (orgId !== undefined) account.orgId = orgId;
    }
    chains.set(f.fileId, group.slots);
    for (const d of group.nodes) d.files++;
    for (const list of group.lists) list.push({ path: f.path, fileId: f.fileId });
  }

  const fileEvents = countEvents(maker.drafts, chains, rowFiles, extraSources);
  const roots = maker.finish();
  return {
    roots,
    files: logs.length,
    events: rowFiles.length,
    leafFiles: new Map(
      [...listed].map(([id, list]) => [
        id,
        list.sort((a, b) => compareText(a.path, b.path)).map((f) => f.fileId),
      ]),
    ),
    fileEvents,
  };
}

/** The nodes shared by the files of one day in one folder, and the lists that show them. */
interface Group {
  readonly nodes: readonly Draft[];
  readonly slots: readonly number[];
  readonly lists: { path: string; fileId: number }[][];
}

function listOf<T>(lists: Map<string, T[]>, id: string): T[] {
  let list = lists.get(id);
  if (list === undefined) {
    list = [];
    lists.set(id, list);
  }
  return list;
}

/**
 * Sets each node's distinct events and returns each file's: first sources by a typed array over
 * the rows (this loop runs once per event), then re-deliveries, each event counted once per node.
 */
function countEvents(
  drafts: readonly Draft[],
  chains: ReadonlyMap<number, readonly number[]>,
  rowFiles: Uint32Array,
  extraSources: ReadonlyMap<number, readonly number[]>,
): Map<number, number> {
  let maxFileId = 0;
  for (let r = 0; r < rowFiles.length; r++) maxFileId = Math.max(maxFileId, rowFiles[r] ?? 0);
  const primary = new Uint32Array(maxFileId + 1);
  for (let r = 0; r < rowFiles.length; r++) {
    const f = rowFiles[r] ?? 0;
    primary[f] = (primary[f] ?? 0) + 1;
  }
  const nodeEvents = new Float64Array(drafts.length);
  const fileEvents = new Map<number, number>();
  primary.forEach((count, fileId) => {
    if (count === 0) return;
    fileEvents.set(fileId, count);
    for (const slot of chains.get(fileId) ?? []) nodeEvents[slot] = (nodeEvents[slot] ?? 0) + count;
  });
  for (const [row, pairs] of extraSources) {
    const first = rowFiles[row];
    if (first === undefined) continue;
    const seenFiles = new Set([first]);
    const seenNodes = new Set(chains.get(first));
    for (let k = 0; k < pairs.length; k += 2) {
      const fileId = pairs[k] ?? 0;
      if (seenFiles.has(fileId)) continue;
      seenFiles.add(fileId);
      fileEvents.set(fileId, (fileEvents.get(fileId) ?? 0) + 1);
      for (const slot of chains.get(fileId) ?? []) {
        if (seenNodes.has(slot)) continue;
        seenNodes.add(slot);
        nodeEvents[slot] = (nodeEvents[slot] ?? 0) + 1;
      }
    }
  }
  for (const d of drafts) d.events = nodeEvents[d.slot] ?? 0;
  return fileEvents;
}
