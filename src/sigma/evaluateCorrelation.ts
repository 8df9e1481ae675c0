import { valuesAtPath } from './matchRule';
import type {
  CorrelationEvent,
  CorrelationGroup,
  CorrelationResult,
  CorrelationRule,
  CountComparison,
} from './types';

/** An event of a group: `step` is the index in `rule.rules` of the rule it matched. */
interface Entry {
  readonly row: number;
  readonly timeMs: number;
  readonly step: number;
  /** value_count: the event's value of `condition.field` (undefined when it has none). */
  readonly value: string | undefined;
}

/** A run of sorted entries [from, to] (indices, inclusive) and the count it reached. */
type Span = readonly [from: number, to: number, count: number];

/**
 * Evaluates a correlation rule over the events its referenced rules matched. `hits(ref)` gives the
 * events of one reference of `rule.rules` (the caller resolves the id or name, to a base rule or to
 * an already evaluated correlation), or undefined when it names no known rule (listed in
 * `unresolved`). Events are grouped by the `group-by` values (first value of each dotted path, a
 * list traversed like matchRule; null when missing; aliases give the path per referenced rule).
 *
 * Windows: within a group, sorted by time, a window is a maximal run of events whose times are at
 * most `timespanMs` apart (inclusive: events exactly a timespan apart share a window). The count of
 * a window is: event_count, its distinct events (an event matched by two referenced rules counts
 * once); value_count, the distinct values of `condition.field` (events without one add none);
 * temporal, the referenced rules with an event in it. temporal_ordered: a window runs from an event
 * of the first rule to an event of the last, at most a timespan later, with a chain of one event
 * per rule in list order between them (time non-decreasing: CloudTrail times have 1 s resolution,
 * so equal times count as in order; consecutive steps need different events); for each event of
 * the last rule ending a chain, the window starts at the earliest event of the first rule within
 * the timespan. Its count is the number of rules.
 * A group's rows are all its events that lie in a window satisfying the condition.
 * Cost: O(n log n) in the events (one sort per group, then two pointers).
 * @see https://sigmahq.io/sigma-specification/specification/sigma-correlation-rules-specification.html
 */
export function evaluateCorrelation(
  rule: CorrelationRule,
  hits: (ref: string) => readonly CorrelationEvent[] | undefined,
): CorrelationResult {
  const unresolved: string[] = [];
  const counting = rule.type === 'event_count' || rule.type === 'value_count';
  const groups = new Map<string, { key: (string | null)[]; entries: Entry[]; rows: Set<number> }>();
  for (const [step, ref] of rule.rules.entries()) {
    const events = hits(ref);
    if (events === undefined) {
      unresolved.push(ref);
      continue;
    }
    const pathOf = (field: string): string => rule.aliases.get(field)?.get(ref) ?? field;
    for (const e of events) {
      const key = rule.groupBy.map((f) => firstValue(e.record, pathOf(f)));
      const id = JSON.stringify(key);
      let group = groups.get(id);
      if (group === undefined) {
        group = { key, entries: [], rows: new Set() };
        groups.set(id, group);
      }
      if (counting) {
        if (group.rows.has(e.row)) continue;
        group.rows.add(e.row);
      }
      const value =
        rule.type === 'value_count'
          ? valueOf(e.record, rule.condition.field.map(pathOf))
          : undefined;
      group.entries.push({ row: e.row, timeMs: e.timeMs, step: counting ? 0 : step, value });
    }
  }
  const satisfies = (count: number): boolean =>
    rule.condition.comparisons.every((c) => compare(count, c));
  const out: CorrelationGroup[] = [];
  for (const { key, entries } of groups.values()) {
    entries.sort(byTime);
    const spans =
      rule.type === 'temporal_ordered'
        ? orderedSpans(entries, rule.rules.length, rule.timespanMs)
        : windowSpans(entries, rule, satisfies);
    if (spans.length > 0) out.push(groupOf(key, entries, spans));
  }
  out.sort((a, b) =>
    a.firstMs === b.firstMs
      ? compareText(JSON.stringify(a.key), JSON.stringify(b.key))
      : a.firstMs - b.firstMs,
  );
  return { groups: out, unresolved };
}

/** By time, then by the rule's place in `rules` (so a tie counts as in order), then by row. */
function byTime(a: Entry, b: Entry): number {
  if (a.timeMs !== b.timeMs) return a.timeMs - b.timeMs;
  return a.step === b.step ? a.row - b.row : a.step - b.step;
}

function compare(count: number, c: CountComparison): boolean {
  switch (c.op) {
    case 'gt':
      return count > c.value;
    case 'gte':
      return count >= c.value;
    case 'lt':
      return count < c.value;
    case 'lte':
      return count <= c.value;
    case 'eq':
      return count === c.value;
    case 'neq':
      return count !== c.value;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first scalar at a path, as text; null when there is none. */
function firstValue(record: unknown, path: string): string | null {
  for (const v of valuesAtPath(record, path))
    if (typeof v === 'string') return v;
    else if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** value_count's value: one field's text, or the combination of several (all must be present). */
function valueOf(record: unknown, paths: readonly string[]): string | undefined {
  const values = paths.map((p) => firstValue(record, p));
  if (values.some((v) => v === null)) return undefined;
  return values.length === 1 ? (values[0] ?? undefined) : JSON.stringify(values);
}

/**
 * The maximal windows satisfying the condition, by two pointers: window i runs from entry i to the
 * last entry within the timespan; it is maximal unless it ends where window i-1 ended.
 */
function windowSpans(
  entries: readonly Entry[],
  rule: CorrelationRule,
  satisfies: (count: number) => boolean,
): Span[] {
  const perStep = new Array<number>(rule.rules.length).fill(0);
  const perValue = new Map<string, number>();
  let distinct = 0;
  const add = (e: Entry, by: 1 | -1): void => {
    if (rule.type === 'temporal') {
      const before = perStep[e.step] ?? 0;
      perStep[e.step] = before + by;
      if (before === 0 || before + by === 0) distinct += by;
    } else if (rule.type === 'value_count' && e.value !== undefined) {
      const before = perValue.get(e.value) ?? 0;
      if (before + by === 0) perValue.delete(e.value);
      else perValue.set(e.value, before + by);
      if (before === 0 || before + by === 0) distinct += by;
    }
  };
  const spans: Span[] = [];
  let end = -1;
  for (let i = 0; i < entries.length; i++) {
    const start = entries[i];
    if (start === undefined) break;
    const before = entries[i - 1];
    if (before !== undefined) add(before, -1);
    const endBefore = end;
    for (let next = entries[end + 1]; next !== undefined; next = entries[end + 1]) {
      if (next.timeMs - start.timeMs > rule.timespanMs) break;
      add(next, 1);
      end++;
    }
    if (end === endBefore) continue; // inside the previous window: not maximal
    const count = rule.type === 'event_count' ? end - i + 1 : distinct;
    if (satisfies(count)) spans.push([i, end, count]);
  }
  return spans;
}

/**
 * temporal_ordered: for each event of the last rule, the latest start of a chain (one event per
 * rule, in order, time non-decreasing) ending at it, kept per rule as the best two starts with
 * different last events so a chain never uses one event for two consecutive steps. When that chain
 * fits the timespan, so does one from any earlier event of the first rule within the timespan: the
 * window runs from the first of those to the end event.
 */
function orderedSpans(entries: readonly Entry[], steps: number, timespanMs: number): Span[] {
  type Start = { readonly startMs: number; readonly row: number };
  const best: (Start | undefined)[] = [];
  const second: (Start | undefined)[] = [];
  const firstStepMs: number[] = [];
  const spans: Span[] = [];
  const times = entries.map(timeOf);
  for (const e of entries) {
    let startMs: number | undefined;
    if (e.step === 0) {
      startMs = e.timeMs;
      firstStepMs.push(e.timeMs);
    } else {
      const a = best[e.step - 1];
      startMs = a !== undefined && a.row !== e.row ? a.startMs : second[e.step - 1]?.startMs;
    }
    if (startMs === undefined) continue;
    if (e.step === steps - 1) {
      if (e.timeMs - startMs > timespanMs) continue;
      const fromMs = firstStepMs[firstAtOrAfter(firstStepMs, e.timeMs - timespanMs)] ?? startMs;
      spans.push([firstAtOrAfter(times, fromMs), firstAtOrAfter(times, e.timeMs + 1) - 1, steps]);
      continue;
    }
    const a = best[e.step];
    if (a === undefined || startMs > a.startMs) {
      if (a !== undefined && a.row !== e.row) second[e.step] = a;
      best[e.step] = { startMs, row: e.row };
    } else if (e.row !== a.row && startMs > (second[e.step]?.startMs ?? -Infinity))
      second[e.step] = { startMs, row: e.row };
  }
  return spans;
}

function timeOf(e: Entry): number {
  return e.timeMs;
}

/** Index of the first of sorted times at or after `ms` (times.length when none). */
function firstAtOrAfter(times: readonly number[], ms: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? Infinity) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The union of the spans' entries, as a group. */
function groupOf(
  key: readonly (string | null)[],
  entries: readonly Entry[],
  spans: Span[],
): CorrelationGroup {
  spans.sort((a, b) => a[0] - b[0]);
  const rows: number[] = [];
  let covered = -1;
  let count = 0;
  let firstMs = Infinity;
  let lastMs = -Infinity;
  for (const [from, to, c] of spans) {
    count = Math.max(count, c);
    for (let i = Math.max(from, covered + 1); i <= to; i++) {
      const e = entries[i];
      if (e === undefined) continue;
      rows.push(e.row);
      firstMs = Math.min(firstMs, e.timeMs);
      lastMs = Math.max(lastMs, e.timeMs);
    }
    covered = Math.max(covered, to);
  }
  rows.sort((a, b) => a - b);
  return { key, rows: rows.filter((r, i) => r !== rows[i - 1]), firstMs, lastMs, count };
}
