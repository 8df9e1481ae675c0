import Papa from 'papaparse';
import { FORMULA_START } from '../lib/formulaStart';
import type { CountByResult, CountGroup } from './countByTypes';

/**
 * A count as CSV (papaparse, RFC 4180 quoting): one line per group (one field) or per pair (two
 * fields, the group's own figures on each of its pairs' lines), columns the field names, `events`,
 * `distinct <field>`, `first seen` and `last seen` (ISO 8601 UTC). '' is written `(none)`. Values
 * come from logs: a cell a spreadsheet would run as a formula (lib/formulaStart) gets a leading `'`.
 */
export function countByCsv(result: CountByResult): string {
  const cell = (v: string) => (FORMULA_START.test(v) ? `'${v}` : v);
  const key = (v: string | undefined) => (v === undefined || v === '' ? '(none)' : cell(v));
  const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : '');
  const two = result.fields.length > 1;
  const distinct = `distinct ${result.distinctField}`;
  const fields = two
    ? [
        ...result.fields,
        'events',
        `${result.fields[0] ?? ''} events`,
        distinct,
        'first seen',
        'last seen',
      ]
    : [...result.fields, 'events', distinct, 'first seen', 'last seen'];
  const line = (g: CountGroup, parent?: CountGroup) =>
    two
      ? [
          key(g.keys[0]),
          key(g.keys[1]),
          g.events,
          parent?.events ?? '',
          parent?.distinct ?? '',
          iso(g.firstSeen),
          iso(g.lastSeen),
        ]
      : [key(g.keys[0]), g.events, g.distinct ?? '', iso(g.firstSeen), iso(g.lastSeen)];
  const data = result.groups.flatMap((g) =>
    two ? (g.pairs ?? []).map((p) => line(p, g)) : [line(g)],
  );
  return Papa.unparse({ fields, data });
}
