import type { EventIndex } from '../index/EventIndex';
import type { CompiledRule } from './CompiledRule';
import { READ, YES, ruleVerdicts } from './ruleVerdicts';

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
  for (let k = 0; k < rules.length; k++) {
    const r = rules[k];
    if (r === undefined) continue;
    const verdicts = ruleVerdicts(r.rule, r.condition, index, from, to);
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

function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
