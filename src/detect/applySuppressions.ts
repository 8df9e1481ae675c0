import type { Suppression } from '../db/caseDetections';
import type { RuleHits } from '../index/RuleHits';

/**
 * Sets the case's suppressions on `hits`, replacing any set before: a suppression without an event
 * marks its whole rule benign; one with an event key marks the hits of its rule whose row has that
 * key (`keyOf`, AnnotationIndex.keyOf: the eventID, or `file:<SHA-256>#<record index>`). Cost: one
 * key per hit of each rule that has event suppressions.
 */
export function applySuppressions(
  hits: RuleHits,
  suppressions: readonly Suppression[],
  keyOf: (row: number) => string,
): void {
  hits.clearBenign();
  const byRule = new Map<string, Set<string>>();
  for (const s of suppressions) {
    if (s.event === undefined) hits.setRuleBenign(s.ruleId, true);
    else {
      let keys = byRule.get(s.ruleId);
      if (keys === undefined) byRule.set(s.ruleId, (keys = new Set()));
      keys.add(s.event);
    }
  }
  for (const [ruleId, keys] of byRule)
    for (const row of hits.rows(ruleId))
      if (keys.has(keyOf(row))) hits.setHitBenign(ruleId, row, true);
}
