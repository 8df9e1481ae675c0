import { matchRule } from '../sigma/matchRule';
import type { RecordTest } from '../sigma/matchRule';
import { parseCondition } from '../sigma/parseCondition';
import type { Condition } from '../sigma/parseCondition';
import type { SigmaRule } from '../sigma/types';

/** Where a rule comes from: the vendored SigmaHQ pack, or a file the responder added to the case. */
export type RuleOrigin =
  | { readonly kind: 'pack'; readonly file: string; readonly url: string }
  | { readonly kind: 'case'; readonly file: string };

/** A rule ready to run: its condition parsed and its record test compiled. */
export interface CompiledRule {
  readonly rule: SigmaRule;
  readonly condition: Condition;
  readonly test: RecordTest;
  readonly origin: RuleOrigin;
}

/**
 * Compiles a rule read by readSigmaRule.
 * @throws Error naming the problem when its condition does not parse or RE2 refuses a `re`.
 */
export function compileRule(rule: SigmaRule, origin: RuleOrigin): CompiledRule {
  const reading = parseCondition(rule.condition, [...rule.selections.keys()]);
  if (!reading.ok) throw new Error(`condition: ${reading.message} (at ${reading.at})`);
  return { rule, condition: reading.condition, test: matchRule(rule), origin };
}
