import { evaluateCorrelation } from './evaluateCorrelation';
import { correlationsByRef, orderCorrelations } from './orderCorrelations';
import type { CorrelationProblem } from './orderCorrelations';
import type { CorrelationEvent, CorrelationResult, CorrelationRule } from './types';

/**
 * Evaluates a rule set's correlations in dependency order. `baseHits(ref)` gives the events a base
 * rule matched (ref is an id or name; undefined when no base rule has it). A reference naming a
 * correlation of the set (by id or name, before any base rule) gets that correlation's events: the
 * events, with their times and records, of its result's rows. Correlations in a reference cycle
 * are not evaluated and are listed in `problems` with the line of the reference at fault.
 * Cost: each correlation as evaluateCorrelation, plus a map of its events when another refers to it.
 * @see https://sigmahq.io/sigma-specification/specification/sigma-correlation-rules-specification.html
 */
export function evaluateCorrelationSet(
  correlations: readonly CorrelationRule[],
  baseHits: (ref: string) => readonly CorrelationEvent[] | undefined,
): {
  readonly results: ReadonlyMap<CorrelationRule, CorrelationResult>;
  readonly problems: readonly CorrelationProblem[];
} {
  const byRef = correlationsByRef(correlations);
  const { order, problems } = orderCorrelations(correlations);
  const results = new Map<CorrelationRule, CorrelationResult>();
  const eventsOf = new Map<CorrelationRule, readonly CorrelationEvent[]>();
  const hits = (ref: string): readonly CorrelationEvent[] | undefined => {
    const dep = byRef.get(ref);
    return dep === undefined ? baseHits(ref) : eventsOf.get(dep);
  };
  const needed = new Set(correlations.flatMap((c) => c.rules.flatMap((r) => byRef.get(r) ?? [])));
  for (const rule of order) {
    const result = evaluateCorrelation(rule, hits);
    results.set(rule, result);
    if (!needed.has(rule)) continue;
    const byRow = new Map<number, CorrelationEvent>();
    for (const ref of rule.rules) for (const e of hits(ref) ?? []) byRow.set(e.row, e);
    eventsOf.set(
      rule,
      result.groups.flatMap((g) => g.rows.flatMap((row) => byRow.get(row) ?? [])),
    );
  }
  return { results, problems };
}
