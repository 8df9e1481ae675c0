import { describe, expect, it } from 'vitest';
import { SAMPLE, recordsIn } from '../../test/sampleRecords';
import { SPEC_FAILED_THEN_SUCCESS } from '../../test/sigmaCorrelationExamples';
import { evaluateCorrelation } from './evaluateCorrelation';
import { evaluateCorrelationSet } from './evaluateCorrelationSet';
import { matchRule } from './matchRule';
import { baseRuleRefs } from './orderCorrelations';
import { readSigmaFile } from './readSigmaFile';
import type { CorrelationEvent, CorrelationRule } from './types';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/** The one correlation of a rule file's text. */
function correlationOf(text: string): CorrelationRule {
  const r = readSigmaFile(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const [c] = r.correlations;
  if (c === undefined) throw new Error('no correlation');
  return c;
}

/** Hits of one referenced rule: every event given. */
function only(events: CorrelationEvent[]): (ref: string) => CorrelationEvent[] {
  return () => events;
}

/** Hits by reference. */
function byRef(
  hits: Record<string, CorrelationEvent[]>,
): (ref: string) => CorrelationEvent[] | undefined {
  return (ref) => hits[ref];
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

// "Many failed logins": verbatim from the specification (Event Count).
const MANY_FAILED_LOGINS = correlationOf(`title: Many failed logins
id: 0e95725d-7320-415d-80f7-004da920fc11
correlation:
    type: event_count
    rules:
        - 5638f7c0-ac70-491d-8465-2a65075e0d86
    group-by:
        - ComputerName
    timespan: 1h
    condition:
        gte: 100
`);

// "Failed login": verbatim from the specification (Value Count), distinct users per host pair.
const DISTINCT_USERS = correlationOf(`title: Failed login
id: 0e95725d-7320-415d-80f7-004da920fc12
correlation:
    type: value_count
    rules:
        - 5638f7c0-ac70-491d-8465-2a65075e0d86
    group-by:
        - ComputerName
        - WorkstationName
    timespan: 1d
    condition:
        field: User
        gte: 100
`);

/** The specification's Recon examples (temporal, temporal_ordered), with the id Cairn requires. */
function recon(type: 'temporal' | 'temporal_ordered', extra: string[] = []): CorrelationRule {
  return correlationOf(
    [
      'title: Recon',
      'id: recon',
      'correlation:',
      `    type: ${type}`,
      '    rules:',
      '        - recon_cmd_a',
      '        - recon_cmd_b',
      '        - recon_cmd_c',
      '    group-by:',
      '        - ComputerName',
      '        - User',
      '    timespan: 5m',
      ...extra,
    ].join('\n'),
  );
}

describe('evaluateCorrelation: event_count', () => {
  it('finds the specification example: 100 failed logins on one host within an hour', () => {
    const events: CorrelationEvent[] = [
      // hostA: 100 events 30 s apart (49.5 min), then 3 more five hours later.
      ...range(100).map((i) => ({
        row: i,
        timeMs: T0 + i * 30 * S,
        record: { ComputerName: 'hostA' },
      })),
      ...range(3).map((i) => ({
        row: 100 + i,
        timeMs: T0 + 5 * H + i,
        record: { ComputerName: 'hostA' },
      })),
      // hostB: 99 within the hour.
      ...range(99).map((i) => ({
        row: 200 + i,
        timeMs: T0 + i * S,
        record: { ComputerName: 'hostB' },
      })),
      // hostC: 100 events 72 s apart: no hour holds more than 51.
      ...range(100).map((i) => ({
        row: 300 + i,
        timeMs: T0 + i * 72 * S,
        record: { ComputerName: 'hostC' },
      })),
    ];
    expect(evaluateCorrelation(MANY_FAILED_LOGINS, only(events))).toEqual({
      groups: [
        { key: ['hostA'], rows: range(100), firstMs: T0, lastMs: T0 + 99 * 30 * S, count: 100 },
      ],
      unresolved: [],
    });
  });

  it('counts events exactly one timespan apart in one window, and a millisecond more in two', () => {
    const rule = correlationOf(
      'title: t\nid: t\ncorrelation: {type: event_count, rules: [r], timespan: 1h, condition: {gte: 2}}',
    );
    const pair = (gap: number): CorrelationEvent[] => [
      { row: 1, timeMs: T0, record: {} },
      { row: 2, timeMs: T0 + gap, record: {} },
    ];
    expect(evaluateCorrelation(rule, only(pair(H))).groups).toEqual([
      { key: [], rows: [1, 2], firstMs: T0, lastMs: T0 + H, count: 2 },
    ]);
    expect(evaluateCorrelation(rule, only(pair(H + 1))).groups).toEqual([]);
  });

  it('keeps every event of every satisfying window, and only those, with the largest count', () => {
    const rule = correlationOf(
      'title: t\nid: t\ncorrelation: {type: event_count, rules: [r], timespan: 10s, condition: {gte: 3}}',
    );
    // Bursts at 0-2 s (3 events), a lone event at 30 s, a burst at 60-69 s (4 events).
    const times = [0, 1, 2, 30, 60, 61, 65, 69];
    const events = times.map((t, i) => ({ row: 10 * i, timeMs: T0 + t * S, record: {} }));
    expect(evaluateCorrelation(rule, only(events)).groups).toEqual([
      { key: [], rows: [0, 10, 20, 40, 50, 60, 70], firstMs: T0, lastMs: T0 + 69 * S, count: 4 },
    ]);
  });

  it('applies a range (gt and lte) and lt to the maximal windows', () => {
    const rule = (condition: string): CorrelationRule =>
      correlationOf(
        `title: t\nid: t\ncorrelation: {type: event_count, rules: [r], group-by: [u], timespan: 1m, condition: ${condition}}`,
      );
    const burst = (user: string, n: number, row0: number): CorrelationEvent[] =>
      range(n).map((i) => ({ row: row0 + i, timeMs: T0 + i * S, record: { u: user } }));
    const events = [...burst('two', 2, 0), ...burst('three', 3, 10), ...burst('five', 5, 20)];
    const keys = (condition: string): unknown[] =>
      evaluateCorrelation(rule(condition), only(events)).groups.map((g) => [g.key[0], g.count]);
    expect(keys('{gt: 2, lte: 4}')).toEqual([['three', 3]]);
    expect(keys('{lt: 3}')).toEqual([['two', 2]]);
    expect(keys('{neq: 3}')).toEqual([
      ['five', 5],
      ['two', 2],
    ]);
  });

  it('counts an event matched by two referenced rules once', () => {
    const rule = correlationOf(
      'title: t\nid: t\ncorrelation: {type: event_count, rules: [a, b], timespan: 1m, condition: {gte: 3}}',
    );
    const e = (row: number): CorrelationEvent => ({ row, timeMs: T0 + row, record: {} });
    expect(evaluateCorrelation(rule, byRef({ a: [e(1), e(2)], b: [e(2)] })).groups).toEqual([]);
    expect(
      evaluateCorrelation(rule, byRef({ a: [e(1), e(2)], b: [e(3)] })).groups[0]?.rows,
    ).toEqual([1, 2, 3]);
  });

  it('groups by several fields, a missing one as null, a list through its first element', () => {
    const rule = correlationOf(
      [
        'title: t',
        'id: t',
        'correlation:',
        '  type: event_count',
        '  rules: [r]',
        '  group-by: [userIdentity.arn, sourceIPAddress, resources.ARN]',
        '  timespan: 1h',
        '  condition: {gte: 2}',
      ].join('\n'),
    );
    const arn = 'arn:aws:iam::123456789012:user/alice';
    const events: CorrelationEvent[] = [
      { row: 1, timeMs: T0, record: { userIdentity: { arn } } },
      { row: 2, timeMs: T0 + S, record: { userIdentity: { arn }, sourceIPAddress: null } },
      {
        row: 3,
        timeMs: T0 + 2 * S,
        record: { userIdentity: { arn }, sourceIPAddress: '203.0.113.9' },
      },
      {
        row: 4,
        timeMs: T0 + 3 * S,
        record: { userIdentity: { arn }, resources: [{ ARN: 'arn:b1' }, { ARN: 'arn:b2' }] },
      },
      {
        row: 5,
        timeMs: T0 + 4 * S,
        record: { userIdentity: { arn }, resources: [{ ARN: 'arn:b1' }] },
      },
    ];
    expect(evaluateCorrelation(rule, only(events)).groups.map((g) => [g.key, g.rows])).toEqual([
      [
        [arn, null, null],
        [1, 2],
      ],
      [
        [arn, null, 'arn:b1'],
        [4, 5],
      ],
    ]);
  });

  it('agrees with a brute-force count over a real CloudTrail file, grouped by source IP', () => {
    const records = recordsIn(SAMPLE.invictusTrail);
    const events = records.map((record, row) => ({
      row,
      timeMs: Date.parse(String(record['eventTime'])),
      record,
    }));
    const rule = correlationOf(
      'title: t\nid: t\ncorrelation: {type: event_count, rules: [r], group-by: [sourceIPAddress], timespan: 2m, condition: {gte: 5}}',
    );
    const ipOf = (r: (typeof records)[number]): string => {
      const ip = r['sourceIPAddress'];
      return typeof ip === 'string' ? ip : 'null';
    };
    // Reference: every window that starts at an event and satisfies the condition, all its events.
    const expected = new Map<string, Set<number>>();
    for (const a of events) {
      const ip = ipOf(a.record);
      const inWindow = events.filter(
        (b) => ipOf(b.record) === ip && b.timeMs >= a.timeMs && b.timeMs - a.timeMs <= 2 * M,
      );
      if (inWindow.length >= 5) {
        const rows = expected.get(ip) ?? new Set();
        for (const b of inWindow) rows.add(b.row);
        expected.set(ip, rows);
      }
    }
    const groups = evaluateCorrelation(rule, only(events)).groups;
    expect(expected.size).toBeGreaterThan(0);
    expect(new Map(groups.map((g) => [String(g.key[0]), [...g.rows]]))).toEqual(
      new Map([...expected].map(([ip, rows]) => [ip, [...rows].sort((x, y) => x - y)])),
    );
  });

  it('stays near-linear on 100k hits of one group (a quadratic scan would not finish)', () => {
    const rule = correlationOf(
      'title: t\nid: t\ncorrelation: {type: value_count, rules: [r], timespan: 1d, condition: {field: u, gte: 1000}}',
    );
    const events = range(100_000).map((i) => ({
      row: i,
      timeMs: T0 + i * S,
      record: { u: `u${i % 5000}` },
    }));
    const [group] = evaluateCorrelation(rule, only(events)).groups;
    expect(group?.rows.length).toBe(100_000);
    expect(group?.count).toBe(5000);
  });
});

describe('evaluateCorrelation: value_count', () => {
  it('finds the specification example: 100 distinct users failing on one host pair within a day', () => {
    const at = (
      row: number,
      timeMs: number,
      c: string,
      w: string,
      user?: string,
    ): CorrelationEvent => ({
      row,
      timeMs,
      record:
        user === undefined
          ? { ComputerName: c, WorkstationName: w }
          : { ComputerName: c, WorkstationName: w, User: user },
    });
    const events = [
      // (PC1, WS1): 100 distinct users over 23 h, each twice, and one event without a user.
      ...range(200).map((i) =>
        at(i, T0 + Math.floor(i / 2) * 13 * M, 'PC1', 'WS1', `user${i % 100}`),
      ),
      at(999, T0 + H, 'PC1', 'WS1'),
      // (PC1, WS2): 300 events but 99 distinct users.
      ...range(300).map((i) => at(1000 + i, T0 + i * M, 'PC1', 'WS2', `user${i % 99}`)),
      // (PC2, WS1): 100 distinct users over two days, 50 a day.
      ...range(100).map((i) => at(2000 + i, T0 + i * 48 * M, 'PC2', 'WS1', `user${i}`)),
    ];
    const groups = evaluateCorrelation(DISTINCT_USERS, only(events)).groups;
    expect(groups.map((g) => [g.key, g.count, g.rows.length])).toEqual([
      [['PC1', 'WS1'], 100, 201],
    ]);
    expect(groups[0]?.rows).toContain(999);
  });

  it('counts distinct combinations when field lists several fields', () => {
    const rule = correlationOf(
      'title: t\nid: t\ncorrelation: {type: value_count, rules: [r], timespan: 1h, condition: {field: [a, b], gte: 3}}',
    );
    const e = (row: number, a: string, b?: string): CorrelationEvent => ({
      row,
      timeMs: T0 + row,
      record: b === undefined ? { a } : { a, b },
    });
    expect(
      evaluateCorrelation(rule, only([e(1, 'x', 'y'), e(2, 'x', 'z'), e(3, 'y', 'y')])).groups,
    ).toHaveLength(1);
    expect(
      evaluateCorrelation(rule, only([e(1, 'x', 'y'), e(2, 'x', 'z'), e(3, 'x', 'y'), e(4, 'q')]))
        .groups,
    ).toEqual([]);
  });
});

describe('evaluateCorrelation: temporal', () => {
  const cmd = (row: number, min: number, computer: string, user: string): CorrelationEvent => ({
    row,
    timeMs: T0 + min * M,
    record: { ComputerName: computer, User: user },
  });
  const hits = {
    // X: all three, in the order c, a, b, within 4 minutes. Y: a and b only. Z: over 6 minutes.
    recon_cmd_a: [cmd(2, 1, 'X', 'u'), cmd(10, 0, 'Y', 'u'), cmd(20, 0, 'Z', 'u')],
    recon_cmd_b: [cmd(3, 4, 'X', 'u'), cmd(11, 1, 'Y', 'u'), cmd(21, 3, 'Z', 'u')],
    recon_cmd_c: [cmd(1, 0, 'X', 'u'), cmd(22, 6, 'Z', 'u')],
  };

  it('finds the specification example: three recon rules in any order within 5 minutes', () => {
    expect(evaluateCorrelation(recon('temporal'), byRef(hits))).toEqual({
      groups: [{ key: ['X', 'u'], rows: [1, 2, 3], firstMs: T0, lastMs: T0 + 4 * M, count: 3 }],
      unresolved: [],
    });
  });

  it('counts the rules present when the condition asks for fewer (gte: 2)', () => {
    const rule = recon('temporal', ['    condition:', '        gte: 2']);
    expect(
      evaluateCorrelation(rule, byRef(hits)).groups.map((g) => [g.key[0], g.count, g.rows]),
    ).toEqual([
      ['X', 3, [1, 2, 3]],
      ['Y', 2, [10, 11]],
      ['Z', 2, [20, 21, 22]],
    ]);
  });

  it('lists references it was given no hits for, and then cannot match them', () => {
    const result = evaluateCorrelation(recon('temporal'), byRef({ recon_cmd_a: hits.recon_cmd_a }));
    expect(result).toEqual({ groups: [], unresolved: ['recon_cmd_b', 'recon_cmd_c'] });
  });

  it('matches the specification aliases example: the same address in different fields', () => {
    const rule = correlationOf(
      [
        'title: t',
        'id: t',
        'correlation:',
        '    type: temporal',
        '    rules:',
        '        - internal_error',
        '        - new_network_connection',
        '    group-by:',
        '        - internal_ip',
        '        - remote_ip',
        '    timespan: 10s',
        '    aliases:',
        '        internal_ip:',
        '            internal_error: destination.ip',
        '            new_network_connection: source.ip',
        '        remote_ip:',
        '            internal_error: source.ip',
        '            new_network_connection: destination.ip',
      ].join('\n'),
    );
    const ev = (row: number, src: string, dst: string): CorrelationEvent => ({
      row,
      timeMs: T0 + row * S,
      record: { source: { ip: src }, destination: { ip: dst } },
    });
    const result = evaluateCorrelation(
      rule,
      byRef({
        internal_error: [ev(1, '198.51.100.7', '10.0.0.5')],
        new_network_connection: [
          ev(2, '10.0.0.5', '198.51.100.7'),
          ev(3, '198.51.100.7', '10.0.0.5'),
        ],
      }),
    );
    expect(result.groups.map((g) => [g.key, g.rows])).toEqual([
      [
        ['10.0.0.5', '198.51.100.7'],
        [1, 2],
      ],
    ]);
  });
});

describe('evaluateCorrelation: temporal_ordered', () => {
  const cmd = (row: number, sec: number): CorrelationEvent => ({
    row,
    timeMs: T0 + sec * S,
    record: { ComputerName: 'X', User: 'u' },
  });

  it('needs the listed order: a, b, c matches, c, a, b does not', () => {
    const rule = recon('temporal_ordered');
    expect(
      evaluateCorrelation(
        rule,
        byRef({ recon_cmd_a: [cmd(1, 0)], recon_cmd_b: [cmd(2, 60)], recon_cmd_c: [cmd(3, 120)] }),
      ).groups,
    ).toEqual([{ key: ['X', 'u'], rows: [1, 2, 3], firstMs: T0, lastMs: T0 + 120 * S, count: 3 }]);
    expect(
      evaluateCorrelation(
        rule,
        byRef({ recon_cmd_a: [cmd(1, 60)], recon_cmd_b: [cmd(2, 120)], recon_cmd_c: [cmd(3, 0)] }),
      ).groups,
    ).toEqual([]);
  });

  it('takes the latest start: a late a and b then c within 5 minutes, though the first a is too early', () => {
    const rule = recon('temporal_ordered');
    const result = evaluateCorrelation(
      rule,
      byRef({
        recon_cmd_a: [cmd(1, 0), cmd(4, 400)],
        recon_cmd_b: [cmd(2, 200), cmd(5, 500)],
        recon_cmd_c: [cmd(6, 650)],
      }),
    );
    expect(result.groups.map((g) => [g.rows, g.firstMs - T0])).toEqual([[[4, 5, 6], 400 * S]]);
    expect(
      evaluateCorrelation(
        rule,
        byRef({ recon_cmd_a: [cmd(1, 0)], recon_cmd_b: [cmd(2, 200)], recon_cmd_c: [cmd(3, 301)] }),
      ).groups,
    ).toEqual([]);
  });

  it('takes events of the same second as in order, but never one event for two steps', () => {
    const rule = recon('temporal_ordered');
    expect(
      evaluateCorrelation(
        rule,
        byRef({ recon_cmd_a: [cmd(3, 0)], recon_cmd_b: [cmd(1, 0)], recon_cmd_c: [cmd(2, 0)] }),
      ).groups[0]?.rows,
    ).toEqual([1, 2, 3]);
    // Row 1 matched both a and b: it cannot be a then b on its own.
    expect(
      evaluateCorrelation(
        rule,
        byRef({ recon_cmd_a: [cmd(1, 0)], recon_cmd_b: [cmd(1, 0)], recon_cmd_c: [cmd(2, 10)] }),
      ).groups,
    ).toEqual([]);
    expect(
      evaluateCorrelation(
        rule,
        byRef({
          recon_cmd_a: [cmd(1, 0), cmd(3, 0)],
          recon_cmd_b: [cmd(1, 0)],
          recon_cmd_c: [cmd(2, 10)],
        }),
      ).groups[0]?.rows,
    ).toEqual([1, 2, 3]);
  });
});

describe('evaluateCorrelationSet', () => {
  const reading = readSigmaFile(SPEC_FAILED_THEN_SUCCESS);
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  const { rules, correlations } = reading;
  const [outer] = correlations;

  /** Windows security events (4625 failed, 4624 success) run through the file's own base rules. */
  function baseHits(events: { user: string; sec: number; id: number }[]) {
    const records = events.map((e, row) => ({
      row,
      timeMs: T0 + e.sec * S,
      record: { User: e.user, EventID: e.id },
    }));
    return (ref: string): CorrelationEvent[] | undefined => {
      const rule = rules.find((r) => r.id === ref || r.name === ref);
      if (rule === undefined) return undefined;
      const test = matchRule(rule);
      return records.filter((e) => test(e.record));
    };
  }

  it('evaluates the specification example chain: 10 failed logins, then a success, within 10 minutes', () => {
    const events = [
      // alice: 10 failures in 90 s, then a success.
      ...range(10).map((i) => ({ user: 'alice', sec: i * 10, id: 4625 })),
      { user: 'alice', sec: 120, id: 4624 },
      // bob: a success, then 10 failures (wrong order).
      { user: 'bob', sec: 0, id: 4624 },
      ...range(10).map((i) => ({ user: 'bob', sec: 10 + i, id: 4625 })),
      // carol: 9 failures, then a success.
      ...range(9).map((i) => ({ user: 'carol', sec: i, id: 529 })),
      { user: 'carol', sec: 60, id: 528 },
    ];
    const { results, problems } = evaluateCorrelationSet(correlations, baseHits(events));
    expect(problems).toEqual([]);
    if (outer === undefined) throw new Error('no outer');
    expect(results.get(outer)?.groups).toEqual([
      { key: ['alice'], rows: range(11), firstMs: T0, lastMs: T0 + 120 * S, count: 2 },
    ]);
    expect(baseRuleRefs(outer, correlations)).toEqual(['failed_login', 'successful_login']);
  });

  it('does not evaluate correlations in a cycle across files, and says which reference closes it', () => {
    const a = readSigmaFile(
      'title: A\nid: a\ncorrelation: {type: temporal, rules: [b, x], timespan: 1h}',
    );
    const b = readSigmaFile(
      'title: B\nid: b\ncorrelation: {type: temporal, rules: [a, y], timespan: 1h}',
    );
    if (!a.ok || !b.ok) throw new Error('not read');
    const set = [...a.correlations, ...b.correlations];
    const { results, problems } = evaluateCorrelationSet(set, () => []);
    expect(results.size).toBe(0);
    expect(problems.map((p) => [p.rule.id, p.line, p.message])).toEqual([
      ['b', 3, '"a" closes a cycle of correlations: a → b → a'],
      ['a', 3, '"b" is a correlation that cannot be evaluated'],
    ]);
    // Depth first: b's references come before a's own x.
    expect(baseRuleRefs(set[0] as CorrelationRule, set)).toEqual(['y', 'x']);
  });
});
