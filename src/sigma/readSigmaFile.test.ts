import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSigmaFile } from './readSigmaFile';
import { readSigmaRule } from './readSigmaRule';
import { SPEC_FAILED_THEN_SUCCESS } from '../../test/sigmaCorrelationExamples';

const PACK = new URL('../../rules/sigma/cloudtrail/', import.meta.url).pathname;
const shipped = readdirSync(PACK)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => [f, readFileSync(join(PACK, f), 'utf8')] as const);

/** A correlation document around a `correlation:` body (lines 1-3 are title, id, `correlation:`). */
function correlation(...body: string[]): string {
  return ['title: t', 'id: c-1', 'correlation:', ...body.map((l) => `  ${l}`)].join('\n');
}

function problemsOf(text: string): { message: string; line: number }[] {
  const r = readSigmaFile(text);
  return r.ok ? [] : [...r.problems];
}

describe('readSigmaFile', () => {
  it('reads the specification example of four documents, chained correlations included', () => {
    const r = readSigmaFile(SPEC_FAILED_THEN_SUCCESS);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.rules.map((x) => [x.id, x.name])).toEqual([
      ['53ba33fd-3a50-4468-a5ef-c583635cfa92', 'failed_login'],
      ['4d0a2c83-c62c-4ed4-b475-c7e23a9269b8', 'successful_login'],
    ]);
    const [outer, inner] = r.correlations;
    expect(outer).toMatchObject({
      id: 'b180ead8-d58f-40b2-ae54-c8940995b9b6',
      title: 'Correlation - Multiple Failed Logins Followed by Successful Login',
      author: 'Florian Roth (Nextron Systems)',
      level: 'high',
      references: ['https://reference.com'],
      falsepositives: ['Unlikely'],
      type: 'temporal_ordered',
      rules: ['multiple_failed_login', 'successful_login'],
      // Lines are relative to the file, not to the document.
      ruleLines: [12, 13],
      groupBy: ['User'],
      timespanMs: 600_000,
      condition: { comparisons: [{ op: 'gte', value: 2 }], field: [] },
    });
    expect(inner).toMatchObject({
      name: 'multiple_failed_login',
      type: 'event_count',
      rules: ['failed_login'],
      ruleLines: [28],
      condition: { comparisons: [{ op: 'gte', value: 10 }], field: [] },
    });
    expect(r.rules[0]?.selections.get('selection')).toEqual({
      kind: 'all',
      tests: [{ field: 'EventID', modifiers: [], values: [529, 4625], line: 43 }],
    });
  });

  it('reads the specification examples of each type: event_count, value_count, temporal, temporal_ordered', () => {
    // "Many failed logins", verbatim from the specification.
    const eventCount = readSigmaFile(
      [
        'title: Many failed logins',
        'id: 0e95725d-7320-415d-80f7-004da920fc11',
        'correlation:',
        '    type: event_count',
        '    rules:',
        '        - 5638f7c0-ac70-491d-8465-2a65075e0d86',
        '    group-by:',
        '        - ComputerName',
        '    timespan: 1h',
        '    condition:',
        '        gte: 100',
      ].join('\n'),
    );
    expect(eventCount.ok && eventCount.correlations[0]).toMatchObject({
      type: 'event_count',
      rules: ['5638f7c0-ac70-491d-8465-2a65075e0d86'],
      groupBy: ['ComputerName'],
      timespanMs: 3_600_000,
      condition: { comparisons: [{ op: 'gte', value: 100 }], field: [] },
    });
    // "Failed login" (value_count), verbatim.
    const valueCount = readSigmaFile(
      [
        'title: Failed login',
        'id: 0e95725d-7320-415d-80f7-004da920fc12',
        'correlation:',
        '    type: value_count',
        '    rules:',
        '        - 5638f7c0-ac70-491d-8465-2a65075e0d86',
        '    group-by:',
        '        - ComputerName',
        '        - WorkstationName',
        '    timespan: 1d',
        '    condition:',
        '        field: User',
        '        gte: 100',
      ].join('\n'),
    );
    expect(valueCount.ok && valueCount.correlations[0]).toMatchObject({
      type: 'value_count',
      groupBy: ['ComputerName', 'WorkstationName'],
      timespanMs: 86_400_000,
      condition: { comparisons: [{ op: 'gte', value: 100 }], field: ['User'] },
    });
    // The temporal examples have no id in the specification: Cairn needs one (rule:<id>, triage).
    for (const type of ['temporal', 'temporal_ordered'] as const) {
      const text = [
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
      ];
      expect(problemsOf(['title: Recon', ...text].join('\n'))).toEqual([
        { message: '"id" is missing', line: 1 },
      ]);
      const r = readSigmaFile(['title: Recon', 'id: recon', ...text].join('\n'));
      expect(r.ok && r.correlations[0]).toMatchObject({
        type,
        rules: ['recon_cmd_a', 'recon_cmd_b', 'recon_cmd_c'],
        groupBy: ['ComputerName', 'User'],
        timespanMs: 300_000,
        // No condition: every referenced rule must occur.
        condition: { comparisons: [{ op: 'gte', value: 3 }], field: [] },
      });
    }
  });

  it('reads aliases as in the specification example, and ranges and neq conditions', () => {
    const r = readSigmaFile(
      correlation(
        'type: temporal',
        'rules:',
        '    - internal_error',
        '    - new_network_connection',
        'group-by:',
        '    - internal_ip',
        '    - remote_ip',
        'timespan: 10s',
        'aliases:',
        '    internal_ip:',
        '        internal_error: destination.ip',
        '        new_network_connection: source.ip',
        '    remote_ip:',
        '        internal_error: source.ip',
        '        new_network_connection: destination.ip',
      ),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.correlations[0]?.aliases).toEqual(
      new Map([
        [
          'internal_ip',
          new Map([
            ['internal_error', 'destination.ip'],
            ['new_network_connection', 'source.ip'],
          ]),
        ],
        [
          'remote_ip',
          new Map([
            ['internal_error', 'source.ip'],
            ['new_network_connection', 'destination.ip'],
          ]),
        ],
      ]),
    );
    const range = readSigmaFile(
      correlation(
        'type: event_count',
        'rules: [a]',
        'timespan: 30s',
        'condition: {gt: 100, lte: 200, neq: 150}',
      ),
    );
    expect(range.ok && range.correlations[0]).toMatchObject({
      groupBy: [],
      timespanMs: 30_000,
      condition: {
        comparisons: [
          { op: 'gt', value: 100 },
          { op: 'lte', value: 200 },
          { op: 'neq', value: 150 },
        ],
      },
    });
  });

  it('reads every shipped rule exactly as readSigmaRule does', () => {
    for (const [file, text] of shipped) {
      const one = readSigmaRule(text);
      const all = readSigmaFile(text);
      if (!one.ok || !all.ok) throw new Error(file);
      expect(all.rules, file).toEqual([one.rule]);
      expect(all.correlations).toEqual([]);
    }
  });

  it.each([
    [
      'an unknown type',
      ['type: event_cont', 'rules: [a]', 'timespan: 1h', 'condition: {gte: 1}'],
      4,
      'unknown correlation type "event_cont": use event_count, value_count, temporal, temporal_ordered',
    ],
    [
      'a metric type',
      ['type: value_sum', 'rules: [a]', 'timespan: 1h', 'condition: {field: b, gt: 1}'],
      4,
      'the correlation type "value_sum" is not supported',
    ],
    [
      'a huge timespan',
      ['type: temporal', 'rules: [a, b]', 'timespan: 999999999d'],
      6,
      '"timespan" is at most 365d',
    ],
    [
      'a year and a day',
      ['type: temporal', 'rules: [a, b]', 'timespan: 366d'],
      6,
      '"timespan" is at most 365d',
    ],
    [
      'a timespan in weeks',
      ['type: temporal', 'rules: [a, b]', 'timespan: 2w'],
      6,
      '"timespan" must be a number and a unit s, m, h or d (5m, 1h)',
    ],
    [
      'a timespan of zero',
      ['type: temporal', 'rules: [a, b]', 'timespan: 0s'],
      6,
      '"timespan" must be a number and a unit s, m, h or d (5m, 1h)',
    ],
    [
      'an unknown operator',
      ['type: event_count', 'rules: [a]', 'timespan: 1h', 'condition:', '  ge: 5'],
      8,
      'the condition operator "ge" is not supported: use gt, gte, lt, lte, eq, neq',
    ],
    [
      'a fractional count',
      ['type: event_count', 'rules: [a]', 'timespan: 1h', 'condition:', '  gte: 1.5'],
      8,
      '"gte" must be a whole number from 0 to 1000000000',
    ],
    [
      'a count as text',
      ['type: event_count', 'rules: [a]', 'timespan: 1h', 'condition:', '  gte: "5"'],
      8,
      '"gte" must be a whole number from 0 to 1000000000',
    ],
    [
      'field on event_count',
      [
        'type: event_count',
        'rules: [a]',
        'timespan: 1h',
        'condition:',
        '  field: User',
        '  gte: 5',
      ],
      8,
      '"field" belongs to a value_count condition only',
    ],
    [
      'value_count without field',
      ['type: value_count', 'rules: [a]', 'timespan: 1h', 'condition:', '  gte: 5'],
      8,
      'a value_count condition needs "field"',
    ],
    [
      'event_count without condition',
      ['type: event_count', 'rules: [a]', 'timespan: 1h'],
      4,
      '"condition" is missing',
    ],
    [
      'a condition on temporal_ordered',
      ['type: temporal_ordered', 'rules: [a, b]', 'timespan: 1h', 'condition:', '  gte: 1'],
      8,
      'a condition on temporal_ordered is not supported: every rule must occur in order',
    ],
    [
      'an unknown key',
      ['type: temporal', 'rules: [a, b]', 'timespan: 1h', 'ordered: true'],
      7,
      'the correlation key "ordered" is not supported',
    ],
    [
      'a rule listed twice',
      ['type: temporal', 'rules:', '  - a', '  - a', 'timespan: 1h'],
      7,
      '"rules" lists "a" twice',
    ],
    [
      'no rules',
      ['type: temporal', 'rules: []', 'timespan: 1h'],
      5,
      '"rules" must be a list of names',
    ],
    [
      'an alias missing a rule',
      [
        'type: temporal',
        'rules: [a, b]',
        'group-by: [ip]',
        'timespan: 1h',
        'aliases:',
        '  ip:',
        '    a: source.ip',
      ],
      9,
      'the alias "ip" does not name a field for "b"',
    ],
    [
      'an alias naming another rule',
      [
        'type: temporal',
        'rules: [a]',
        'timespan: 1h',
        'aliases:',
        '  ip:',
        '    a: source.ip',
        '    z: x',
      ],
      10,
      'the alias "ip" names "z", which is not in "rules"',
    ],
  ])('refuses %s with its line', (_what, body, line, message) => {
    expect(problemsOf(correlation(...body))).toEqual([{ message, line }]);
  });

  it('refuses a file whose correlations refer to each other in a cycle, naming the reference', () => {
    const text = [
      'title: A',
      'id: a',
      'correlation: {type: event_count, rules: [b], timespan: 1h, condition: {gte: 2}}',
      '---',
      'title: B',
      'id: b',
      'correlation:',
      '  type: temporal',
      '  rules:',
      '    - base',
      '    - a',
      '  timespan: 1h',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      { message: '"a" closes a cycle of correlations: a → b → a', line: 11 },
      { message: '"b" is a correlation that cannot be evaluated', line: 3 },
    ]);
    expect(problemsOf(correlation('type: temporal', 'rules: [c-1]', 'timespan: 1h'))).toEqual([
      { message: '"c-1" closes a cycle of correlations: c-1 → c-1', line: 5 },
    ]);
  });

  it('refuses the whole file for one bad document, an id defined twice, or a rule with a correlation', () => {
    const good = 'title: r\nid: r\nname: n\ndetection:\n  s: {a: 1}\n  condition: s\n';
    expect(
      readSigmaFile(`${good}---\n${correlation('type: temporal', 'rules: [n]', 'timespan: 9x')}`),
    ).toEqual({
      ok: false,
      problems: [
        { message: '"timespan" must be a number and a unit s, m, h or d (5m, 1h)', line: 13 },
      ],
    });
    expect(problemsOf(`${good}---\n${good}`)).toEqual([
      { message: '"r" names two rules of the file (the first at line 1)', line: 8 },
      { message: '"n" names two rules of the file (the first at line 1)', line: 8 },
    ]);
    expect(problemsOf(`${good}correlation: {type: temporal, rules: [x], timespan: 1h}\n`)).toEqual([
      { message: 'a document is a rule (detection) or a correlation, not both', line: 5 },
    ]);
    expect(problemsOf('---\n---\n')).toEqual([{ message: 'the file holds no rule', line: 0 }]);
    expect(problemsOf('title: a\n---\n- b\n')[0]?.line).toBe(1);
  });

  it('keeps a reference to a rule not in the file: it is resolved when the set is evaluated', () => {
    const r = readSigmaFile(
      correlation('type: event_count', 'rules: [elsewhere]', 'timespan: 1h', 'condition: {gte: 3}'),
    );
    expect(r.ok && r.correlations[0]?.rules).toEqual(['elsewhere']);
  });
});
