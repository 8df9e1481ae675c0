import { isObject } from '../../lib/isObject';
import { childPath, kindOf } from '../detail/flattenJson';
import { stringifyJson } from '../../lib/stringifyJson';
import type { JsonKind } from '../detail/flattenJson';

/** One leaf of a record: a scalar, an empty container, or a subtree cut at the depth limit. */
export interface PathLeaf {
  readonly path: string;
  /** The keys and indexes leading to the leaf, for ordering paths without parsing them. */
  readonly segments: readonly (string | number)[];
  /** `deep`: a container nested beyond the depth limit, shown whole as compact JSON. */
  readonly kind: JsonKind | 'deep';
  /** A string as is (no quotes); anything else as compact JSON (`12`, `true`, `null`, `{}`). */
  readonly text: string;
}

/** A record as its leaf paths, in document order. */
export interface FlatRecord {
  readonly leaves: ReadonlyMap<string, PathLeaf>;
  /** True when the record had more than `maxLeaves` leaves and the rest were dropped. */
  readonly truncated: boolean;
}

/** Levels walked before a subtree is shown whole: hostile records nest 10,000 deep. */
export const MAX_DEPTH = 50;
/** Leaves kept per record: a hostile record can hold millions, and every one becomes a table row. */
export const MAX_LEAVES = 10_000;

interface Pending {
  readonly value: unknown;
  readonly segments: readonly (string | number)[];
  readonly path: string;
}

/**
 * Flattens a parsed record to its leaf paths (`userIdentity.arn`, `resources[0].ARN`,
 * `tags["aws:x"]`), in document order. Empty objects and arrays are leaves (`{}`, `[]`). A container
 * at depth `maxDepth` is not walked: it becomes one `deep` leaf holding its compact JSON. Iterative
 * (an explicit stack), so no nesting can overflow the call stack.
 */
export function flattenPaths(
  value: unknown,
  maxDepth: number = MAX_DEPTH,
  maxLeaves: number = MAX_LEAVES,
): FlatRecord {
  // A Map, not an object: keys like `__proto__` from a hostile record stay plain keys.
  const leaves = new Map<string, PathLeaf>();
  const stack: Pending[] = [{ value, segments: [], path: '' }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (leaves.size >= maxLeaves) return { leaves, truncated: true };
    const { segments, path } = item;
    const kind = kindOf(item.value);
    const keys = childKeys(item.value);
    if (keys.length === 0 || segments.length >= maxDepth) {
      const deep = keys.length > 0;
      leaves.set(path, { path, segments, kind: deep ? 'deep' : kind, text: leafText(item.value) });
      continue;
    }
    // Reversed, so children pop in document order.
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (key === undefined) continue;
      stack.push({
        value: childAt(item.value, key),
        segments: [...segments, key],
        path: childPath(path, key),
      });
    }
  }
  return { leaves, truncated: false };
}

function childKeys(value: unknown): readonly (string | number)[] {
  if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => i);
  return isObject(value) ? Object.keys(value) : [];
}

function childAt(value: unknown, key: string | number): unknown {
  if (Array.isArray(value)) return typeof key === 'number' ? value[key] : undefined;
  // Keys come from Object.keys, so a parsed `__proto__` key reads its own property.
  return isObject(value) && typeof key === 'string' ? value[key] : undefined;
}

function leafText(value: unknown): string {
  return typeof value === 'string' ? value : stringifyJson(value);
}
