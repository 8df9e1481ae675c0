import type { RuleHits } from '../index/RuleHits';
import type { RowDetection, RowView } from '../index/types';
import { levelRank } from './attackTags';

/**
 * The detection marker of event `row`: the number of rules with an active (not benign) hit on it and
 * the most severe of their levels (Sigma's order, critical first; see levelRank). Undefined when no
 * active hit.
 */
export function rowDetection(hits: RuleHits, row: number): RowDetection | undefined {
  const rules = hits.rulesOf(row);
  const first = rules[0];
  if (first === undefined) return undefined;
  let level = first.level;
  for (const r of rules) if (levelRank(r.level) < levelRank(level)) level = r.level;
  return { rules: rules.length, level };
}

/** `rows` (a table page) with their detection markers. */
export function markDetections(rows: RowView[], hits: RuleHits): RowView[] {
  if (hits.rules().length === 0) return rows;
  return rows.map((r) => {
    const detection = rowDetection(hits, r.row);
    return detection === undefined ? r : { ...r, detection };
  });
}
