import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractEventFields, isRecordProblem } from '../cloudtrail/extractEventFields';
import type { EventFields } from '../cloudtrail/types';
import { isObject } from '../lib/isObject';
import { resolveField } from '../querylang/fields';
import { compilePatterns } from '../querylang/matchPattern';
import { parseQuery } from '../querylang/parseQuery';
import type { Clause, Query } from '../querylang/types';
import { compileRecordTest } from '../search/compileFilter';
import { matchRule } from './matchRule';
import { readSigmaRule } from './readSigmaRule';
import { RuleFromQueryError, ruleFromQuery } from './ruleFromQuery';

const SAMPLES = new URL('../../test/fixtures/samples/', import.meta.url).pathname;
const META = {
  id: '5d1c2b8e-3f4a-4b6c-9d7e-0a1b2c3d4e5f',
  title: 'Saved query',
  author: 'Cairn test',
  date: '2026-12-07',
};

interface Sample {
  readonly record: unknown;
  readonly fields: EventFields;
}

/** Every record Cairn indexes in the samples: JSON, gzipped JSON, JSON lines (the zip repeats them). */
function samples(dir = SAMPLES): Sample[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return samples(p);
    if (!/\.json(\.gz|\.cloudtrail)?$/.test(e.name)) return [];
    const raw = readFileSync(p);
    const text = (p.endsWith('.gz') ? gunzipSync(raw) : raw).toString();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // JSON lines (OTRF's Logstash export): one record a line.
      parsed = text.split('\n').flatMap((l): unknown[] => {
        const line: unknown = l.trim() === '' ? undefined : JSON.parse(l);
        return line === undefined ? [] : [line];
      });
    }
    const out: Sample[] = [];
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) for (const x of v) visit(x);
      else if (isObject(v)) {
        if (Array.isArray(v['Records'])) visit(v['Records']);
        else if (isObject(v['detail'])) visit(v['detail']);
        else {
          const fields = extractEventFields(v);
          if (!isRecordProblem(fields)) out.push({ record: v, fields });
        }
      }
    };
    visit(parsed);
    return out;
  });
}

const ALL = samples();

/** Cairn's own semantics for one clause: the column as indexed, else the record test. */
function cairnClause(clause: Clause): (s: Sample) => boolean {
  if (clause.kind === 'field') {
    const { source } = resolveField(clause.field);
    if (source.kind === 'column' || source.kind === 'eventID') {
      const match = compilePatterns(clause.values, clause.field);
      const column = source.kind === 'column' ? source.column : 'eventID';
      return (s) => match(s.fields[column]) !== clause.negated;
    }
  }
  const test = compileRecordTest({ clauses: [clause] });
  if (test === undefined) throw new Error('not a record clause');
  return (s) => test(s.record);
}

function parsed(text: string): Query {
  const r = parseQuery(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.query;
}

function sigmaTest(query: Query, queryText: string): (record: unknown) => boolean {
  const { yaml } = ruleFromQuery(query, { ...META, queryText });
  const reading = readSigmaRule(yaml);
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  return matchRule(reading.rule);
}

const eventIds = (pick: (s: Sample) => boolean) =>
  ALL.filter(pick).map((s) => `${s.fields.eventID} ${s.fields.eventName}`);

describe('ruleFromQuery: the saved rule selects what the query selects, over every sample', () => {
  it('reads every sample', () => {
    expect(ALL.length).toBeGreaterThan(3000);
  });

  const queries = [
    'eventName:StopLogging',
    'eventName:stoplogging,DeleteTrail,CreateUser',
    'eventSource:iam.amazonaws.com',
    'eventSource:*.amazonaws.com -eventSource:ec2.*',
    'awsRegion:us-east-1 -awsRegion:us-east-1',
    'awsRegion:us-*',
    'errorCode:AccessDenied,ThrottlingException',
    'errorCode:*',
    '-errorCode:*',
    'errorCode:""',
    'errorCode:Client.*NotFound',
    'sourceIPAddress:10.8.8.10',
    'sourceIPAddress:10.0.0.0/8',
    'ip:192.168.0.0/16 -ip:192.168.10.20',
    'ip:1.2.3.4,"AWS Internal"',
    'userAgent:*terraform-provider-aws/3.76.1*',
    'userAgent:"AWS Internal"',
    'userAgent:aws-cli/*',
    'recipientAccountId:218007301253',
    'account:123837392027 eventCategory:Management',
    'eventCategory:Data,""',
    'eventType:AwsServiceEvent,AwsConsoleSignIn',
    'identityType:AssumedRole',
    'userIdentity.type:IAMUser -identityType:Root',
    'accessKeyId:AKIATFQR7NSC8Q4X20BJ',
    'accessKey:ASIA*',
    'readOnly:true',
    'readOnly:false eventSource:s3.amazonaws.com',
    'readOnly:""',
    'eventName:Get*Policy',
    'eventName:*Snapshot*Attribute',
    'requestParameters.instanceIds:i-786a3A8B5C0d92eF4',
    'requestParameters.instanceIds:i-9d40ccfc0ae91cfa5',
    'requestParameters.instanceIds:i-*',
    'requestParameters.bucketName:*stratus*',
    'userIdentity.sessionContext.sessionIssuer.userName:*role*',
    'resources.ARN:arn:aws:iam::*',
    '-requestParameters.userName:* eventSource:iam.amazonaws.com',
    'additionalEventData.MFAUsed:No',
  ];
  it.each(queries)('%s', (text) => {
    const query = parsed(text);
    const cairn = query.clauses.map(cairnClause);
    const want = eventIds((s) => cairn.every((t) => t(s)));
    const sigma = sigmaTest(query, text);
    expect(eventIds((s) => sigma(s.record))).toEqual(want);
  });

  it('the queries are not trivial: most select some events and none selects all', () => {
    const counts = queries.map((text) => {
      const cairn = parsed(text).clauses.map(cairnClause);
      return ALL.filter((s) => cairn.every((t) => t(s))).length;
    });
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(queries.length - 3);
    expect(counts.every((n) => n < ALL.length)).toBe(true);
  });

  it('the most frequent values of every column select the same events', () => {
    const columns = [
      'eventName',
      'eventSource',
      'awsRegion',
      'errorCode',
      'sourceIPAddress',
      'userAgent',
      'recipientAccountId',
      'eventCategory',
      'eventType',
      'identityType',
      'accessKeyId',
      'readOnly',
    ] as const;
    for (const column of columns) {
      const counts = new Map<string, number>();
      for (const s of ALL) counts.set(s.fields[column], (counts.get(s.fields[column]) ?? 0) + 1);
      const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3);
      for (const [value] of top) {
        const query: Query = {
          clauses: [
            {
              kind: 'field',
              field: column,
              values: [{ parts: [value] }],
              negated: false,
              span: { start: 0, end: 0 },
            },
          ],
        };
        const want = eventIds((s) => s.fields[column].toLowerCase() === value.toLowerCase());
        const sigma = sigmaTest(query, column);
        expect(
          eventIds((s) => sigma(s.record)),
          `${column}:${value}`,
        ).toEqual(want);
      }
    }
  });

  it('an eventID selects that one event, as Cairn does', () => {
    const s = ALL[1234];
    if (s === undefined) throw new Error('too few samples');
    const text = `eventID:${s.fields.eventID.toUpperCase()}`;
    const sigma = sigmaTest(parsed(text), text);
    expect(eventIds((x) => sigma(x.record))).toEqual([`${s.fields.eventID} ${s.fields.eventName}`]);
  });

  it('free text becomes keywords, which find at least what Cairn finds and say why they may find more', () => {
    for (const text of ['stratus', 'AccessDenied', '"prod-invoices"', '10.8.8.10']) {
      const query = parsed(text);
      const cairn = query.clauses.map(cairnClause);
      const want = eventIds((s) => cairn.every((t) => t(s)));
      const sigma = sigmaTest(query, text);
      const got = new Set(eventIds((s) => sigma(s.record)));
      expect(
        want.filter((id) => !got.has(id)),
        text,
      ).toEqual([]);
    }
    const { yaml, notes } = ruleFromQuery(parsed('admin'), { ...META, queryText: 'admin' });
    expect(notes).toEqual([expect.stringMatching(/whole words/)]);
    expect(yaml).toMatch(/^ *# clause 1 \(free text\): Sigma keywords match anywhere/m);
    expect(yaml).toContain('condition: "keywords_1"');
  });

  it('a path "*" is an exists test, with a note', () => {
    const { yaml, notes } = ruleFromQuery(parsed('requestParameters.instanceIds:*'), {
      ...META,
      queryText: '',
    });
    expect(yaml).toContain('requestParameters.instanceIds|exists: true');
    expect(notes).toEqual([expect.stringMatching(/no empty list or null/)]);
  });
});

describe('ruleFromQuery: approximations and refusals', () => {
  it('userName tests the identity fields Cairn derives it from, and says it is close', () => {
    for (const name of ['stratus-red-team-nmfalu-gfjyeaypjt', 'root', 'stratus-*']) {
      const text = `userName:${name}`;
      const query = parsed(text);
      const cairn = query.clauses.map(cairnClause);
      const sigma = sigmaTest(query, text);
      const got = new Set(eventIds((s) => sigma(s.record)));
      const missed = eventIds((s) => cairn.every((t) => t(s))).filter((id) => !got.has(id));
      // Root callers without an account alias are named `root` by Cairn, not by the record.
      if (name !== 'root') expect(missed, text).toEqual([]);
    }
    const { notes, yaml } = ruleFromQuery(parsed('user:alice'), { ...META, queryText: '' });
    expect(notes).toEqual([expect.stringMatching(/^clause 1 \(userName\): .*close but not exact/)]);
    expect(yaml).toContain('userIdentity.arn|endswith: "/alice"');
  });

  it('resourceName and resourceType test resources[], and say Cairn derives more', () => {
    const { yaml, notes } = ruleFromQuery(
      parsed('resourceType:AWS::IAM::Role -resourceName:arn:aws:iam::1:role/x'),
      { ...META, queryText: '' },
    );
    expect(yaml).toContain('resources.type: "AWS::IAM::Role"');
    expect(yaml).toContain('resources.ARN: "arn:aws:iam::1:role/x"');
    expect(yaml).toContain('condition: "selection and not filter_1"');
    expect(notes).toHaveLength(2);
  });

  it.each([
    ['file:AWSLogs/*', /file an event was read from/],
    ['eventName:x tag:phishing', /bookmarks, tags and notes/],
    ['is:bookmarked', /bookmarks, tags and notes/],
    ['saved:logins', /expand saved queries/],
    ['rule:5d1c2b8e-3f4a-4b6c-9d7e-0a1b2c3d4e5f', /detections/],
    ['level:high', /detections/],
  ])('refuses %s, naming the clause', (text, why) => {
    const query = parsed(text);
    const run = () => ruleFromQuery(query, { ...META, queryText: text });
    expect(run).toThrow(RuleFromQueryError);
    expect(run).toThrow(why);
    const refused = query.clauses[query.clauses.length - 1];
    try {
      run();
    } catch (e) {
      expect(e instanceof RuleFromQueryError ? e.span : undefined).toEqual(refused?.span);
    }
  });

  it('refuses an empty query, an id that is not a UUID and a date not YYYY-MM-DD', () => {
    const q = parsed('eventName:x');
    expect(() => ruleFromQuery({ clauses: [] }, { ...META, queryText: '' })).toThrow(/empty/);
    expect(() => ruleFromQuery(q, { ...META, id: 'x', queryText: '' })).toThrow(/UUID/);
    expect(() => ruleFromQuery(q, { ...META, date: '7/12/2026', queryText: '' })).toThrow(/date/);
  });
});

describe('ruleFromQuery: hostile values', () => {
  it.each(['True', 'null', 'NaN', '@timestamp', '$x', 'a-b.c_d', 'x.y-.z'])(
    'the path %s keeps its name as a Sigma field',
    (field) => {
      const query: Query = {
        clauses: [
          {
            kind: 'field',
            field,
            values: [{ parts: ['v'] }],
            negated: false,
            span: { start: 0, end: 0 },
          },
        ],
      };
      const reading = readSigmaRule(ruleFromQuery(query, { ...META, queryText: '' }).yaml);
      if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
      const selection = reading.rule.selections.get('selection');
      expect(selection?.kind === 'all' ? selection.tests[0]?.field : undefined).toBe(field);
    },
  );

  it.each(['a|contains', 'a b', 'a:b', '1a', 'a..b', '', 'a#b', 'a\nb'])(
    'refuses the field name %j, which the query language cannot spell',
    (field) => {
      const query: Query = {
        clauses: [
          {
            kind: 'field',
            field,
            values: [{ parts: ['v'] }],
            negated: false,
            span: { start: 3, end: 9 },
          },
        ],
      };
      expect(() => ruleFromQuery(query, { ...META, queryText: '' })).toThrow(/not a field name/);
    },
  );

  const hostile = [
    'it\'s "quoted"',
    'line\nbreak\r\nand\rmore',
    'key: value',
    'a # comment',
    '!!js/function "f"',
    'star*and?question\\backslash',
    'trailing\\',
    '\\*',
    '- item',
    '{x: 1}',
    'true',
    'null',
    '~',
    '0x1F',
    '   spaced   ',
    '\u2028\u0000\u001b[31m',
    '&anchor *alias',
    '%TAG ! tag:x',
    '---',
  ];
  it.each(hostile)('%j round-trips as a value, a path value and free text', (value) => {
    const clause = (field: string, negated = false): Clause => ({
      kind: 'field',
      field,
      values: [{ parts: [value] }, { parts: ['pre', value] }],
      negated,
      span: { start: 0, end: 0 },
    });
    const query: Query = {
      clauses: [
        clause('eventName'),
        clause('requestParameters.name'),
        clause('userAgent', true),
        { kind: 'text', text: value, negated: false, span: { start: 0, end: 0 } },
      ],
    };
    const { yaml } = ruleFromQuery(query, {
      ...META,
      title: value,
      author: value,
      queryText: value,
    });
    const reading = readSigmaRule(yaml);
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
    const { rule } = reading;
    expect(rule.title).toBe(value);
    expect(rule.author).toBe(value);
    expect(rule.description).toBe(`Saved from the Cairn query "${value}"`);
    const test = matchRule(rule);
    const record = {
      eventName: value,
      requestParameters: { name: `PRE${value}` },
      userAgent: 'x',
    };
    expect(test(record)).toBe(true);
    expect(test({ ...record, eventName: `${value}x` })).toBe(false);
    // A literal * or ? in the value is no wildcard in the rule.
    const widened = value.replace('*', 'STAR').replace('?', '!');
    if (widened !== value) expect(test({ ...record, eventName: widened })).toBe(false);
    expect(test({ ...record, userAgent: value })).toBe(false);
    expect(test({ ...record, eventName: 'other', requestParameters: { name: value } })).toBe(false);
  });
});
