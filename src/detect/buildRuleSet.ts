import type { CaseRuleFile } from '../db/caseDetections';
import { readSigmaRule } from '../sigma/readSigmaRule';
import { packedRuleUrl, unpackRule } from '../sigma/rulePack';
import type { RulePack, RuleProblem } from '../sigma/types';
import { compileRule } from './CompiledRule';
import type { CompiledRule } from './CompiledRule';

/** One rule file of the case, read: the rule ids it gave, or every problem with its line. */
export interface RuleFileReading {
  readonly name: string;
  readonly ruleIds: readonly string[];
  readonly problems: readonly RuleProblem[];
}

/** The rules a case runs: the pack's, then its own files' in the order added. */
export interface RuleSet {
  readonly rules: readonly CompiledRule[];
  readonly files: readonly RuleFileReading[];
}

/**
 * Compiles the pack (already checked at build time) and reads each of the case's rule files
 * (untrusted): a file that does not read, does not compile, or reuses an id already taken (by the
 * pack or an earlier file) gives problems and no rule, never part of one.
 */
export function buildRuleSet(pack: RulePack, files: readonly CaseRuleFile[]): RuleSet {
  const rules: CompiledRule[] = pack.rules.map((p) =>
    compileRule(unpackRule(p), { kind: 'pack', file: p.file, url: packedRuleUrl(pack, p.file) }),
  );
  const taken = new Map(rules.map((r) => [r.rule.id, `the SigmaHQ rule "${r.rule.title}"`]));
  const readings = files.map((f): RuleFileReading => {
    const reading = readSigmaRule(f.text);
    if (!reading.ok) return { name: f.name, ruleIds: [], problems: reading.problems };
    const { rule } = reading;
    const owner = taken.get(rule.id);
    if (owner !== undefined)
      return {
        name: f.name,
        ruleIds: [],
        problems: [{ message: `the id ${rule.id} is already used by ${owner}`, line: 0 }],
      };
    try {
      rules.push(compileRule(rule, { kind: 'case', file: f.name }));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { name: f.name, ruleIds: [], problems: [{ message, line: 0 }] };
    }
    taken.set(rule.id, `"${f.name}"`);
    return { name: f.name, ruleIds: [rule.id], problems: [] };
  });
  return { rules, files: readings };
}
