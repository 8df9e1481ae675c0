import { describe, expect, it } from 'vitest';
import { depthOf, INDENT_DEPTH_LIMIT, stringifyDeep, stringifyJson } from './stringifyJson';

const samples: unknown[] = [
  null,
  true,
  -1.5e-7,
  'a "quoted" \u202E\u0000 string',
  [],
  {},
  [1, [2, [3, {}]], []],
  JSON.parse('{"__proto__":{"x":1},"<img src=x>":[null,false,{"a":[]}],"b":{"c":"d"}}'),
];

describe('stringifyJson', () => {
  it.each(samples)('writes what JSON.stringify writes, compact and indented (%#)', (value) => {
    expect(stringifyDeep(value)).toBe(JSON.stringify(value));
    expect(stringifyDeep(value, 2)).toBe(JSON.stringify(value, null, 2));
    expect(stringifyJson(value, 2)).toBe(JSON.stringify(value, null, 2));
  });

  it('writes 10,000-deep nesting that the native serialiser cannot', () => {
    const text = '{"a":'.repeat(10_000) + '[1,"x"]' + '}'.repeat(10_000);
    const value: unknown = JSON.parse(text);
    expect(() => JSON.stringify(value)).toThrow(RangeError);
    expect(stringifyJson(value)).toBe(text);
    expect(depthOf(value)).toBe(10_001);
    // Indented to INDENT_DEPTH_LIMIT levels, compact below: small, and the same value.
    const indented = stringifyJson(value, 2);
    expect(indented.length).toBeLessThan(text.length + 10_000);
    expect(indented.split('\n')).toHaveLength(2 * INDENT_DEPTH_LIMIT + 1);
    expect(indented.startsWith('{\n  "a": {\n    "a": {')).toBe(true);
    expect(stringifyJson(JSON.parse(indented))).toBe(text);
  });
});
