import { STRING_FIELDS } from '../cloudtrail/types';
import type { VerdictColumns } from './verdictColumns';
import { compileTest } from '../sigma/compileTest';
import type { Condition } from '../sigma/parseCondition';
import type { FieldTest, Selection, SigmaRule } from '../sigma/types';
import { BORROWED_COLUMNS, SIGMA_COLUMNS, TEXT_COLUMNS } from './sigmaColumns';

/** A row's verdict: the rule does not match, matches, or the stored record must be read to tell. */
export const NO = 0;
export const YES = 1;
export const READ = 2;

/**
 * What the index alone says of `rule` on rows `from` (inclusive) to `to` (exclusive): one verdict per
 * row (NO, YES or READ), in three-valued logic. A field test on a column that holds the record's
 * value (SIGMA_COLUMNS) is decided once per dictionary value, like a lookup attribute; any other
 * test (a JSON path, keywords, fieldref, a column on a row where it borrows another value) is READ.
 * `and` is NO when any side is NO, `or` YES when any side is YES, `not` swaps NO and YES: so a row is
 * READ only when the index cannot settle it, and its record then decides (matchRule).
 * @see https://sigmahq.io/sigma-specification/specification/sigma-rules-specification.html
 */
export function ruleVerdicts(
  rule: SigmaRule,
  condition: Condition,
  columns: VerdictColumns,
): Uint8Array {
  const n = columns.rows;
  const borrowed = columns.borrowed();
  const memo = new Map<string, Uint8Array>();
  const selection = (name: string): Uint8Array => {
    let v = memo.get(name);
    if (v === undefined) {
      const s = rule.selections.get(name);
      v = s === undefined ? new Uint8Array(n) : selectionVerdicts(s, columns, n, borrowed);
      memo.set(name, v);
    }
    return v;
  };
  return evaluate(condition, selection, n);
}

function evaluate(c: Condition, selection: (name: string) => Uint8Array, n: number): Uint8Array {
  switch (c.kind) {
    case 'ref':
      return selection(c.name);
    case 'not': {
      const inner = evaluate(c.operand, selection, n);
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = NOT[inner[i] ?? 0] ?? READ;
      return out;
    }
    case 'and':
    case 'or':
      return combine(
        c.kind,
        c.operands.map((o) => evaluate(o, selection, n)),
        n,
      );
    case 'of':
      return combine(
        c.quantifier === 'all' ? 'and' : 'or',
        c.names.map((name) => selection(name)),
        n,
      );
  }
}

const NOT = Uint8Array.of(YES, NO, READ);
// AND[a * 3 + b] and OR[a * 3 + b] over NO, YES, READ.
const AND = Uint8Array.of(NO, NO, NO, NO, YES, READ, NO, READ, READ);
const OR = Uint8Array.of(NO, YES, READ, YES, YES, YES, READ, YES, READ);

function combine(op: 'and' | 'or', parts: readonly Uint8Array[], n: number): Uint8Array {
  const table = op === 'and' ? AND : OR;
  const out = new Uint8Array(n).fill(op === 'and' ? YES : NO);
  for (const p of parts)
    for (let i = 0; i < n; i++) out[i] = table[(out[i] ?? 0) * 3 + (p[i] ?? 0)] ?? READ;
  return out;
}

function selectionVerdicts(
  s: Selection,
  columns: VerdictColumns,
  n: number,
  borrowed: Uint8Array,
): Uint8Array {
  if (s.kind === 'keywords') return new Uint8Array(n).fill(READ);
  const groups = s.kind === 'all' ? [s.tests] : s.groups;
  return combine(
    'or',
    groups.map((tests) =>
      combine(
        'and',
        tests.map((t) => testVerdicts(t, columns, n, borrowed)),
        n,
      ),
    ),
    n,
  );
}

function testVerdicts(
  test: FieldTest,
  columns: VerdictColumns,
  n: number,
  borrowed: Uint8Array,
): Uint8Array {
  const column = SIGMA_COLUMNS.get(test.field);
  const source = column === undefined ? undefined : columns.column(STRING_FIELDS.indexOf(column));
  if (column === undefined || test.modifiers.includes('fieldref') || source === undefined) {
    return new Uint8Array(n).fill(READ);
  }
  const { codes, offset } = source;
  const predicate = compileTest(test);
  const answer = (values: readonly unknown[]) => predicate((p) => (p === test.field ? values : []));
  // '' stands for a missing value, an empty one, or one that is not a string: a number or boolean
  // matches by its text, a list through any element, so only the record can tell. The fields every
  // indexed record has as text are '' only when empty.
  const alwaysText = TEXT_COLUMNS.has(column);
  const table = new Uint8Array(source.size).fill(READ);
  source.forEachValue((value, code) => {
    if (value !== '') table[code] = answer([value]) ? YES : NO;
    else table[code] = alwaysText ? (answer(['']) ? YES : NO) : READ;
  });
  const out = new Uint8Array(n);
  const borrows = BORROWED_COLUMNS.has(column);
  for (let i = 0; i < n; i++) {
    out[i] = borrows && borrowed[i] === 1 ? READ : (table[codes[offset + i] ?? 0] ?? READ);
  }
  return out;
}
