import { isObject } from '../lib/isObject';
import { compileGlob, compileTest } from './compileTest';
import type { TestPredicate, ValuesAt } from './compileTest';
import { parseCondition } from './parseCondition';
import type { Condition } from './parseCondition';
import type { Selection, SigmaRule } from './types';

/** A rule compiled to a test of one record (a parsed CloudTrail event). */
export type RecordTest = (record: unknown) => boolean;

/**
 * Compiles a rule read by readSigmaRule into a record test. Selections: a map ANDs its field tests,
 * a list of maps ORs them, keywords search every value of the record (contains, any case). Field
 * names are dotted paths; a list on the way matches through any element.
 * Throws an Error naming the problem when the condition does not parse or a `re` is refused by RE2:
 * the caller lists the rule as unusable, never half-applied.
 * @see https://sigmahq.io/sigma-specification/specification/sigma-rules-specification.html
 */
export function matchRule(rule: SigmaRule): RecordTest {
  const reading = parseCondition(rule.condition, [...rule.selections.keys()]);
  if (!reading.ok) throw new Error(`condition: ${reading.message} (at ${reading.at})`);
  const compiled = new Map<string, TestPredicate>();
  for (const [name, selection] of rule.selections) compiled.set(name, compileSelection(selection));
  const evaluate = compileCondition(reading.condition, compiled);
  return (record) => evaluate(valuesOf(record));
}

function compileSelection(selection: Selection): TestPredicate {
  if (selection.kind === 'all') {
    const tests = selection.tests.map(compileTest);
    return (v) => tests.every((t) => t(v));
  }
  if (selection.kind === 'any') {
    const groups = selection.groups.map((g) => g.map(compileTest));
    return (v) => groups.some((g) => g.every((t) => t(v)));
  }
  const words = selection.values.map((w) =>
    w === null ? () => false : compileGlob(String(w), 'contains', false),
  );
  return (v) => {
    const leaves = v('');
    return words.some((w) => leaves.some((x) => typeof x === 'string' && w(x)));
  };
}

function compileCondition(
  c: Condition,
  selections: ReadonlyMap<string, TestPredicate>,
): TestPredicate {
  const ref = (name: string): TestPredicate => selections.get(name) ?? (() => false);
  switch (c.kind) {
    case 'ref':
      return ref(c.name);
    case 'not': {
      const inner = compileCondition(c.operand, selections);
      return (v) => !inner(v);
    }
    case 'and': {
      const parts = c.operands.map((o) => compileCondition(o, selections));
      return (v) => parts.every((p) => p(v));
    }
    case 'or': {
      const parts = c.operands.map((o) => compileCondition(o, selections));
      return (v) => parts.some((p) => p(v));
    }
    case 'of': {
      const parts = c.names.map(ref);
      return c.quantifier === 'all'
        ? (v) => parts.every((p) => p(v))
        : (v) => parts.some((p) => p(v));
    }
  }
}

/**
 * The values-at-path reader over one record, memoised per path. `''` gives every scalar leaf, as
 * text (keywords search them all).
 */
function valuesOf(record: unknown): ValuesAt {
  const memo = new Map<string, readonly unknown[]>();
  return (path) => {
    let out = memo.get(path);
    if (out === undefined) {
      out = path === '' ? leavesOf(record) : walk(record, path.split('.'));
      memo.set(path, out);
    }
    return out;
  };
}

function walk(value: unknown, keys: readonly string[]): unknown[] {
  let current: unknown[] = [value];
  for (const key of keys) {
    const next: unknown[] = [];
    for (const v of current)
      for (const item of Array.isArray(v) ? v : [v])
        if (isObject(item) && Object.hasOwn(item, key)) next.push(item[key]);
    current = next;
  }
  // A list at the end of the path matches through any element, like one on the way.
  return current.flatMap(elementsOf);
}

/** A list's elements, or the value itself: a Sigma field matches through any element of a list. */
function elementsOf(v: unknown): unknown[] {
  const out: unknown[] = [];
  if (Array.isArray(v)) for (const item of v) out.push(item);
  else out.push(v);
  return out;
}

function leavesOf(record: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [record];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
    else if (Array.isArray(v)) for (const item of v) stack.push(item);
    else if (isObject(v)) for (const item of Object.values(v)) stack.push(item);
  }
  return out;
}

/**
 * The values at a dotted path of a record, as matchRule reads them: a list on the way or at the end
 * is traversed through its elements. [] when the path is missing. Used by correlations (group-by).
 */
export function valuesAtPath(record: unknown, path: string): unknown[] {
  return walk(record, path.split('.'));
}
