import { LineCounter, isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import type { FieldTest, Modifier, RuleProblem, RuleReading, Selection, SigmaValue } from './types';

const MODIFIERS: readonly Modifier[] = [
  'contains',
  'startswith',
  'endswith',
  'all',
  're',
  'i',
  'm',
  's',
  'fieldref',
  'exists',
  'cidr',
  'windash',
  'base64',
  'base64offset',
  'cased',
];

function isModifier(name: string): name is Modifier {
  return MODIFIERS.some((m) => m === name);
}

/** The YAML node a pair's key or value holds (null for an empty value). */
function nodeOf(v: unknown): Node | null {
  return isNode(v) ? v : null;
}
/** Rule files are small (the largest SigmaHQ rule is a few KB): a bigger file is not a rule. */
export const MAX_RULE_BYTES = 256 * 1024;

/**
 * Reads one Sigma rule from YAML text (untrusted: a dropped file, or the vendored pack). Returns the
 * rule, or every problem found with its line: YAML errors, a missing id/title/detection/condition,
 * a modifier Cairn does not evaluate, a value that is not a scalar, several documents (a correlation
 * or a rule collection). Never throws.
 * @see https://sigmahq.io/sigma-specification/specification/sigma-rules-specification.html
 * @see https://sigmahq.io/sigma-specification/appendix/sigma-modifiers-appendix.html
 */
export function readSigmaRule(text: string): RuleReading {
  if (text.length > MAX_RULE_BYTES)
    return fail([{ message: `a rule file is at most ${MAX_RULE_BYTES} bytes`, line: 0 }]);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: { range?: readonly number[] | null } | null | undefined): number =>
    node?.range?.[0] === undefined ? 0 : lines.linePos(node.range[0]).line;
  const problems: RuleProblem[] = doc.errors.map((e) => ({
    message: e.message,
    line: lines.linePos(e.pos[0]).line,
  }));
  if (problems.length > 0) return fail(problems);
  const root = doc.contents;
  if (!isMap(root)) return fail([{ message: 'a rule is a YAML map', line: 0 }]);

  const text_ = (key: string, required: boolean): string => {
    const v = valueOf(root, key);
    if (v === undefined) {
      if (required) problems.push({ message: `"${key}" is missing`, line: 0 });
      return '';
    }
    if (isScalar(v) && typeof v.value === 'string') return v.value;
    problems.push({ message: `"${key}" must be text`, line: lineOf(v) });
    return '';
  };
  const list = (key: string): string[] => {
    const v = valueOf(root, key);
    if (v === undefined) return [];
    if (isSeq(v)) return v.items.flatMap((i) => (isScalar(i) ? [String(i.value)] : []));
    if (isScalar(v)) return [String(v.value)];
    problems.push({ message: `"${key}" must be a list of text`, line: lineOf(v) });
    return [];
  };

  const id = text_('id', true);
  const title = text_('title', true);
  const meta = {
    author: text_('author', false),
    status: text_('status', false),
    level: text_('level', false),
    description: text_('description', false),
    references: list('references'),
    tags: list('tags'),
    falsepositives: list('falsepositives'),
  };
  if (valueOf(root, 'correlation') !== undefined)
    problems.push({ message: 'correlation rules are not supported yet', line: 0 });

  const detection = valueOf(root, 'detection');
  const selections = new Map<string, Selection>();
  let condition = '';
  if (!isMap(detection)) {
    problems.push({ message: '"detection" must be a map', line: lineOf(detection) });
  } else {
    for (const pair of detection.items) {
      const name = keyText(pair);
      if (name === 'condition') {
        if (isScalar(pair.value) && typeof pair.value.value === 'string')
          condition = pair.value.value;
        else
          problems.push({
            message: 'a list of conditions is not supported: write one condition',
            line: lineOf(nodeOf(pair.value)),
          });
      } else if (name === 'timeframe') {
        problems.push({ message: '"timeframe" is not supported', line: lineOf(nodeOf(pair.key)) });
      } else if (name !== undefined) {
        const s = readSelection(nodeOf(pair.value), lineOf, problems);
        if (s !== undefined) selections.set(name, s);
      }
    }
    if (condition.trim() === '') problems.push({ message: '"condition" is missing', line: 0 });
  }
  if (problems.length > 0) return fail(problems);
  return { ok: true, rule: { id, title, ...meta, selections, condition } };
}

function fail(problems: readonly RuleProblem[]): RuleReading {
  return { ok: false, problems };
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function valueOf(map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((p) => keyText(p) === key);
  return pair === undefined ? undefined : (nodeOf(pair.value) ?? undefined);
}

type LineOf = (node: { range?: readonly number[] | null } | null | undefined) => number;

function readSelection(
  node: Node | null,
  lineOf: LineOf,
  problems: RuleProblem[],
): Selection | undefined {
  if (isMap(node)) return { kind: 'all', tests: readTests(node, lineOf, problems) };
  if (isSeq(node)) {
    if (node.items.every((i) => isMap(i)))
      return {
        kind: 'any',
        groups: node.items.flatMap((i) => (isMap(i) ? [readTests(i, lineOf, problems)] : [])),
      };
    const values = node.items.map((i) => scalar(nodeOf(i), lineOf, problems));
    return { kind: 'keywords', values: values.filter((v) => v !== undefined) };
  }
  const v = scalar(node, lineOf, problems);
  return v === undefined ? undefined : { kind: 'keywords', values: [v] };
}

function readTests(map: YAMLMap, lineOf: LineOf, problems: RuleProblem[]): FieldTest[] {
  return map.items.flatMap((pair) => {
    const key = keyText(pair) ?? '';
    const line = lineOf(nodeOf(pair.key));
    const [field = '', ...names] = key.split('|');
    const modifiers: Modifier[] = [];
    for (const m of names) {
      if (isModifier(m)) modifiers.push(m);
      else problems.push({ message: `the modifier "${m}" is not supported`, line });
    }
    const value = nodeOf(pair.value);
    const raw = isSeq(value) ? value.items.map(nodeOf) : [value];
    const values = raw.map((v) => scalar(v, lineOf, problems));
    if (values.some((v) => v === undefined)) return [];
    return [{ field, modifiers, values: values.filter((v) => v !== undefined), line }];
  });
}

function scalar(
  node: Node | null,
  lineOf: LineOf,
  problems: RuleProblem[],
): SigmaValue | undefined {
  if (node === null) return null;
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      return v;
  }
  problems.push({
    message: 'a value must be text, a number, true/false or null',
    line: lineOf(node),
  });
  return undefined;
}
