import type { EventIndex } from '../index/EventIndex';
import type { CompiledRule } from './CompiledRule';
import { READ, YES, ruleVerdicts } from './ruleVerdicts';
import { indexColumns } from './verdictColumns';

/** What runRules needs besides the rules. */
export interface RuleRunInput {
  readonly index: EventIndex;
  /** The decoded records of stored file `fileId` (RecordReader.records), in record-index order. */
  readonly records: (fileId: number) => Promise<readonly unknown[]>;
  /** Rows `from` (inclusive) to `to` (exclusive) are evaluated: the new rows of an ingest. */
  readonly from: number;
  readonly to: number;
  /** Told steps done of steps to do (one per rule, then one per file read). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Polled between steps: true stops the run (its result is then partial and must be dropped). */
  readonly isStopped?: () => boolean;
  /** Awaited between steps, so the worker answers the page meanwhile (default: a macrotask). */
  readonly yieldNow?: () => Promise<void>;
  /**
   * Hits the parse workers found while parsing (fileRuleHits): for the rules in `ruleIds`, by
   * fileId, rule id → record indices. When every row of the run comes from such a file, those
   * rules take their hits from here, and neither the index nor the records are read for them.
   */
  readonly parsed?: ParsedHits;
}

/** See RuleRunInput.parsed. */
export interface ParsedHits {
  readonly ruleIds: ReadonlySet<string>;
  readonly files: ReadonlyMap<number, ReadonlyMap<string, Uint32Array>>;
}

/** Hits by rule id (rows ascending), and how much the index spared: records read of rows run. */
export interface RuleRunResult {
  readonly hits: ReadonlyMap<string, number[]>;
  readonly recordsRead: number;
  readonly filesRead: number;
  readonly stopped: boolean;
}

/**
 * Runs `rules` over rows [from, to) of the index. First the index settles what it can (ruleVerdicts:
 * selections on indexed fields through the dictionaries); then each stored file holding an unsettled
 * row is decoded once and every rule that needs a record of it tests that record (matchRule). So the
 * cost is a pass over the new rows' codes per rule plus the files of the candidate rows, not a read
 * of every record. Yields between steps: searches keep being answered while rules run.
 */
export async function runRules(
  rules: readonly CompiledRule[],
  input: RuleRunInput,
): Promise<RuleRunResult> {
  const { index, from, to } = input;
  const yieldNow = input.yieldNow ?? macrotask;
  const hits = new Map<string, number[]>();
  // fileId → [row, rule position] pairs whose record must be read.
  const toRead = new Map<number, number[]>();
  const fileOf = index.fileId.data;
  let done = 0;
  const report = (total: number) => input.onProgress?.(done, total);
  const fromParse = parsedHits(rules, input);
  for (const [id, rows] of fromParse) hits.set(id, rows);
  const columns = indexColumns(index, from, to);
  for (let k = 0; k < rules.length; k++) {
    const r = rules[k];
    if (r === undefined || fromParse.has(r.rule.id)) continue;
    const verdicts = ruleVerdicts(r.rule, r.condition, columns);
    const rows: number[] = [];
    for (let i = 0; i < verdicts.length; i++) {
      const v = verdicts[i];
      if (v === YES) rows.push(from + i);
      else if (v === READ) {
        const row = from + i;
        const fileId = fileOf[row] ?? 0;
        let list = toRead.get(fileId);
        if (list === undefined) toRead.set(fileId, (list = []));
        list.push(row, k);
      }
    }
    hits.set(r.rule.id, rows);
    done++;
    report(rules.length);
    await yieldNow();
    if (input.isStopped?.() === true) return { hits, recordsRead: 0, filesRead: 0, stopped: true };
  }
  const total = rules.length + toRead.size;
  let recordsRead = 0;
  for (const [fileId, pairs] of [...toRead].sort((a, b) => a[0] - b[0])) {
    const records = await input.records(fileId);
    for (let p = 0; p < pairs.length; p += 2) {
      const row = pairs[p] ?? 0;
      const r = rules[pairs[p + 1] ?? 0];
      if (r === undefined) continue;
      recordsRead++;
      if (r.test(records[index.recordIndex.data[row] ?? 0])) hits.get(r.rule.id)?.push(row);
    }
    done++;
    report(total);
    await yieldNow();
    if (input.isStopped?.() === true)
      return { hits, recordsRead, filesRead: done - rules.length, stopped: true };
  }
  for (const rows of hits.values()) rows.sort((a, b) => a - b);
  return { hits, recordsRead, filesRead: toRead.size, stopped: false };
}

/**
 * The hits of the rules the parse workers ran, mapped to rows, when every row of the run comes from
 * a file they parsed; else none. A file's rows are appended in record order, so each hit's row is
 * found by a binary search of its file's rows by record index. Rows a file did not add (identical
 * re-deliveries of stored events) have none: their stored row was judged with its own file.
 */
function parsedHits(rules: readonly CompiledRule[], input: RuleRunInput): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const { parsed, index, from, to } = input;
  if (parsed === undefined || parsed.ruleIds.size === 0 || to <= from) return out;
  const fileOf = index.fileId.data;
  const recordOf = index.recordIndex.data;
  const ranges: { fileId: number; start: number; end: number }[] = [];
  for (let row = from; row < to; row++) {
    const fileId = fileOf[row] ?? 0;
    const last = ranges.at(-1);
    if (last?.fileId === fileId && last.end === row) last.end++;
    else {
      if (!parsed.files.has(fileId)) return out;
      ranges.push({ fileId, start: row, end: row + 1 });
    }
  }
  for (const r of rules) {
    const id = r.rule.id;
    if (!parsed.ruleIds.has(id)) continue;
    const rows: number[] = [];
    for (const { fileId, start, end } of ranges) {
      for (const recordIndex of parsed.files.get(fileId)?.get(id) ?? []) {
        let lo = start;
        let hi = end;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((recordOf[mid] ?? 0) < recordIndex) lo = mid + 1;
          else hi = mid;
        }
        if (lo < end && recordOf[lo] === recordIndex) rows.push(lo);
      }
    }
    out.set(id, rows);
  }
  return out;
}

function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
