import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../querylang/parseQuery';
import { detectionFigures, groupRules, ruleClause, summaryText } from './detectionSummary';

const rule = (level: string, hits: number, benign?: { note: string; at: number }) => ({
  level,
  hits,
  benign,
});

describe('detectionFigures and summaryText', () => {
  it('counts rules with hits by level, high and critical apart, case ignored', () => {
    const f = detectionFigures(
      [rule('High', 3), rule('high', 1), rule('critical', 2), rule('medium', 700), rule('high', 0)],
      712,
    );
    expect(f).toEqual({ rules: 4, events: 712, critical: 1, high: 2 });
    expect(summaryText(f)).toBe('4 rules matched 712 events, 1 critical, 2 high');
  });

  it('says how many high rules matched, or none', () => {
    expect(summaryText({ rules: 7, events: 712, critical: 0, high: 2 })).toBe(
      '7 rules matched 712 events, 2 high',
    );
    expect(summaryText({ rules: 1, events: 1, critical: 0, high: 0 })).toBe(
      '1 rule matched 1 event, none high',
    );
    expect(summaryText({ rules: 3, events: 12_345, critical: 0, high: 0 })).toBe(
      '3 rules matched 12,345 events, none high',
    );
  });

  it('says plainly when nothing matched, and benign rules do not count', () => {
    const f = detectionFigures([rule('high', 0, { note: 'red team', at: 1 }), rule('low', 0)], 0);
    expect(f.rules).toBe(0);
    expect(summaryText(f)).toBe('No detection rule matched');
  });
});

describe('groupRules', () => {
  it('puts each rule in one group, keeping the order given', () => {
    const a = rule('high', 2);
    const b = rule('high', 0, { note: 'n', at: 1 });
    const c = rule('medium', 1);
    const d = rule('low', 0);
    expect(groupRules([a, b, c, d])).toEqual({ hit: [a, c], benign: [b], quiet: [d] });
  });
});

describe('ruleClause', () => {
  it('writes a rule clause the query parser reads back to the same id', () => {
    for (const id of [
      '4db60cc0-36fb-42b7-9b58-a5b53019fb74',
      'my rule, "quoted" *star* back\\slash',
    ]) {
      const parsed = parseQuery(ruleClause(id));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const [clause] = parsed.query.clauses;
      expect(clause?.kind === 'field' && clause.field).toBe('rule');
      expect(clause?.kind === 'field' && clause.values).toEqual([{ parts: [id] }]);
    }
    expect(ruleClause('4db60cc0-36fb-42b7-9b58-a5b53019fb74')).toBe(
      'rule:4db60cc0-36fb-42b7-9b58-a5b53019fb74',
    );
  });
});
