import { LineCounter, isMap, isScalar, parseAllDocuments } from 'yaml';
import { orderCorrelations } from './orderCorrelations';
import { readCorrelation } from './readCorrelation';
import { valueOf } from './readRuleMeta';
import { MAX_RULE_BYTES, readBaseRule } from './readSigmaRule';
import type { CorrelationRule, RuleProblem, SigmaFileReading, SigmaRule } from './types';

/**
 * Reads a Sigma rule file (untrusted YAML): one or several documents separated by `---`, each a base
 * rule (`detection`) or a correlation rule (`correlation`). Lines in problems are 1-based and
 * relative to the file. The file is one unit: any problem (YAML error, unsupported construct, an id
 * or name defined twice, correlations of the file referring to each other in a cycle) refuses the
 * whole file, never half-applying it. References to rules not in the file are kept: they are
 * resolved when the rule set is evaluated. Never throws.
 * @see https://sigmahq.io/sigma-specification/specification/sigma-correlation-rules-specification.html
 */
export function readSigmaFile(text: string): SigmaFileReading {
  if (text.length > MAX_RULE_BYTES)
    return fail([{ message: `a rule file is at most ${MAX_RULE_BYTES} bytes`, line: 0 }]);
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const docs = Array.isArray(parsed) ? parsed : [];
  const lineOf = (node: { range?: readonly number[] | null } | null | undefined): number =>
    node?.range?.[0] === undefined ? 0 : lines.linePos(node.range[0]).line;
  const problems: RuleProblem[] = docs.flatMap((d) =>
    d.errors.map((e) => ({ message: e.message, line: lines.linePos(e.pos[0]).line })),
  );
  if (problems.length > 0) return fail(problems);

  const rules: SigmaRule[] = [];
  const correlations: CorrelationRule[] = [];
  const defined = new Map<string, number>();
  for (const doc of docs) {
    const root = doc.contents;
    // An empty document, e.g. after a trailing `---`.
    if (root === null || (isScalar(root) && root.value === null)) continue;
    const docLine = lineOf(root);
    if (!isMap(root)) {
      problems.push({ message: 'a rule is a YAML map', line: docLine });
      continue;
    }
    const rule =
      valueOf(root, 'correlation') === undefined
        ? readBaseRule(root, lineOf, problems, docLine)
        : readCorrelation(root, lineOf, problems, docLine);
    if (rule === undefined) continue;
    for (const handle of [rule.id, rule.name]) {
      if (handle === undefined) continue;
      const first = defined.get(handle);
      if (first === undefined) defined.set(handle, docLine);
      else
        problems.push({
          message: `"${handle}" names two rules of the file (the first at line ${first})`,
          line: docLine,
        });
    }
    if ('selections' in rule) rules.push(rule);
    else correlations.push(rule);
  }
  if (rules.length + correlations.length === 0 && problems.length === 0)
    problems.push({ message: 'the file holds no rule', line: 0 });
  for (const p of orderCorrelations(correlations).problems)
    problems.push({ message: p.message, line: p.line });
  if (problems.length > 0) return fail(problems);
  return { ok: true, rules, correlations };
}

function fail(problems: readonly RuleProblem[]): SigmaFileReading {
  return { ok: false, problems };
}
