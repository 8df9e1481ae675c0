import { parseS3Key } from '../cloudtrail/parseS3Key';
import type { ValuePattern } from '../filter/types';
import type { CatalogFile } from './FileCatalog';

/** What a node of the sources tree groups. */
export type SourceNodeKind = 'account' | 'region' | 'day' | 'other' | 'folder';

/**
 * One node of the sources tree: an account, a Region in it, a delivery day in that, or, for files
 * outside the trail's layout, the "Other files" group and a folder in it. Counts are over the log
 * files below the node; `events` counts distinct events with at least one source file there.
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

/** One file under a leaf node (a day or a folder). */
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
  /** Leaf node id → its files' ids, in path order. */
  readonly leafFiles: ReadonlyMap<string, readonly number[]>;
  /** fileId → distinct events with that file as a source. */
  readonly fileEvents: ReadonlyMap<number, number>;
}

/**
 * The start of a trail file name: `<account>_CloudTrail[-Kind]_<region>_<YYYYMMDD>T`. Looser than
 * parseS3Key on purpose: a copy renamed by a browser (`… (1).json.gz`) still sits on its day, as the
 * `file:` patterns of the tree (which look at the name only) also select it. Digests are not event
 * sources. @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */
const TRAIL_NAME =
  /^(\d{12})_CloudTrail(-(?!Digest_)[A-Za-z]+)?_([a-z0-9-]+)_(\d{4})(\d{2})(\d{2})T/;

interface Draft {
  readonly id: string;
  readonly kind: SourceNodeKind;
  readonly label: string;
  orgId?: string;
  files: number;
  events: number;
  readonly patterns: readonly ValuePattern[];
  readonly children: Map<string, Draft>;
  /** Index into the counting arrays. */
  readonly slot: number;
}

/**
 * Builds the sources tree: account → Region → delivery day (UTC, from the file name) for files named
 * as CloudTrail delivers them, wherever they sit; other log files under "Other files" by folder.
 * `rowFiles[row]` is each event's first source file and `extraSources` its re-deliveries (row →
 * [fileId, recordIndex, …]); a re-delivered event is counted once per node. Digest files are left
 * out. Cost: one pass over the rows, one over the re-delivered events, one regex per file.
 */
export function buildSourcesTree(
  files: Iterable<CatalogFile>,
  rowFiles: Uint32Array,
  extraSources: ReadonlyMap<number, readonly number[]>,
): SourcesTreeBuild {
  const roots = new Map<string, Draft>();
  const drafts: Draft[] = [];
  const make = (
    parent: Map<string, Draft>,
    id: string,
    kind: SourceNodeKind,
    label: string,
    patterns: readonly ValuePattern[],
  ): Draft => {
    let d = parent.get(id);
    if (d === undefined) {
      d = {
        id,
        kind,
        label,
        files: 0,
        events: 0,
        patterns,
        children: new Map(),
        slot: drafts.length,
      };
      drafts.push(d);
      parent.set(id, d);
    }
    return d;
  };
  // fileId → the slots of its nodes, root first.
  const chains = new Map<number, readonly number[]>();
  const leafFiles = new Map<string, { path: string; fileId: number }[]>();
  // Files of one delivery day (or folder) share their nodes: one lookup per file, not three string
  // keys built and hashed (measured: that churn cost ≈6 µs per file, mostly garbage collection).
  const groups = new Map<string, Group>();
  for (const f of files) {
    if (f.kind !== 'log') continue;
    const slash = f.path.lastIndexOf('/');
    const m = TRAIL_NAME.exec(f.path.slice(slash + 1));
    const key = m === null ? `/${f.path.slice(0, Math.max(slash, 0))}` : m[0];
    let group = groups.get(key);
    if (group === undefined) {
      const nodes = placeFile(f.path, m, roots, make);
      const leaf = nodes[nodes.length - 1]?.id ?? '';
      const list = leafFiles.get(leaf) ?? [];
      leafFiles.set(leaf, list);
      group = { nodes, slots: nodes.map((d) => d.slot), files: list };
      groups.set(key, group);
    }
    const account = group.nodes[0];
    // Only an organization trail's path has an `o-…` folder: most paths need no parse.
    if (m !== null && account?.orgId === undefined && f.path.includes('/o-')) {
      const orgId = parseS3Key(f.path)?.orgId;
      if (orgId !== undefined && account !== undefined) account.orgId = orgId;
    }
    chains.set(f.fileId, group.slots);
    for (const d of group.nodes) d.files++;
    group.files.push({ path: f.path, fileId: f.fileId });
  }

  // Events per first source file: a typed array by fileId, since this loop runs once per event.
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

  const out = finish(roots);
  return {
    roots: out,
    files: out.reduce((n, r) => n + r.files, 0),
    // Roots are disjoint, but one event may sit under two accounts when re-delivered elsewhere.
    events: rowFiles.length,
    leafFiles: new Map(
      [...leafFiles].map(([id, list]) => [
        id,
        list.sort((a, b) => compare(a.path, b.path)).map((f) => f.fileId),
      ]),
    ),
    fileEvents,
  };
}

/** The nodes shared by the files of one day or folder, and that leaf's file list. */
interface Group {
  readonly nodes: readonly Draft[];
  readonly slots: readonly number[];
  readonly files: { path: string; fileId: number }[];
}

type Make = (
  parent: Map<string, Draft>,
  id: string,
  kind: SourceNodeKind,
  label: string,
  patterns: readonly ValuePattern[],
) => Draft;

/**
 * The nodes a log file at `path` falls under, root first, created as needed. `m` is TRAIL_NAME's
 * match of its name, or null.
 */
function placeFile(
  path: string,
  m: RegExpExecArray | null,
  roots: Map<string, Draft>,
  make: Make,
): Draft[] {
  const slash = path.lastIndexOf('/');
  if (m !== null) {
    const [, account = '', , region = '', y = '', mo = '', d = ''] = m;
    const trail = `${account}_CloudTrail`;
    const day = `${y}-${mo}-${d}`;
    const a = make(roots, `a:${account}`, 'account', account, [{ parts: ['', trail, ''] }]);
    const r = make(a.children, `r:${account}/${region}`, 'region', region, [
      { parts: ['', trail, `_${region}_`, ''] },
    ]);
    const dayNode = make(r.children, `d:${account}/${region}/${day}`, 'day', day, [
      { parts: ['', trail, `_${region}_${y}${mo}${d}T`, ''] },
    ]);
    return [a, r, dayNode];
  }
  const other = make(roots, 'o:', 'other', 'Other files', []);
  const dir = slash < 0 ? '' : path.slice(0, slash);
  const folder = make(
    other.children,
    `f:${dir}`,
    'folder',
    dir === '' ? '(top level)' : `${dir}/`,
    dir === '' ? [] : [{ parts: [`${dir}/`, ''] }],
  );
  return [other, folder];
}

function finish(level: Map<string, Draft>): SourceNode[] {
  return [...level.values()]
    .sort((a, b) =>
      (a.kind === 'other') !== (b.kind === 'other')
        ? a.kind === 'other'
          ? 1
          : -1
        : compare(a.label, b.label),
    )
    .map((d) => ({
      id: d.id,
      kind: d.kind,
      label: d.label,
      ...(d.orgId === undefined ? {} : { orgId: d.orgId }),
      files: d.files,
      events: d.events,
      patterns: d.patterns,
      children: finish(d.children),
    }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
