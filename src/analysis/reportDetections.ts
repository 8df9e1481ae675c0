import type { RuleHits } from '../index/RuleHits';
import type { Query } from '../querylang/types';
import { andQuery, valueClause } from './reportQuery';
import type { ReportFigure } from './reportTypes';

/** A rule with hits under the report's filter: its figure (`value` the title), id and level. */
export interface RuleFigure extends ReportFigure {
  readonly ruleId: string;
  readonly level: string;
}

/** The detection hits among the report's events: by level, and the rules with hits. */
export interface ReportDetections {
  /** Events with an active hit of a rule of each level present (`value` the level), most severe first. */
  readonly levels: readonly ReportFigure[];
  /** Rules with active hits among the events, most hits first. */
  readonly rules: readonly RuleFigure[];
}

const LEVELS = ['critical', 'high', 'medium', 'low', 'informational'];

/**
 * The active (not suppressed) detection hits among `rows`, `size` the index's row count. A level's
 * count is of distinct events (`level:<level>` finds them), a rule's of its events (`rule:<id>`).
 * One mark table of the rows, then one pass over each rule's hits.
 */
export function reportDetections(
  hits: RuleHits,
  rows: Uint32Array,
  size: number,
  base: Query,
  limit: number,
): ReportDetections {
  const inRows = new Uint8Array(size);
  for (let i = 0; i < rows.length; i++) inRows[rows[i] ?? 0] = 1;
  const byLevel = new Map<string, Uint8Array>();
  const rules: RuleFigure[] = [];
  for (const rule of hits.rules()) {
    const level = rule.level.toLowerCase();
    let count = 0;
    for (const row of hits.activeRows(rule.id)) {
      if (inRows[row] !== 1) continue;
      count++;
      let marks = byLevel.get(level);
      if (marks === undefined) {
        marks = new Uint8Array(size);
        byLevel.set(level, marks);
      }
      marks[row] = 1;
    }
    if (count === 0) continue;
    const q = andQuery(base, valueClause('rule', rule.id));
    rules.push({ value: rule.title, ruleId: rule.id, level: rule.level, count, q });
  }
  rules.sort((a, b) => {
    const d = rank(a.level) - rank(b.level);
    return d !== 0 ? d : b.count - a.count;
  });
  const levels = [...byLevel]
    .map(([level, marks]) => ({
      value: level,
      count: marks.reduce((n, m) => n + m, 0),
      q: andQuery(base, valueClause('level', level)),
    }))
    .sort((a, b) => rank(a.value) - rank(b.value));
  return { levels, rules: rules.slice(0, limit) };
}

function rank(level: string): number {
  const i = LEVELS.indexOf(level.toLowerCase());
  return i < 0 ? LEVELS.length : i;
}
