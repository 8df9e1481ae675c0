import { isObject } from '../../lib/isObject';

/** What a JSON node is. */
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** One visible line of the tree. `path` is dotted/bracketed (`resources[0].ARN`); '' is the root. */
export type JsonRow =
  | {
      readonly type: 'node';
      readonly path: string;
      readonly depth: number;
      /** Key or `[index]`; '' for the root. */
      readonly label: string;
      readonly kind: JsonKind;
      readonly value: unknown;
      /** Children of an object or array, else 0. */
      readonly childCount: number;
      readonly expanded: boolean;
    }
  | {
      readonly type: 'more';
      readonly path: string;
      readonly depth: number;
      readonly hidden: number;
    };

/** Children shown per array before a "Show all" row. */
export const ARRAY_LIMIT = 200;
/** Expand all stops this deep, so hostile 10,000-deep nesting cannot render 10,000 levels. */
export const EXPAND_ALL_DEPTH = 200;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The path of a child: `a.b`, `a[0]`, or `a["not an identifier"]`. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** The kind of a parsed JSON value. */
export function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  return 'boolean';
}

function children(value: unknown): [string | number, unknown][] {
  if (Array.isArray(value)) return value.map((v: unknown, i) => [i, v]);
  return isObject(value) ? Object.entries(value) : [];
}

/**
 * The visible rows of `value` given the expanded paths, in display order. Iterative (an explicit
 * stack), so nesting depth cannot overflow the call stack. Arrays show ARRAY_LIMIT children unless
 * their path is in `showAll`.
 */
export function flattenJson(
  value: unknown,
  expanded: ReadonlySet<string>,
  showAll: ReadonlySet<string> = new Set(),
): JsonRow[] {
  const rows: JsonRow[] = [];
  const stack: JsonRow[] = [node(value, '', '', 0, expanded)];
  for (let row = stack.pop(); row !== undefined; row = stack.pop()) {
    rows.push(row);
    if (row.type !== 'node' || !row.expanded) continue;
    let kids = children(row.value);
    const pending: JsonRow[] = [];
    if (row.kind === 'array' && kids.length > ARRAY_LIMIT && !showAll.has(row.path)) {
      pending.push({
        type: 'more',
        path: row.path,
        depth: row.depth + 1,
        hidden: kids.length - ARRAY_LIMIT,
      });
      kids = kids.slice(0, ARRAY_LIMIT);
    }
    for (let i = kids.length - 1; i >= 0; i--) {
      const [key, v] = kids[i] ?? ['', null];
      const label = typeof key === 'number' ? `[${key}]` : key;
      pending.unshift(node(v, childPath(row.path, key), label, row.depth + 1, expanded));
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const p = pending[i];
      if (p !== undefined) stack.push(p);
    }
  }
  return rows;
}

function node(
  value: unknown,
  path: string,
  label: string,
  depth: number,
  expanded: ReadonlySet<string>,
): JsonRow {
  const kind = kindOf(value);
  const childCount = kind === 'object' || kind === 'array' ? children(value).length : 0;
  return {
    type: 'node',
    path,
    depth,
    label,
    kind,
    value,
    childCount,
    expanded: childCount > 0 && expanded.has(path),
  };
}

/**
 * Paths of every object and array down to `maxDepth` (for the initial view and for Expand all),
 * collected iteratively. At most `maxNodes` paths, so a huge record cannot freeze the tab.
 */
export function containerPaths(value: unknown, maxDepth: number, maxNodes = 20_000): Set<string> {
  const out = new Set<string>();
  const stack: [unknown, string, number][] = [[value, '', 0]];
  for (let item = stack.pop(); item !== undefined && out.size < maxNodes; item = stack.pop()) {
    const [v, path, depth] = item;
    const kind = kindOf(v);
    if ((kind !== 'object' && kind !== 'array') || depth > maxDepth) continue;
    out.add(path);
    for (const [key, child] of children(v)) stack.push([child, childPath(path, key), depth + 1]);
  }
  return out;
}
