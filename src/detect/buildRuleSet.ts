import type { CaseRuleFile } from '../db/caseDetections';
import { readSigmaFile } from '../sigma/readSigmaFile';
import { packedRuleUrl, unpackRule } from '../sigma/rulePack';
import type { CorrelationRule, RulePack, RuleProblem } from '../sigma/types';
import { compileRule } from './CompiledRule';
import type { CompiledRule, RuleOrigin } from './CompiledRule';

/** One rule file of the case, read: the rule ids it gave, or every problem with its line. */
export interface RuleFileReading {
  readonly name: string;
  readonly ruleIds: readonly string[];
  readonly problems: readonly RuleProblem[];
}

/** A correlation rule of the set, with the file it came from. */
export interface SetCorrelation {
  readonly rule: CorrelationRule;
  readonly origin: RuleOrigin;
}

/** The rules a case runs: the pack's, then its own files' in the order added. */
export interface RuleSet {
  readonly rules: readonly CompiledRule[];
  readonly correlations: readonly SetCorrelation[];
  readonly files: readonly RuleFileReading[];
}

/**
 * Compiles the pack (already checked at build time) and reads each of the case's rule files
 * (untrusted; one or several YAML documents, base rules and correlation rules: readSigmaFile). A
 * file that does not read, does not compile, or reuses an id or name already taken (by the pack or
 * an earlier file) gives problems and no rule, never part of one.
 */
export function buildRuleSet(pack: RulePack, files: readonly CaseRuleFile[]): RuleSet {
  const rules: CompiledRule[] = pack.rules.map((p) =>
    compileRule(unpackRule(p), { kind: 'pack', file: p.file, url: packedRuleUrl(pack, p.file) }),
  );
  const correlations: SetCorrelation[] = [];
  const taken = new Map(rules.map((r) => [r.rule.id, `the SigmaHQ rule "${r.rule.title}"`]));
  const readings = files.map((f): RuleFileReading => {
    const fail = (message: string, line = 0): RuleFileReading => ({
      name: f.name,
      ruleIds: [],
      problems: [{ message, line }],
    });
    const reading = readSigmaFile(f.text);
    if (!reading.ok) return { name: f.name, ruleIds: [], problems: reading.problems };
    const names = [...reading.rules, ...reading.correlations].flatMap((r) =>
      r.name === undefined ? [r.id] : [r.id, r.name],
    );
    for (const n of names) {
      const owner = taken.get(n);
      if (owner !== undefined) return fail(`the id or name ${n} is already used by ${owner}`);
    }
    const origin: RuleOrigin = { kind: 'case', file: f.name };
    const compiled: CompiledRule[] = [];
    try {
      for (const rule of reading.rules) compiled.push(compileRule(rule, origin));
    } catch (e) {
      return fail(e instanceof Error ? e.message : String(e));
    }
    rules.push(...compiled);
    for (const rule of reading.correlations) correlations.push({ rule, origin });
    for (const n of names) taken.set(n, `"${f.name}"`);
    return {
      name: f.name,
      ruleIds: [...reading.rules, ...reading.correlations].map((r) => r.id),
      problems: [],
    };
  });
  return { rules, correlations, files: readings };
}
