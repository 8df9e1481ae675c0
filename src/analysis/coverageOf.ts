import type { DigestWindow } from '../cloudtrail/digest/digestChainGaps';
import { digestChainGaps } from '../cloudtrail/digest/digestChainGaps';
import { deliveredAtMs } from '../cloudtrail/deliveredAtMs';
import { parseS3Key } from '../cloudtrail/parseS3Key';
import { CLOUDTRAIL_EVENT_SOURCE, TRAIL_TAMPERING_EVENT_NAMES } from '../cloudtrail/trailTampering';
import { STRING_FIELDS } from '../cloudtrail/types';
import { coverageColumns } from './coverageColumns';
import type { CoverageMap } from './coverageMap';
import { CoverageGrid } from './CoverageGrid';
import { CrossAccountTally } from './crossAccountFiles';
import type { EventIndex } from '../index/EventIndex';
import type { FileKind } from '../cloudtrail/types';

const field = (name: (typeof STRING_FIELDS)[number]) => STRING_FIELDS.indexOf(name);
const ACCOUNT = field('recipientAccountId');
const REGION = field('awsRegion');
const NAME = field('eventName');
const SOURCE = field('eventSource');
const ERROR = field('errorCode');
/** Above this many account × Region code pairs the fast lookup table would be too big. */
const MAX_PAIR_TABLE = 1 << 22;
/** In the per-file account table: the file's key names no account (not an S3 key). */
const NO_KEY_ACCOUNT = -2;

/** What validation concluded, in the shape coverageOf reads (ValidationReport fits). */
export interface CoverageVerdicts {
  readonly logs: readonly {
    readonly key: string;
    readonly path: string | undefined;
    readonly status: string;
  }[];
  readonly digests: readonly { readonly key: string; readonly status: string }[];
  readonly missingDigests: readonly string[];
}

/** Everything coverageOf reads besides the index. */
export interface CoverageInput {
  readonly files: readonly {
    readonly fileId: number;
    readonly path: string;
    readonly kind: FileKind;
  }[];
  /** Windows of the stored digests (digestWindowOf). */
  readonly digests: readonly DigestWindow[];
  /** The latest validation of the stored files, when there is one. */
  readonly verdicts?: CoverageVerdicts;
}

/**
 * Computes the evidence coverage map (CoverageMap) of the whole dataset in one pass over the index's
 * typed arrays, plus one over the files and digests. Rows are account × Region as the events and
 * file names spell them, compared without case as the query language does, so filtering to a cell
 * finds exactly its events. Log files are placed by the delivery time in their name, or by their
 * newest event when they are not named as CloudTrail names them; digests by the middle of their
 * window (the hour they vouch for); missing, modified and uncovered files and invalid digests by
 * the validation's verdicts; gaps by digestChainGaps and the missing digests validation found.
 * Files whose events belong to another account than their key names are summed in `crossAccount`.
 */
export function coverageOf(index: EventIndex, input: CoverageInput): CoverageMap {
  const t0 = performance.now();
  const placedFiles = input.files.map((f) => {
    const key = f.kind === 'log' ? parseS3Key(f.path) : undefined;
    const at = key === undefined ? undefined : deliveredAtMs(key.deliveredAt);
    return { ...f, key, at };
  });
  const sorted = index.sortedRows();
  const times = index.time.data;
  let from = Infinity;
  let to = -Infinity;
  const extend = (t: number | undefined) => {
    if (t === undefined || !Number.isFinite(t)) return;
    from = Math.min(from, t);
    to = Math.max(to, t + 1);
  };
  extend(times[sorted[0] ?? -1]);
  extend(times[sorted[sorted.length - 1] ?? -1]);
  for (const f of placedFiles) extend(f.at);
  for (const d of input.digests) {
    extend(d.start);
    extend(d.end - 1);
  }
  const columns = Number.isFinite(from) ? coverageColumns(from, to) : coverageColumns(0, 1);
  const grid = new CoverageGrid(columns);

  // Files outside the S3 layout are placed by their newest event.
  let maxFileId = index.watermark;
  for (const f of input.files) maxFileId = Math.max(maxFileId, f.fileId);
  const loose = new Uint8Array(maxFileId + 1);
  for (const f of placedFiles) if (f.kind === 'log' && f.at === undefined) loose[f.fileId] = 1;
  const newest = new Map<number, { time: number; pair: number }>();
  const noteLoose = (fileId: number, time: number, pair: number) => {
    const seen = newest.get(fileId);
    if (seen === undefined || time > seen.time) newest.set(fileId, { time, pair });
  };

  // Each S3-named log file's account as an event account code (-1: no event has it), to spot
  // events of another account in it with one typed-array read per event.
  const accountDict = index.dicts[ACCOUNT];
  const fileAccount = new Int32Array(maxFileId + 1).fill(NO_KEY_ACCOUNT);
  const keyAccount = new Map<number, string>();
  for (const f of placedFiles) {
    if (f.kind !== 'log' || f.key === undefined) continue;
    fileAccount[f.fileId] = accountDict?.find(f.key.accountId) ?? -1;
    keyAccount.set(f.fileId, f.key.accountId);
  }
  const cross = new CrossAccountTally();

  countEvents(index, grid, loose, noteLoose, fileAccount, cross);
  for (const [row, more] of index.extraSources) {
    for (let k = 0; k < more.length; k += 2) {
      const fileId = more[k] ?? 0;
      if (loose[fileId] === 1) noteLoose(fileId, times[row] ?? 0, pairOfRow(index, grid, row));
      // A file that delivered only copies of events still holds them.
      const owner = fileAccount[fileId] ?? NO_KEY_ACCOUNT;
      const code = index.cols[ACCOUNT]?.data[row] ?? 0;
      if (owner !== NO_KEY_ACCOUNT && owner !== code) cross.add(fileId, code);
    }
  }

  const cellOfPath = new Map<string, { pair: number; time: number }>();
  for (const f of placedFiles) {
    if (f.kind !== 'log') continue;
    const place =
      f.key !== undefined && f.at !== undefined
        ? { pair: grid.pair(f.key.accountId, f.key.region), time: f.at }
        : newest.get(f.fileId);
    if (place === undefined) grid.unplaced++;
    else {
      grid.addLogFile(place.pair, place.time);
      cellOfPath.set(f.path, place);
    }
  }

  const windows = new Map(input.digests.map((d) => [d.key, d]));
  for (const d of input.digests) {
    const pair = grid.pair(d.accountId, d.region);
    grid.addDigest(pair, (d.start + d.end) / 2);
    grid.cover(pair, d.start, d.end);
  }
  for (const g of digestChainGaps(input.digests)) {
    const { from: gapFrom, to: gapTo, trailName, reason } = g;
    grid.addGap(grid.pair(g.accountId, g.region), { from: gapFrom, to: gapTo, trailName, reason });
  }

  const verdicts = input.verdicts;
  if (verdicts !== undefined) {
    for (const log of verdicts.logs) {
      const kind =
        log.status === 'missing'
          ? 'missingLogs'
          : log.status === 'modified'
            ? 'modifiedLogs'
            : log.status === 'uncovered'
              ? 'uncoveredLogs'
              : undefined;
      if (kind === undefined) continue;
      const byPath = log.path === undefined ? undefined : cellOfPath.get(log.path);
      const byKey = byPath === undefined ? keyPlace(log.key) : undefined;
      const place =
        byPath ??
        (byKey === undefined
          ? undefined
          : { pair: grid.pair(byKey.account, byKey.region), time: byKey.time });
      if (place === undefined) grid.unplaced++;
      else grid.addLogVerdict(place.pair, place.time, kind);
    }
    for (const d of verdicts.digests) {
      if (d.status !== 'notValid') continue;
      const w = windows.get(d.key);
      if (w === undefined) grid.unplaced++;
      else grid.addInvalidDigest(grid.pair(w.accountId, w.region), (w.start + w.end) / 2);
    }
    for (const key of verdicts.missingDigests) {
      const parsed = parseS3Key(key);
      const end = parsed === undefined ? undefined : deliveredAtMs(parsed.deliveredAt);
      if (parsed === undefined || end === undefined) grid.unplaced++;
      // Its window is the hour before its end (digests are hourly): the middle is half an hour back.
      else grid.addMissingDigest(grid.pair(parsed.accountId, parsed.region), end - 1_800_000, key);
    }
  }
  return grid.finish({
    hasDigests: input.files.some((f) => f.kind === 'digest'),
    validated: verdicts !== undefined,
    crossAccount: cross.finish(
      (fileId) => keyAccount.get(fileId),
      (code) => accountDict?.get(code) ?? '',
    ),
    elapsedMs: performance.now() - t0,
  });
}

/** The account, Region and delivery time a log file key names. */
function keyPlace(key: string) {
  const parsed = parseS3Key(key);
  const time = parsed === undefined ? undefined : deliveredAtMs(parsed.deliveredAt);
  return parsed === undefined || time === undefined
    ? undefined
    : { account: parsed.accountId, region: parsed.region, time };
}

function pairOfRow(index: EventIndex, grid: CoverageGrid, row: number): number {
  return grid.pair(index.value('recipientAccountId', row), index.value('awsRegion', row));
}

/**
 * The hot loop: every event into its cell, tampering events noted, and the newest event of each
 * file outside the S3 layout, and events of another account than their file's key names (`cross`).
 * Pairs of dictionary codes resolve through a flat table, so a row costs a few typed-array reads.
 */
function countEvents(
  index: EventIndex,
  grid: CoverageGrid,
  loose: Uint8Array,
  noteLoose: (fileId: number, time: number, pair: number) => void,
  fileAccount: Int32Array,
  cross: CrossAccountTally,
): void {
  const n = index.size;
  const time = index.time.data;
  const acc = index.cols[ACCOUNT]?.data ?? new Uint32Array(n);
  const reg = index.cols[REGION]?.data ?? new Uint32Array(n);
  const names = index.cols[NAME]?.data ?? new Uint32Array(n);
  const sources = index.cols[SOURCE]?.data ?? new Uint32Array(n);
  const errors = index.cols[ERROR]?.data ?? new Uint32Array(n);
  const fileIds = index.fileId.data;
  const regions = index.dicts[REGION]?.size ?? 1;
  const accounts = index.dicts[ACCOUNT]?.size ?? 1;
  const table =
    accounts * regions <= MAX_PAIR_TABLE ? new Int32Array(accounts * regions).fill(-1) : undefined;
  const tampering = new Uint8Array(index.dicts[NAME]?.size ?? 0);
  for (const name of TRAIL_TAMPERING_EVENT_NAMES) {
    const code = index.dicts[NAME]?.find(name) ?? -1;
    if (code >= 0) tampering[code] = 1;
  }
  const cloudtrail = index.dicts[SOURCE]?.find(CLOUDTRAIL_EVENT_SOURCE) ?? -1;
  const { start, step, columns } = grid.columns;
  // The counting arrays of each pair, looked up by pair id without a method call per row.
  const counts: Uint32Array[] = [];
  for (let row = 0; row < n; row++) {
    const t = time[row] ?? 0;
    const slot = (acc[row] ?? 0) * regions + (reg[row] ?? 0);
    let pair = table === undefined ? -1 : (table[slot] ?? -1);
    if (pair < 0) {
      pair = pairOfRow(index, grid, row);
      if (table !== undefined) table[slot] = pair;
    }
    const column = Math.floor((t - start) / step);
    const events = counts[pair] ?? (counts[pair] = grid.eventsOf(pair));
    if (column >= 0 && column < columns) events[column] = (events[column] ?? 0) + 1;
    else grid.unplaced++;
    if (tampering[names[row] ?? 0] === 1 && sources[row] === cloudtrail) {
      grid.addTampering(pair, t, index.value('eventName', row), (errors[row] ?? 0) !== 0);
    }
    const fileId = fileIds[row] ?? 0;
    if (loose[fileId] === 1) noteLoose(fileId, t, pair);
    const owner = fileAccount[fileId] ?? NO_KEY_ACCOUNT;
    if (owner !== NO_KEY_ACCOUNT && owner !== acc[row]) cross.add(fileId, acc[row] ?? 0);
  }
}
