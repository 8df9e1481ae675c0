import pack from 'virtual:sigma-pack';
import { buildRuleSet } from './buildRuleSet';
import type { CompiledRule } from './CompiledRule';

let compiled: readonly CompiledRule[] | undefined;

/** The vendored pack's rules, compiled once per worker (the build already checked them). */
export function packRules(): readonly CompiledRule[] {
  return (compiled ??= buildRuleSet(pack, []).rules);
}

/** Which pack a set of parsed hits belongs to: hits from another build's pack are not used. */
export const PACK_KEY = `${pack.commit}:${pack.rules.length}`;
