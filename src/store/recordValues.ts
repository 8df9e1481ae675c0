import { isObject } from '../lib/isObject';

/**
 * The values at a dotted path in a parsed record, as strings: scalars as JSON writes them (`true`,
 * `42`, `null`), objects and arrays at the end of the path as compact JSON. Arrays met along the path
 * are searched element by element, so `resources.ARN` reads the ARN of every resource. Only own keys
 * are followed: a key like `__proto__` in a hostile record is data, never the prototype.
 */
export function valuesAtPath(record: unknown, path: readonly string[]): string[] {
  const out: string[] = [];
  const stack: (readonly [unknown, number])[] = [[record, 0]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [value, depth] = item;
    if (Array.isArray(value) && depth < path.length) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], depth]);
    } else if (depth === path.length) {
      out.push(leafText(value));
    } else if (isObject(value)) {
      const key = path[depth] ?? '';
      if (Object.hasOwn(value, key)) stack.push([value[key], depth + 1]);
    }
  }
  return out;
}

function leafText(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '';
}

/**
 * True when `needle` (already lower-case) occurs in any key or any scalar value of `record`, compared
 * case-insensitively. Walks with an explicit stack: hostile records nest 10,000 deep.
 */
export function recordContainsText(record: unknown, needle: string): boolean {
  const stack: unknown[] = [record];
  for (let value = stack.pop(); stack.length > 0 || value !== undefined; value = stack.pop()) {
    if (typeof value === 'string') {
      if (value.toLowerCase().includes(needle)) return true;
    } else if (Array.isArray(value)) {
      for (const v of value) stack.push(v);
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        if (k.toLowerCase().includes(needle)) return true;
        stack.push(v);
      }
    } else if (
      (typeof value === 'number' || typeof value === 'boolean' || value === null) &&
      String(value).toLowerCase().includes(needle)
    ) {
      return true;
    }
  }
  return false;
}
