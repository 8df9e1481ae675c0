import type { CorrelationRule, RuleProblem } from './types';

/** A correlation that cannot be evaluated, with the 1-based line of the reference at fault. */
export interface CorrelationProblem extends RuleProblem {
  readonly rule: CorrelationRule;
}

/**
 * Orders a set of correlation rules so that every correlation comes after the correlations it
 * refers to (a reference names a correlation of the set when it equals its id or name; any other
 * reference is a base rule). Correlations in a reference cycle, or referring to one, are left out
 * of `order` and listed in `problems` (the one whose reference closes the cycle names the cycle).
 * Cost: linear in rules and references.
 * @see https://sigmahq.io/sigma-specification/specification/sigma-correlation-rules-specification.html
 */
export function orderCorrelations(correlations: readonly CorrelationRule[]): {
  readonly order: readonly CorrelationRule[];
  readonly problems: readonly CorrelationProblem[];
} {
  const byRef = correlationsByRef(correlations);
  const state = new Map<CorrelationRule, 'visiting' | 'done' | 'refused'>();
  const stack: CorrelationRule[] = [];
  const order: CorrelationRule[] = [];
  const problems: CorrelationProblem[] = [];
  const visit = (rule: CorrelationRule): boolean => {
    const seen = state.get(rule);
    if (seen !== undefined) return seen === 'done';
    state.set(rule, 'visiting');
    stack.push(rule);
    let ok = true;
    for (const [i, ref] of rule.rules.entries()) {
      const dep = byRef.get(ref);
      if (dep === undefined) continue;
      const line = rule.ruleLines[i] ?? 0;
      if (state.get(dep) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(dep)), dep].map(handleOf).join(' → ');
        problems.push({ rule, line, message: `"${ref}" closes a cycle of correlations: ${cycle}` });
        ok = false;
      } else if (!visit(dep)) {
        problems.push({
          rule,
          line,
          message: `"${ref}" is a correlation that cannot be evaluated`,
        });
        ok = false;
      }
    }
    stack.pop();
    state.set(rule, ok ? 'done' : 'refused');
    if (ok) order.push(rule);
    return ok;
  };
  for (const rule of correlations) visit(rule);
  return { order, problems };
}

/**
 * The base-rule references a correlation needs, through the correlations it refers to, each once,
 * in the order first met. References naming a correlation of `correlations` (by id or name) are
 * followed, not listed; cycles are followed once.
 */
export function baseRuleRefs(
  rule: CorrelationRule,
  correlations: readonly CorrelationRule[],
): readonly string[] {
  const byRef = correlationsByRef(correlations);
  const out = new Set<string>();
  const seen = new Set<CorrelationRule>();
  const walk = (r: CorrelationRule): void => {
    if (seen.has(r)) return;
    seen.add(r);
    for (const ref of r.rules) {
      const dep = byRef.get(ref);
      if (dep === undefined) out.add(ref);
      else walk(dep);
    }
  };
  walk(rule);
  return [...out];
}

/** Correlations by id and by name (the first rule wins a handle defined twice). */
export function correlationsByRef(
  correlations: readonly CorrelationRule[],
): ReadonlyMap<string, CorrelationRule> {
  const byRef = new Map<string, CorrelationRule>();
  for (const c of correlations)
    for (const handle of [c.id, c.name])
      if (handle !== undefined && !byRef.has(handle)) byRef.set(handle, c);
  return byRef;
}

function handleOf(rule: CorrelationRule): string {
  return rule.name ?? rule.id;
}
