import { isObject } from '../../lib/isObject';

type Step = { readonly text: string } | { readonly value: unknown };

/**
 * `JSON.stringify(value)` without recursion: the native one overflows the stack on the 10,000-deep
 * nesting a hostile record can hold. Values JSON cannot hold (undefined, functions) print as `null`.
 */
export function compactJson(value: unknown): string {
  const out: string[] = [];
  const stack: Step[] = [{ value }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if ('text' in step) {
      out.push(step.text);
      continue;
    }
    const v = step.value;
    if (Array.isArray(v)) {
      // Pushed in reverse, so the parts pop in order.
      stack.push({ text: ']' });
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i] });
        if (i > 0) stack.push({ text: ',' });
      }
      out.push('[');
    } else if (isObject(v)) {
      const keys = Object.keys(v);
      stack.push({ text: '}' });
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] ?? '';
        stack.push({ value: v[key] });
        stack.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(key)}:` });
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
