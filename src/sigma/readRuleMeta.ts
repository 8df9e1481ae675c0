import { isNode, isScalar, isSeq } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import type { RuleProblem } from './types';

/** The 1-based line where a YAML node starts (0 when unknown), from the file's LineCounter. */
export type LineOf = (node: { range?: readonly number[] | null } | null | undefined) => number;

/** The meta-information a base rule and a correlation rule share. */
export interface RuleMeta {
  readonly id: string;
  readonly name?: string;
  readonly title: string;
  readonly author: string;
  readonly status: string;
  readonly level: string;
  readonly description: string;
  readonly references: readonly string[];
  readonly tags: readonly string[];
  readonly falsepositives: readonly string[];
}

/**
 * Reads the meta-information of one rule document (a YAML map): `id` and `title` required, `name`
 * optional, the rest text or lists of text ('' or [] when absent). Problems are appended with their
 * lines (a missing key with `docLine`, the document's first line, or 0 for a one-rule file); the
 * returned fields are then meaningless.
 * @see https://sigmahq.io/sigma-specification/specification/sigma-rules-specification.html
 */
export function readRuleMeta(
  root: YAMLMap,
  lineOf: LineOf,
  problems: RuleProblem[],
  docLine: number,
): RuleMeta {
  const text = (key: string, required: boolean): string => {
    const v = valueOf(root, key);
    if (v === undefined) {
      if (required) problems.push({ message: `"${key}" is missing`, line: docLine });
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
  const id = text('id', true);
  const name = text('name', false);
  return {
    id,
    ...(name === '' ? {} : { name }),
    title: text('title', true),
    author: text('author', false),
    status: text('status', false),
    level: text('level', false),
    description: text('description', false),
    references: list('references'),
    tags: list('tags'),
    falsepositives: list('falsepositives'),
  };
}

/** The YAML node a pair's key or value holds (null for an empty value). */
export function nodeOf(v: unknown): Node | null {
  return isNode(v) ? v : null;
}

/** A pair's key as text (undefined for a non-scalar key). */
export function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** The value node under `key` in a map (undefined when absent or empty). */
export function valueOf(map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((p) => keyText(p) === key);
  return pair === undefined ? undefined : (nodeOf(pair.value) ?? undefined);
}
