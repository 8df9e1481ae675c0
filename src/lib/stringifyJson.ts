import { isObject } from './isObject';

type Step = { readonly text: string } | { readonly value: unknown; readonly depth: number };

/**
 * `JSON.stringify` typed as it behaves: undefined for undefined, functions and symbols (TypeScript's
 * lib says string). https://tc39.es/ecma262/#sec-json.stringify
 */
export function jsonText(value: unknown, indent = 0): string | undefined {
  return JSON.stringify(value, null, indent);
}

/** Containers deeper than this are written compact inside an indented text (see stringifyJson). */
export const INDENT_DEPTH_LIMIT = 64;

/**
 * `JSON.stringify(value, null, indent)` for values JSON.parse yields, safe at any nesting depth:
 * the native serialiser runs first (fast), and when it overflows the stack (V8 does past about
 * 4,000 levels, which a hostile log record can hold while JSON.parse still reads it) an iterative
 * one writes the same text. `indent` is the number of spaces (0: compact). With an indent, values
 * nested deeper than INDENT_DEPTH_LIMIT are written compact on one line: indenting 10,000 levels
 * would take ≈200 MB of spaces. The text always parses back to the same value. Values JSON cannot
 * hold print as `null` in the iterative path (JSON.parse never yields them).
 */
export function stringifyJson(value: unknown, indent = 0): string {
  if (indent > 0 && depthOf(value) > INDENT_DEPTH_LIMIT) {
    return stringifyDeep(value, indent, INDENT_DEPTH_LIMIT);
  }
  try {
    return jsonText(value, indent) ?? 'null';
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return stringifyDeep(value, indent);
  }
}

/** The deepest container nesting of `value` (0 for a scalar), without recursion. */
export function depthOf(value: unknown): number {
  let max = 0;
  const stack: (readonly [unknown, number])[] = [[value, 0]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [v, depth] = item;
    if (Array.isArray(v)) {
      max = Math.max(max, depth + 1);
      for (const child of v) stack.push([child, depth + 1]);
    } else if (isObject(v)) {
      max = Math.max(max, depth + 1);
      for (const k in v) stack.push([v[k], depth + 1]);
    }
  }
  return max;
}

/**
 * The iterative serialiser: an explicit stack of values and literal text, popped in order.
 * Containers at depth `prettyDepth` and below are compact (default: none are).
 */
export function stringifyDeep(value: unknown, indent = 0, prettyDepth = Infinity): string {
  const out: string[] = [];
  const pretty = (depth: number) => indent > 0 && depth < prettyDepth;
  const pad = (depth: number, inPretty: boolean) =>
    inPretty ? `\n${' '.repeat(indent * depth)}` : '';
  const stack: Step[] = [{ value, depth: 0 }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if ('text' in step) {
      out.push(step.text);
      continue;
    }
    const { value: v, depth } = step;
    const p = pretty(depth);
    if (Array.isArray(v)) {
      if (v.length === 0) {
        out.push('[]');
        continue;
      }
      // Pushed in reverse, so the parts pop in order.
      stack.push({ text: `${pad(depth, p)}]` });
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i], depth: depth + 1 });
        stack.push({ text: `${i > 0 ? ',' : ''}${pad(depth + 1, p)}` });
      }
      out.push('[');
    } else if (isObject(v)) {
      const keys = Object.keys(v);
      if (keys.length === 0) {
        out.push('{}');
        continue;
      }
      stack.push({ text: `${pad(depth, p)}}` });
      const colon = p ? ': ' : ':';
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] ?? '';
        stack.push({ value: v[key], depth: depth + 1 });
        stack.push({
          text: `${i > 0 ? ',' : ''}${pad(depth + 1, p)}${JSON.stringify(key)}${colon}`,
        });
      }
      out.push('{');
    } else {
      out.push(scalarJson(v));
    }
  }
  return out.join('');
}

function scalarJson(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  return 'null';
}
