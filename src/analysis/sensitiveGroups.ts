import type { EventIndex } from '../index/EventIndex';
import type { Query } from '../querylang/types';
import { columnOf, dictOf } from './identityCounts';
import { SENSITIVE_CALL_GROUPS } from './reportCalls';
import { byCount } from './reportLists';
import { andQuery, valueClause } from './reportQuery';
import type { FieldClause } from '../querylang/types';
import type { ReportFigure, SensitiveGroup } from './reportTypes';

const NO_SPAN = { start: 0, end: 0 } as const;

/**
 * The sensitive calls (SENSITIVE_CALL_GROUPS) among `rows`: per group, its events and each call
 * present, counted by eventSource and eventName (case ignored, as the query matches). One pass over
 * the eventName column; only the few sensitive rows read eventSource. Groups with no event are kept
 * (a zero says "none", which a responder needs to know too).
 */
export function sensitiveGroups(
  index: EventIndex,
  rows: Uint32Array,
  base: Query,
): SensitiveGroup[] {
  const nameDict = dictOf(index, 'eventName');
  const sourceDict = dictOf(index, 'eventSource');
  // Group (+1) of each eventName code, 0 for none: no eventName is in two groups.
  const groupOf = new Uint8Array(Math.max(1, nameDict?.size ?? 0));
  const nameToGroup = new Map<string, number>();
  SENSITIVE_CALL_GROUPS.forEach((g, i) => {
    for (const n of g.eventNames) nameToGroup.set(n.toLowerCase(), i + 1);
  });
  for (let c = 1; c < groupOf.length; c++) {
    groupOf[c] = nameToGroup.get((nameDict?.get(c) ?? '').toLowerCase()) ?? 0;
  }
  const names = columnOf(index, 'eventName');
  const sources = columnOf(index, 'eventSource');
  const sourceOk = new Map<number, boolean>();
  const counts = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? 0;
    const name = names[row] ?? 0;
    const g = groupOf[name] ?? 0;
    if (g === 0) continue;
    const source = sources[row] ?? 0;
    const key = source * SENSITIVE_CALL_GROUPS.length + g - 1;
    let ok = sourceOk.get(key);
    if (ok === undefined) {
      const want = SENSITIVE_CALL_GROUPS[g - 1]?.eventSource ?? '';
      ok = (sourceDict?.get(source) ?? '').toLowerCase() === want;
      sourceOk.set(key, ok);
    }
    if (ok) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return SENSITIVE_CALL_GROUPS.map((group, i) => {
    const source = valueClause('eventSource', group.eventSource);
    const calls: ReportFigure[] = [];
    let total = 0;
    for (const [code, count] of counts) {
      if (groupOf[code] !== i + 1) continue;
      const value = nameDict?.get(code) ?? '';
      total += count;
      calls.push({ value, count, q: andQuery(base, source, valueClause('eventName', value)) });
    }
    calls.sort(byCount());
    const all: FieldClause = {
      kind: 'field',
      field: 'eventName',
      values: group.eventNames.map((n) => ({ parts: [n] })),
      negated: false,
      span: NO_SPAN,
    };
    return {
      id: group.id,
      label: group.label,
      total: { value: group.label, count: total, q: andQuery(base, source, all) },
      calls,
    };
  });
}
