import { printClause } from '../../querylang/printQuery';
import { formatCount } from '../common/formatCount';

/** What a summary needs of a rule: its Sigma level and its active (not benign) hit count. */
export interface SummaryRule {
  readonly level: string;
  readonly hits: number;
}

/** Rules with hits, events they matched, and how many of those rules are high or critical. */
export interface DetectionFigures {
  /** Rules with at least one hit not marked benign. */
  readonly rules: number;
  /** Distinct events with such a hit. */
  readonly events: number;
  readonly critical: number;
  readonly high: number;
}

/**
 * Counts the rules with active hits by level (Sigma `level`, case ignored); `eventsMatched` is the
 * engine's count of distinct events hit (two rules on one event count it once).
 * @see https://sigmahq.io/sigma-specification/specification/sigma-rules-specification.html#level
 */
export function detectionFigures(
  rules: readonly SummaryRule[],
  eventsMatched: number,
): DetectionFigures {
  const hit = rules.filter((r) => r.hits > 0);
  const at = (level: string) => hit.filter((r) => r.level.toLowerCase() === level).length;
  return { rules: hit.length, events: eventsMatched, critical: at('critical'), high: at('high') };
}

const plural = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * The one-line answer to "what was found": `7 rules matched 712 events, 2 high` (critical rules
 * named first when there are any: `…, 1 critical, 2 high`; `…, none high` when neither), or
 * `No detection rule matched`.
 */
export function summaryText(f: DetectionFigures): string {
  if (f.rules === 0) return 'No detection rule matched';
  const head = `${plural(f.rules, 'rule', 'rules')} matched ${plural(f.events, 'event', 'events')}`;
  const severe = [
    ...(f.critical > 0 ? [`${formatCount(f.critical)} critical`] : []),
    ...(f.high > 0 ? [`${formatCount(f.high)} high`] : []),
  ];
  return `${head}, ${severe.length === 0 ? 'none high' : severe.join(', ')}`;
}

/** The rules in the view's three groups, each in the engine's order (most severe first). */
export interface RuleGroups<R> {
  /** Rules with hits not marked benign. */
  readonly hit: readonly R[];
  /** Rules the responder marked benign as a whole. */
  readonly benign: readonly R[];
  /** Rules without any hit. */
  readonly quiet: readonly R[];
}

/** Splits rules into those with hits, those marked benign, and those without hits. */
export function groupRules<R extends SummaryRule & { readonly benign: unknown }>(
  rules: readonly R[],
): RuleGroups<R> {
  return {
    benign: rules.filter((r) => r.benign !== undefined),
    hit: rules.filter((r) => r.benign === undefined && r.hits > 0),
    quiet: rules.filter((r) => r.benign === undefined && r.hits === 0),
  };
}

/** The query clause selecting rule `id`'s hits: `rule:<id>`, quoted or escaped as needed. */
export function ruleClause(id: string): string {
  return printClause({
    kind: 'field',
    field: 'rule',
    values: [{ parts: [id] }],
    negated: false,
    span: { start: 0, end: 0 },
  });
}
