import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import { keyText, nodeOf, readRuleMeta, valueOf } from './readRuleMeta';
import type { LineOf } from './readRuleMeta';
import type {
  CorrelationCondition,
  CorrelationRule,
  CorrelationType,
  CountComparison,
  RuleProblem,
} from './types';

const TYPES: readonly CorrelationType[] = [
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
];
/** Sigma v2.1 metric types Cairn does not evaluate: refused by name rather than as unknown. */
const METRIC_TYPES = ['value_sum', 'value_avg', 'value_percentile'];
const OPERATORS: readonly CountComparison['op'][] = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'];
const KEYS = ['type', 'rules', 'group-by', 'timespan', 'condition', 'aliases', 'generate'];
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** A year: longer than any case Cairn holds, and far from the limits of ms arithmetic. */
export const MAX_TIMESPAN_MS = 365 * UNIT_MS.d;
/** A count beyond any log Cairn can hold (the index stops well before). */
const MAX_COUNT = 1_000_000_000;
const MAX_PATH = 256;

/**
 * Reads one correlation document (a YAML map with a `correlation` section) into a CorrelationRule.
 * Problems (with their lines; a missing part with `docLine`) are appended to `problems`, and the
 * result is then undefined. References are not resolved here: they may name rules of other files.
 * Refused: an unknown or metric type, an unknown key in `correlation`, a timespan that is not
 * `<number><s|m|h|d>` or exceeds MAX_TIMESPAN_MS, a condition operator other than
 * gt/gte/lt/lte/eq/neq or a value that is not a whole number, `field` outside value_count, a
 * condition on temporal_ordered, an alias that does not name a field for every referenced rule.
 * @see https://sigmahq.io/sigma-specification/specification/sigma-correlation-rules-specification.html
 */
export function readCorrelation(
  root: YAMLMap,
  lineOf: LineOf,
  problems: RuleProblem[],
  docLine: number,
): CorrelationRule | undefined {
  const before = problems.length;
  const meta = readRuleMeta(root, lineOf, problems, docLine);
  const problem = (message: string, node: Node | null | undefined): void => {
    problems.push({ message, line: node === undefined || node === null ? docLine : lineOf(node) });
  };
  if (valueOf(root, 'detection') !== undefined)
    problem(
      'a document is a rule (detection) or a correlation, not both',
      valueOf(root, 'detection'),
    );
  const section = valueOf(root, 'correlation');
  if (!isMap(section)) {
    problem('"correlation" must be a map', section);
    return undefined;
  }
  for (const pair of section.items) {
    const key = keyText(pair) ?? '';
    if (!KEYS.includes(key))
      problem(`the correlation key "${key}" is not supported`, nodeOf(pair.key));
  }

  const typeNode = valueOf(section, 'type');
  const typeText = isScalar(typeNode) ? String(typeNode.value) : '';
  const type = TYPES.find((t) => t === typeText);
  if (typeNode === undefined) problem('"type" is missing', section);
  else if (METRIC_TYPES.includes(typeText))
    problem(`the correlation type "${typeText}" is not supported`, typeNode);
  else if (type === undefined)
    problem(`unknown correlation type "${typeText}": use ${TYPES.join(', ')}`, typeNode);

  const rulesNode = valueOf(section, 'rules');
  const refs = textList(rulesNode, 'rules', true, lineOf, problems) ?? [];
  if (rulesNode === undefined) problem('"rules" is missing', section);
  const ruleLines = isSeq(rulesNode) ? rulesNode.items.map((i) => lineOf(nodeOf(i))) : [];

  const groupByNode = valueOf(section, 'group-by');
  const groupBy =
    groupByNode === undefined
      ? []
      : (textList(groupByNode, 'group-by', false, lineOf, problems) ?? []);

  const timespanMs = readTimespan(valueOf(section, 'timespan'), section, problem);
  const condition = readCondition(
    type,
    refs.length,
    valueOf(section, 'condition'),
    section,
    problem,
  );
  const aliases = readAliases(valueOf(section, 'aliases'), refs, problem);

  if (problems.length > before || type === undefined || condition === undefined) return undefined;
  return { ...meta, type, rules: refs, ruleLines, groupBy, timespanMs, condition, aliases };
}

type Problem = (message: string, node: Node | null | undefined) => void;

/** A non-empty list of distinct non-empty texts (each at most MAX_PATH long), or undefined. */
function textList(
  node: Node | undefined,
  key: string,
  nonEmpty: boolean,
  lineOf: LineOf,
  problems: RuleProblem[],
): string[] | undefined {
  if (node === undefined) return undefined;
  if (!isSeq(node) || (nonEmpty && node.items.length === 0)) {
    problems.push({ message: `"${key}" must be a list of names`, line: lineOf(node) });
    return undefined;
  }
  const out: string[] = [];
  for (const item of node.items) {
    const n = nodeOf(item);
    const v = isScalar(n) && typeof n.value === 'string' ? n.value : '';
    if (v === '' || v.length > MAX_PATH)
      problems.push({ message: `"${key}" must list names (text)`, line: lineOf(n) });
    else if (out.includes(v))
      problems.push({ message: `"${key}" lists "${v}" twice`, line: lineOf(n) });
    else out.push(v);
  }
  return out;
}

function readTimespan(node: Node | undefined, section: YAMLMap, problem: Problem): number {
  if (node === undefined) {
    problem('"timespan" is missing', section);
    return 0;
  }
  const text = isScalar(node) ? String(node.value) : '';
  const m = /^([1-9][0-9]{0,8})([smhd])$/.exec(text);
  const unit = m?.[2];
  if (m === null || (unit !== 's' && unit !== 'm' && unit !== 'h' && unit !== 'd')) {
    problem('"timespan" must be a number and a unit s, m, h or d (5m, 1h)', node);
    return 0;
  }
  const ms = Number(m[1]) * UNIT_MS[unit];
  if (ms > MAX_TIMESPAN_MS) problem('"timespan" is at most 365d', node);
  return ms;
}

function readCondition(
  type: CorrelationType | undefined,
  ruleCount: number,
  node: Node | undefined,
  section: YAMLMap,
  problem: Problem,
): CorrelationCondition | undefined {
  const all: CorrelationCondition = { comparisons: [{ op: 'gte', value: ruleCount }], field: [] };
  if (node === undefined) {
    if (type === 'temporal' || type === 'temporal_ordered') return all;
    problem('"condition" is missing', section);
    return undefined;
  }
  if (type === 'temporal_ordered') {
    problem(
      'a condition on temporal_ordered is not supported: every rule must occur in order',
      node,
    );
    return undefined;
  }
  if (!isMap(node)) {
    problem('"condition" must be a map such as {gte: 100}', node);
    return undefined;
  }
  const comparisons: CountComparison[] = [];
  let field: string[] = [];
  for (const pair of node.items) {
    const key = keyText(pair) ?? '';
    const value = nodeOf(pair.value);
    const op = OPERATORS.find((o) => o === key);
    if (key === 'field') {
      const list = isSeq(value) ? value.items.map(nodeOf) : [value];
      field = list.flatMap((n) =>
        isScalar(n) && typeof n.value === 'string' && n.value !== '' && n.value.length <= MAX_PATH
          ? [n.value]
          : [],
      );
      if (field.length !== list.length || field.length === 0)
        problem('"field" must name a field or a list of fields', value);
      if (type !== undefined && type !== 'value_count')
        problem('"field" belongs to a value_count condition only', value);
    } else if (op === undefined) {
      problem(
        `the condition operator "${key}" is not supported: use ${OPERATORS.join(', ')}`,
        nodeOf(pair.key),
      );
    } else if (
      !isScalar(value) ||
      typeof value.value !== 'number' ||
      !Number.isInteger(value.value) ||
      value.value < 0 ||
      value.value > MAX_COUNT
    ) {
      problem(`"${op}" must be a whole number from 0 to ${MAX_COUNT}`, value ?? nodeOf(pair.key));
    } else comparisons.push({ op, value: value.value });
  }
  const refused = node.items.some((p) => keyText(p) !== 'field');
  if (comparisons.length === 0 && !refused)
    problem('"condition" needs a comparison such as gte: 100', node);
  if (type === 'value_count' && field.length === 0)
    problem('a value_count condition needs "field"', node);
  return { comparisons, field };
}

function readAliases(
  node: Node | undefined,
  refs: readonly string[],
  problem: Problem,
): ReadonlyMap<string, ReadonlyMap<string, string>> {
  const out = new Map<string, ReadonlyMap<string, string>>();
  if (node === undefined) return out;
  if (!isMap(node)) {
    problem('"aliases" must map each alias to a field per rule', node);
    return out;
  }
  for (const pair of node.items) {
    const alias = keyText(pair) ?? '';
    const body = nodeOf(pair.value);
    const fields = new Map<string, string>();
    if (!isMap(body)) {
      problem(`the alias "${alias}" must map each rule to a field`, body ?? nodeOf(pair.key));
      continue;
    }
    for (const p of body.items) {
      const ref = keyText(p) ?? '';
      const v = nodeOf(p.value);
      if (!refs.includes(ref))
        problem(`the alias "${alias}" names "${ref}", which is not in "rules"`, nodeOf(p.key));
      else if (
        !isScalar(v) ||
        typeof v.value !== 'string' ||
        v.value === '' ||
        v.value.length > MAX_PATH
      )
        problem(`the alias "${alias}" must name a field for "${ref}"`, v ?? nodeOf(p.key));
      else fields.set(ref, v.value);
    }
    const missing = refs.filter((r) => !fields.has(r) && !body.items.some((p) => keyText(p) === r));
    if (missing.length > 0)
      problem(
        `the alias "${alias}" does not name a field for ${missing.map((r) => `"${r}"`).join(', ')}`,
        nodeOf(pair.key),
      );
    out.set(alias, fields);
  }
  return out;
}
