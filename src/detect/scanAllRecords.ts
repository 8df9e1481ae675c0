import type { EventIndex } from '../index/EventIndex';
import type { CompiledRule } from './CompiledRule';

/**
 * The plain way to run rules, without the index: every row's stored record is read back (each file
 * decoded once) and every rule tests it. The bench reports runRules as a ratio to this, measured in
 * the same run; tests compare the two hit sets. Returns hits by rule id (rows ascending) and the
 * records tested.
 */
export async function scanAllRecords(
  rules: readonly CompiledRule[],
  index: EventIndex,
  records: (fileId: number) => Promise<readonly unknown[]>,
): Promise<{ readonly hits: ReadonlyMap<string, number[]>; readonly recordsRead: number }> {
  const byFile = new Map<number, number[]>();
  for (let row = 0; row < index.size; row++) {
    const fileId = index.fileId.data[row] ?? 0;
    let rows = byFile.get(fileId);
    if (rows === undefined) byFile.set(fileId, (rows = []));
    rows.push(row);
  }
  const hits = new Map<string, number[]>(rules.map((r) => [r.rule.id, []]));
  let recordsRead = 0;
  for (const [fileId, rows] of byFile) {
    const decoded = await records(fileId);
    for (const row of rows) {
      const record = decoded[index.recordIndex.data[row] ?? 0];
      recordsRead++;
      for (const r of rules) if (r.test(record)) hits.get(r.rule.id)?.push(row);
    }
  }
  for (const rows of hits.values()) rows.sort((a, b) => a - b);
  return { hits, recordsRead };
}
