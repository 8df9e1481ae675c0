import type { FileChunk } from '../index/types';
import type { CompiledRule } from './CompiledRule';
import { READ, YES, ruleVerdicts } from './ruleVerdicts';
import { chunkColumns } from './verdictColumns';

/** Rule id → record indices (positions in the file's records) of the records the rule matched. */
export type FileRuleHits = readonly (readonly [string, Uint32Array])[];

/**
 * Runs `rules` over one parsed file, in the parse worker that has its records in hand: the chunk's
 * columns settle what they can (ruleVerdicts, as on the index), and the record decides the rest,
 * without reading the file again. Only rules with hits are listed. The engine maps the record
 * indices to its rows when the file's rows are appended (runRules), so the run after an ingest
 * costs the hits, not a second decoding of every file.
 */
export function fileRuleHits(
  rules: readonly CompiledRule[],
  chunk: FileChunk,
  records: readonly unknown[],
): FileRuleHits {
  const columns = chunkColumns(chunk);
  const out: [string, Uint32Array][] = [];
  for (const r of rules) {
    const verdicts = ruleVerdicts(r.rule, r.condition, columns);
    const hits: number[] = [];
    for (let row = 0; row < verdicts.length; row++) {
      const v = verdicts[row];
      const recordIndex = chunk.recordIndex[row] ?? 0;
      if (v === YES || (v === READ && r.test(records[recordIndex]))) hits.push(recordIndex);
    }
    if (hits.length > 0) out.push([r.rule.id, Uint32Array.from(hits)]);
  }
  return out;
}
