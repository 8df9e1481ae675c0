import { isObject } from '../../lib/isObject';
import { stringifyJson } from '../../lib/stringifyJson';

/** What a node is. `other` covers values JSON.parse never yields (undefined, functions, bigint). */
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'other';

/** A leaf value as JSON.parse yields it: what copy and filter actions hand on. */
export type JsonLeafValue = string | number | boolean | null;

/** One visible node of the tree. */
export interface JsonNodeRow {
  readonly type: 'node';
  /** 0 for the root. */
  readonly depth: number;
  /** The object key, or the array index as digits; '' for the root. */
  readonly label: string;
  readonly labelIsIndex: boolean;
  /** `requestParameters.bucketName`, `resources[0].ARN`, `tags["aws:x"]`; '' for the root. */
  readonly path: string;
  readonly kind: JsonKind;
  /** A leaf as text: the raw string (no quotes), `12`, `true`, `null`; '' for containers. */
  readonly text: string;
  /** Keys or items of a container; 0 for leaves. */
  readonly childCount: number;
  /** True only for a non-empty container whose path is in the expanded set. */
  readonly expanded: boolean;
  /** The node itself, for copying a container and filtering by a leaf. */
  readonly value: unknown;
}

/** The "Show all" line closing an expanded container that has more than CHILD_LIMIT children. */
export interface JsonMoreRow {
  readonly type: 'more';
  readonly depth: number;
  /** Path of the container whose children are cut. */
  readonly path: string;
  readonly shown: number;
  readonly total: number;
}

/** A visible line of the tree, in display order. */
export type JsonRow = JsonNodeRow | JsonMoreRow;

/** Children shown per array (and object) until the user asks for all: hostile logs can hold millions. */
export const CHILD_LIMIT = 200;
/** Levels opened by default: the root and the containers at depths 1 and 2. */
export const DEFAULT_EXPAND_LEVELS = 3;
/** Levels Expand all opens, so hostile 10,000-deep nesting stays usable. */
export const EXPAND_ALL_LEVELS = 200;
/** Rows Expand all aims to stay under: the tree is not virtualised. */
export const EXPAND_ALL_ROWS = 5_000;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The path of a child: `a.b`, `a[0]`, or `a["not an identifier"]` (JSON-quoted, so unambiguous). */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** The kind of a value, by guards only: the input is untrusted. */
export function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'object' || t === 'string' || t === 'number' || t === 'boolean' ? t : 'other';
}

/** `value` when it is a JSON leaf, else undefined. */
export function leafValue(value: unknown): JsonLeafValue | undefined {
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  return undefined;
}

/** The text "Copy value" puts on the clipboard (containers indented; see stringifyJson for deep ones). */
export function copyText(value: unknown): string {
  if (typeof value === 'string') return value;
  const kind = kindOf(value);
  if (kind === 'object' || kind === 'array') return stringifyJson(value, 2);
  return leafText(value);
}

function leafText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return typeof value === 'bigint' ? value.toString() : typeof value;
}

/** The keys of the children to show (the first CHILD_LIMIT unless `all`), and how many there are. */
function childKeys(
  value: unknown,
  all: boolean,
): { keys: readonly (string | number)[]; total: number } {
  if (Array.isArray(value)) {
    const shown = all ? value.length : Math.min(value.length, CHILD_LIMIT);
    // Only the shown indexes: a million-item array must not cost a million keys per render.
    return { keys: Array.from({ length: shown }, (_, i) => i), total: value.length };
  }
  if (!isObject(value)) return { keys: [], total: 0 };
  const keys = Object.keys(value);
  return { keys: all ? keys : keys.slice(0, CHILD_LIMIT), total: keys.length };
}

function childAt(value: unknown, key: string | number): unknown {
  if (Array.isArray(value)) return typeof key === 'number' ? value[key] : undefined;
  // Keys come from Object.keys, so a parsed `__proto__` key reads its own property, not the prototype.
  return isObject(value) && typeof key === 'string' ? value[key] : undefined;
}

interface Pending {
  readonly value: unknown;
  readonly key: string | number | undefined;
  readonly path: string;
  readonly depth: number;
}

/** Pushes the children of `parent` in reverse, so they pop in document order. */
function pushChildren(
  stack: (Pending | JsonMoreRow)[],
  parent: Pending,
  keys: readonly (string | number)[],
): void {
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i];
    if (key === undefined) continue;
    const path = childPath(parent.path, key);
    stack.push({ value: childAt(parent.value, key), key, path, depth: parent.depth + 1 });
  }
}

/**
 * The visible rows of `value`, in display order. A container is open when its path is in
 * `expanded`; it lists CHILD_LIMIT children and then a `more` row, unless its path is in `showAll`.
 * Iterative (an explicit stack), so no nesting depth can overflow the call stack.
 */
export function flattenJson(
  value: unknown,
  expanded: ReadonlySet<string>,
  showAll: ReadonlySet<string> = new Set(),
): JsonRow[] {
  const rows: JsonRow[] = [];
  const stack: (Pending | JsonMoreRow)[] = [{ value, key: undefined, path: '', depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if ('type' in item) {
      rows.push(item);
      continue;
    }
    const kind = kindOf(item.value);
    const container = kind === 'object' || kind === 'array';
    const { keys, total } = childKeys(item.value, showAll.has(item.path));
    const open = total > 0 && expanded.has(item.path);
    rows.push({
      type: 'node',
      depth: item.depth,
      label: item.key === undefined ? '' : String(item.key),
      labelIsIndex: typeof item.key === 'number',
      path: item.path,
      kind,
      text: container ? '' : leafText(item.value),
      childCount: total,
      expanded: open,
      value: item.value,
    });
    if (!open) continue;
    if (keys.length < total) {
      const depth = item.depth + 1;
      stack.push({ type: 'more', path: item.path, depth, shown: keys.length, total });
    }
    pushChildren(stack, item, keys);
  }
  return rows;
}

/**
 * Paths to expand so that every container shallower than `levels` is open, walking in display
 * order and skipping children hidden by CHILD_LIMIT. Stops opening containers once about `maxRows`
 * rows would show, so Expand all on a huge or cyclic value cannot freeze the tab. Iterative.
 */
export function expandedPaths(
  value: unknown,
  levels: number,
  showAll: ReadonlySet<string> = new Set(),
  maxRows: number = EXPAND_ALL_ROWS,
): Set<string> {
  const out = new Set<string>();
  let rows = 1;
  const stack: Pending[] = [{ value, key: undefined, path: '', depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item.depth >= levels) continue;
    const { keys, total } = childKeys(item.value, showAll.has(item.path));
    const added = keys.length + (keys.length < total ? 1 : 0);
    if (total === 0 || rows + added > maxRows) continue;
    rows += added;
    out.add(item.path);
    pushChildren(stack, item, keys);
  }
  return out;
}

/** What a key press on a focused row does: move focus to a row index, or open/close a path. */
export type TreeKeyAction = { readonly focus: number } | { readonly toggle: string };

/**
 * The ARIA tree pattern's keys on row `i`: Up/Down/Home/End move, Right opens (or steps into an open
 * container), Left closes (or steps out to the parent). Undefined for keys the tree leaves alone.
 */
export function treeKeyAction(
  rows: readonly JsonRow[],
  i: number,
  key: string,
): TreeKeyAction | undefined {
  const row = rows[i];
  if (row === undefined) return undefined;
  const last = rows.length - 1;
  const openable = row.type === 'node' && row.childCount > 0;
  const open = row.type === 'node' && row.expanded;
  switch (key) {
    case 'ArrowDown':
      return { focus: Math.min(i + 1, last) };
    case 'ArrowUp':
      return { focus: Math.max(i - 1, 0) };
    case 'Home':
      return { focus: 0 };
    case 'End':
      return { focus: last };
    case 'ArrowRight':
      if (!openable) return undefined;
      return open ? { focus: Math.min(i + 1, last) } : { toggle: row.path };
    case 'ArrowLeft': {
      if (open) return { toggle: row.path };
      // Rows are in display order, so the parent is the nearest earlier row that is shallower.
      const parent = rows.findLastIndex((r, j) => j < i && r.depth < row.depth);
      return parent >= 0 ? { focus: parent } : undefined;
    }
    default:
      return undefined;
  }
}
