import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import { keyText, nodeOf, readRuleMeta, valueOf } from './readRuleMeta';
import type { LineOf } from './readRuleMeta';
import type {
  FieldTest,
  Modifier,
  RuleProblem,
  RuleReading,
  Selection,
  SigmaRule,
  SigmaValue,
} from './types';

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

/** Rule files are small (the largest SigmaHQ rule is a few KB): a bigger file is not a rule. */
export const MAX_RULE_BYTES = 256 * 1024;

/**
 * Reads one Sigma rule from YAML text (untrusted: a dropped file, or the vendored pack). Returns the
 * rule, or every problem found with its line: YAML errors, a missing id/title/detection/condition,
 * a modifier Cairn does not evaluate, a value that is not a scalar, several documents or a
 * correlation (those are read with readSigmaFile). Never throws.
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

  return finish(readBaseRule(root, lineOf, problems, 0), problems);
}

/**
 * Reads one base rule from its YAML map (a document of a rule file) into a SigmaRule; problems
 * (with their lines; a missing part with `docLine`) are appended to `problems`, and the result is
 * then undefined. Shared by readSigmaRule and readSigmaFile.
 */
export function readBaseRule(
  root: YAMLMap,
  lineOf: LineOf,
  problems: RuleProblem[],
  docLine: number,
): SigmaRule | undefined {
  const before = problems.length;
  const meta = readRuleMeta(root, lineOf, problems, docLine);
  if (valueOf(root, 'correlation') !== undefined)
    problems.push({
      message: 'a correlation rule is read with its rule file, not as a single rule',
      line: docLine,
    });

  const detection = valueOf(root, 'detection');
  const selections = new Map<string, Selection>();
  let condition = '';
  if (!isMap(detection)) {
    problems.push({
      message: '"detection" must be a map',
      line: detection === undefined ? docLine : lineOf(detection),
    });
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
    if (condition.trim() === '')
      problems.push({ message: '"condition" is missing', line: docLine });
  }
  if (problems.length > before) return undefined;
  return { ...meta, selections, condition };
}

function finish(rule: SigmaRule | undefined, problems: readonly RuleProblem[]): RuleReading {
  return rule === undefined || problems.length > 0 ? fail(problems) : { ok: true, rule };
}

function fail(problems: readonly RuleProblem[]): RuleReading {
  return { ok: false, problems };
}

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
