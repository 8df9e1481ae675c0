import type { EventIndex } from '../index/EventIndex';
import type { RuleHits } from '../index/RuleHits';
import { evaluateCorrelationSet } from '../sigma/evaluateCorrelationSet';
import { baseRuleRefs } from '../sigma/orderCorrelations';
import type { CorrelationEvent } from '../sigma/types';
import type { RuleSet } from './buildRuleSet';

/**
 * Evaluates the set's correlation rules over every hit of the base rules they refer to, and sets
 * each correlation's hits to the events of its groups (RuleHits.replace). Windows span ingests, so
 * this covers the whole case, not only new rows; the records of the referenced hits are read back
 * (`records`, one decoded file at a time) for their group-by and value_count fields.
 * @see https://sigmahq.io/sigma-specification/specification/sigma-correlation-rules-specification.html
 */
export async function correlateHits(
  set: RuleSet,
  hits: RuleHits,
  index: EventIndex,
  records: (fileId: number) => Promise<readonly unknown[]>,
): Promise<void> {
  const correlations = set.correlations.map((c) => c.rule);
  if (correlations.length === 0) return;
  const byRef = new Map<string, string>();
  for (const { rule } of set.rules) {
    byRef.set(rule.id, rule.id);
    if (rule.name !== undefined) byRef.set(rule.name, rule.id);
  }
  const events = new Map<string, CorrelationEvent[]>();
  for (const c of correlations) {
    for (const ref of baseRuleRefs(c, correlations)) {
      const id = byRef.get(ref);
      if (id === undefined || events.has(id)) continue;
      const list: CorrelationEvent[] = [];
      for (const row of hits.rows(id)) {
        const decoded = await records(index.fileId.data[row] ?? 0);
        const record = decoded[index.recordIndex.data[row] ?? 0];
        list.push({ row, timeMs: index.time.data[row] ?? NaN, record });
      }
      events.set(id, list);
    }
  }
  const { results } = evaluateCorrelationSet(correlations, (ref) => {
    const id = byRef.get(ref);
    return id === undefined ? undefined : events.get(id);
  });
  for (const [rule, result] of results)
    hits.replace(
      rule.id,
      result.groups.flatMap((g) => g.rows),
    );
}
