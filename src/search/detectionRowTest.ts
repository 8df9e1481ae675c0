import type { DetectionField } from '../querylang/fields';
import { compilePatterns } from '../querylang/matchPattern';
import type { FieldClause } from '../querylang/types';
import type { RuleEntry, RuleHits } from '../index/RuleHits';
import type { RowTest } from './compileFilter';

/** The values a rule gives a detection field: `rule` its id and title, `level`, `attack` its ATT&CK tags. */
function valuesOf(field: DetectionField, r: RuleEntry): readonly string[] {
  switch (field) {
    case 'rule':
      return [r.id, r.title];
    case 'level':
      return [r.level];
    case 'attack':
      return r.tags.flatMap((t) => {
        const lower = t.toLowerCase();
        return lower.startsWith('attack.') ? [t.slice('attack.'.length), t] : [];
      });
  }
}

/**
 * The row test of a detection clause (`rule:`, `level:`, `attack:`): true for a row with an active
 * (not suppressed) hit of a rule whose id, title, level or ATT&CK tag matches one of the clause's
 * patterns (case ignored, wildcards as elsewhere), flipped when negated. `size` is the index's row
 * count: the rows are marked in one table of that length, so each row costs one read. Without `hits`
 * no event has a hit.
 */
export function detectionRowTest(
  clause: FieldClause,
  field: DetectionField,
  hits: RuleHits | undefined,
  size: number,
): RowTest {
  const match = compilePatterns(clause.values, clause.field);
  const marked = new Uint8Array(size);
  for (const rule of hits?.rules() ?? []) {
    if (!valuesOf(field, rule).some(match)) continue;
    for (const row of hits?.activeRows(rule.id) ?? []) if (row < size) marked[row] = 1;
  }
  const want = clause.negated ? 0 : 1;
  return (row) => marked[row] === want;
}
