import type { CoverageColumns } from './coverageColumns';
import { COVERAGE_FLAG } from './coverageMap';
import type { CoverageGap, CoverageMap, CoverageNote, CoverageRow } from './coverageMap';

/** The most account × Region rows a map has; further pairs share one "other" row. */
export const MAX_ROWS = 500;

type Count = 'missingLogs' | 'modifiedLogs' | 'uncoveredLogs' | 'invalidDigests';

interface NoteBuilder {
  missingLogs: number;
  modifiedLogs: number;
  uncoveredLogs: number;
  invalidDigests: number;
  readonly missingDigests: string[];
  readonly gaps: CoverageGap[];
  readonly tampering: Map<string, { count: number; failed: number }>;
}

/**
 * The cells of a coverage map while coverageOf fills them: one set of column arrays per account ×
 * Region pair, allocated when the pair is first seen (pair ids follow first sight), and notes for
 * the few cells with marks. `finish` sorts the rows and lays everything out densely.
 */
export class CoverageGrid {
  /** Times outside the columns, or files with no time to place them by. */
  unplaced = 0;
  private readonly pairs = new Map<string, number>();
  private readonly labels: { account: string; region: string; other: boolean }[] = [];
  private readonly events: Uint32Array[] = [];
  private readonly logFiles: Uint32Array[] = [];
  private readonly digests: Uint32Array[] = [];
  private readonly flags: Uint8Array[] = [];
  private readonly notes = new Map<number, NoteBuilder>();
  private other = -1;
  private readonly cols: CoverageColumns;

  constructor(columns: CoverageColumns) {
    this.cols = columns;
  }

  /** The column grid. */
  get columns(): CoverageColumns {
    return this.cols;
  }

  /** The per-column event counts of a pair, for the hot loop to increment directly. */
  eventsOf(pair: number): Uint32Array {
    const events = this.events[pair];
    if (events === undefined) throw new Error(`no coverage pair ${pair}`);
    return events;
  }

  /** The pair id of an account and Region, compared without case (as queries match). */
  pair(account: string, region: string): number {
    const id = `${account.toLowerCase()}\u0000${region.toLowerCase()}`;
    const known = this.pairs.get(id);
    if (known !== undefined) return known;
    if (this.labels.length >= MAX_ROWS) {
      if (this.other < 0) this.other = this.add('', '', true);
      this.pairs.set(id, this.other);
      return this.other;
    }
    const pair = this.add(account, region, false);
    this.pairs.set(id, pair);
    return pair;
  }

  /** The column of a time (ms), or -1 outside the map. */
  column(t: number): number {
    const c = Math.floor((t - this.cols.start) / this.cols.step);
    return c >= 0 && c < this.cols.columns ? c : -1;
  }

  addLogFile(pair: number, t: number): void {
    this.bump(this.logFiles, pair, t);
  }

  addDigest(pair: number, t: number): void {
    this.bump(this.digests, pair, t);
  }

  /** Marks the columns a digest window [start, end) overlaps as covered. */
  cover(pair: number, start: number, end: number): void {
    this.span(pair, start, end, (c) => this.flag(pair, c, COVERAGE_FLAG.covered));
  }

  /** Marks the columns a chain gap overlaps. */
  addGap(pair: number, gap: CoverageGap): void {
    this.span(pair, gap.from, gap.to, (c) => {
      this.flag(pair, c, COVERAGE_FLAG.gap);
      this.note(pair, c)?.gaps.push(gap);
    });
  }

  addLogVerdict(pair: number, t: number, kind: Exclude<Count, 'invalidDigests'>): void {
    this.count(
      pair,
      t,
      kind,
      kind === 'uncoveredLogs' ? COVERAGE_FLAG.uncovered : COVERAGE_FLAG.problem,
    );
  }

  addInvalidDigest(pair: number, t: number): void {
    this.count(pair, t, 'invalidDigests', COVERAGE_FLAG.problem);
  }

  addMissingDigest(pair: number, t: number, key: string): void {
    const c = this.column(t);
    if (c < 0) {
      this.unplaced++;
      return;
    }
    this.flag(pair, c, COVERAGE_FLAG.gap);
    this.note(pair, c)?.missingDigests.push(key);
  }

  addTampering(pair: number, t: number, eventName: string, failed: boolean): void {
    const c = this.column(t);
    const note = c < 0 ? undefined : this.note(pair, c);
    if (note === undefined) return;
    this.flag(pair, c, COVERAGE_FLAG.tampering);
    const seen = note.tampering.get(eventName) ?? { count: 0, failed: 0 };
    note.tampering.set(eventName, {
      count: seen.count + 1,
      failed: seen.failed + (failed ? 1 : 0),
    });
  }

  /** Lays the rows out sorted by account then Region (empty ones and "other" last). */
  finish(
    extra: Pick<CoverageMap, 'hasDigests' | 'validated' | 'elapsedMs' | 'crossAccount'>,
  ): CoverageMap {
    const { columns } = this.cols;
    // Unnamed accounts and Regions after named ones, the "other" row last.
    const sortKey = (l: { account: string; region: string; other: boolean }) =>
      [
        l.other ? '1' : '0',
        l.account === '' ? '\uffff' : l.account,
        l.region === '' ? '\uffff' : l.region,
      ].join('\u0000');
    const order = this.labels
      .map((l, pair) => ({ ...l, pair, sort: sortKey(l) }))
      .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
    const n = order.length * columns;
    const events = new Uint32Array(n);
    const logFiles = new Uint32Array(n);
    const digests = new Uint32Array(n);
    const flags = new Uint8Array(n);
    const finalRow = new Int32Array(this.labels.length);
    const sum = (a: Uint32Array | undefined) => {
      let s = 0;
      for (const v of a ?? []) s += v;
      return s;
    };
    const rows: CoverageRow[] = order.map((l, r) => {
      finalRow[l.pair] = r;
      const at = r * columns;
      events.set(this.events[l.pair] ?? [], at);
      logFiles.set(this.logFiles[l.pair] ?? [], at);
      digests.set(this.digests[l.pair] ?? [], at);
      flags.set(this.flags[l.pair] ?? [], at);
      return {
        account: l.account,
        region: l.region,
        ...(l.other ? { other: true } : {}),
        events: sum(this.events[l.pair]),
        logFiles: sum(this.logFiles[l.pair]),
        digests: sum(this.digests[l.pair]),
      };
    });
    const notes: CoverageNote[] = [...this.notes].map(([key, b]) => {
      const pair = Math.floor(key / columns);
      return {
        cell: (finalRow[pair] ?? 0) * columns + (key % columns),
        missingLogs: b.missingLogs,
        modifiedLogs: b.modifiedLogs,
        uncoveredLogs: b.uncoveredLogs,
        invalidDigests: b.invalidDigests,
        missingDigests: b.missingDigests,
        gaps: b.gaps,
        tampering: [...b.tampering]
          .map(([eventName, c]) => ({ eventName, ...c }))
          .sort((a, b2) => a.eventName.localeCompare(b2.eventName)),
      };
    });
    notes.sort((a, b) => a.cell - b.cell);
    const total = (pick: (n: CoverageNote) => number) => notes.reduce((s, x) => s + pick(x), 0);
    let gapCells = 0;
    for (const f of flags) if ((f & COVERAGE_FLAG.gap) !== 0) gapCells++;
    return {
      start: this.cols.start,
      step: this.cols.step,
      unit: this.cols.unit,
      columns,
      rows,
      events,
      logFiles,
      digests,
      flags,
      notes,
      totals: {
        events: sum(events),
        logFiles: sum(logFiles),
        digests: sum(digests),
        missingLogs: total((x) => x.missingLogs),
        modifiedLogs: total((x) => x.modifiedLogs),
        uncoveredLogs: total((x) => x.uncoveredLogs),
        invalidDigests: total((x) => x.invalidDigests),
        missingDigests: total((x) => x.missingDigests.length),
        gapCells,
        tamperingEvents: total((x) => x.tampering.reduce((s, t) => s + t.count, 0)),
        unplaced: this.unplaced,
      },
      ...extra,
    };
  }

  private add(account: string, region: string, other: boolean): number {
    const { columns } = this.cols;
    this.labels.push({ account, region, other });
    this.events.push(new Uint32Array(columns));
    this.logFiles.push(new Uint32Array(columns));
    this.digests.push(new Uint32Array(columns));
    this.flags.push(new Uint8Array(columns));
    return this.labels.length - 1;
  }

  private bump(arrays: Uint32Array[], pair: number, t: number): void {
    const c = this.column(t);
    const a = arrays[pair];
    if (c < 0 || a === undefined) this.unplaced++;
    else a[c] = (a[c] ?? 0) + 1;
  }

  private count(pair: number, t: number, kind: Count, flag: number): void {
    const c = this.column(t);
    const note = c < 0 ? undefined : this.note(pair, c);
    if (note === undefined) {
      this.unplaced++;
      return;
    }
    note[kind]++;
    this.flag(pair, c, flag);
  }

  private flag(pair: number, c: number, bit: number): void {
    const f = this.flags[pair];
    if (f !== undefined) f[c] = (f[c] ?? 0) | bit;
  }

  /** Calls `fn` for each column [from, to) overlaps, clipped to the map. */
  private span(pair: number, from: number, to: number, fn: (c: number) => void): void {
    if (this.flags[pair] === undefined || !(to > from)) return;
    const { start, step, columns } = this.cols;
    const first = Math.max(0, Math.floor((from - start) / step));
    const end = Math.min(columns, Math.ceil((to - start) / step));
    for (let c = first; c < end; c++) fn(c);
  }

  private note(pair: number, c: number): NoteBuilder | undefined {
    if (this.flags[pair] === undefined) return undefined;
    const key = pair * this.cols.columns + c;
    let note = this.notes.get(key);
    if (note === undefined) {
      note = {
        missingLogs: 0,
        modifiedLogs: 0,
        uncoveredLogs: 0,
        invalidDigests: 0,
        missingDigests: [],
        gaps: [],
        tampering: new Map(),
      };
      this.notes.set(key, note);
    }
    return note;
  }
}
