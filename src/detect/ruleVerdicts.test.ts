import { describe, expect, it } from 'vitest';
import { extractEventFields, isRecordProblem } from '../cloudtrail/extractEventFields';
import { encodeFileChunk } from '../index/encodeFileChunk';
import { EventIndex } from '../index/EventIndex';
import { matchRule } from '../sigma/matchRule';
import { parseCondition } from '../sigma/parseCondition';
import { readSigmaRule } from '../sigma/readSigmaRule';
import { NO, READ, YES, ruleVerdicts } from './ruleVerdicts';
import { chunkColumns, indexColumns } from './verdictColumns';
import type { FileChunk } from '../index/types';

/** A chunk of `records` (as a parse worker encodes a file), and an index of it, one row each. */
function indexOf(records: readonly object[]): { index: EventIndex; chunk: FileChunk } {
  const events = records.map((r) => {
    const fields = extractEventFields(r);
    if (isRecordProblem(fields)) throw new Error(fields.problem);
    return fields;
  });
  const index = new EventIndex();
  const chunk = encodeFileChunk(
    events,
    events.map((_, i) => i),
  );
  index.applyChunk(chunk, 1, { duplicates: new Uint32Array(0), conflicts: new Uint32Array(0) });
  return { index, chunk };
}

function verdicts(detection: string, records: readonly object[]): number[] {
  const reading = readSigmaRule(
    `title: t\nid: 5d2f3a52-6f43-4a43-9b9e-000000000001\nlogsource:\n  product: aws\n  service: cloudtrail\ndetection:\n${detection}`,
  );
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  const { rule } = reading;
  const condition = parseCondition(rule.condition, [...rule.selections.keys()]);
  if (!condition.ok) throw new Error(condition.message);
  const { index, chunk } = indexOf(records);
  const out = [...ruleVerdicts(rule, condition.condition, indexColumns(index, 0, records.length))];
  // A parse worker judges the file's chunk before it reaches the index: the same verdicts.
  expect([...ruleVerdicts(rule, condition.condition, chunkColumns(chunk))]).toEqual(out);
  // The index never contradicts the record: a settled row agrees with matchRule on it.
  const test = matchRule(rule);
  out.forEach((v, i) => {
    if (v !== READ) expect(v === YES, `row ${i}`).toBe(test(records[i]));
  });
  return out;
}

const event = (extra: object) => ({
  eventTime: '2024-05-01T00:00:00Z',
  eventSource: 'sts.amazonaws.com',
  eventName: 'GetCallerIdentity',
  ...extra,
});

describe('ruleVerdicts', () => {
  it('settles a column test through the dictionary, any case', () => {
    const records = [event({ userAgent: 'TruffleHog' }), event({ userAgent: 'aws-cli/2' })];
    const detection = '  selection:\n    userAgent: trufflehog\n  condition: selection\n';
    expect(verdicts(detection, records)).toEqual([YES, NO]);
  });

  // The column holds '' for a value that is not a string; the record may still match through a
  // list (or a number or boolean by its text), so only the record can tell.
  it('reads the record when a column holds no string: a list, a number', () => {
    const cases: [object, string][] = [
      [event({ userAgent: ['aws-cli/2', 'TruffleHog'] }), 'userAgent|contains: TruffleHog'],
      [event({ userIdentity: { type: ['Root'] } }), 'userIdentity.type: Root'],
      [event({ errorCode: 403 }), "errorCode: '403'"],
      [event({ eventType: true }), "eventType: 'true'"],
    ];
    for (const [record, test] of cases) {
      const detection = `  selection:\n    ${test}\n  condition: selection\n`;
      expect(verdicts(detection, [record]), test).toEqual([READ]);
    }
  });

  it('still settles the fields every record has as text', () => {
    const records = [event({}), event({ eventName: 'AssumeRole' })];
    const detection = '  selection:\n    eventName: GetCallerIdentity\n  condition: selection\n';
    expect(verdicts(detection, records)).toEqual([YES, NO]);
  });
});
