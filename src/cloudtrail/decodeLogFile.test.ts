import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { recordsIn, SAMPLE } from '../../test/sampleRecords';
import { decodeLogFile } from './decodeLogFile';
import type { LogContent } from './classifyLogJson';

const bytes = (data: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  new Uint8Array(typeof data === 'string' ? Buffer.from(data) : data);
const gz = (data: string | Uint8Array) => bytes(gzipSync(data));
const decode = async (data: string | Uint8Array) => decodeLogFile(bytes(data));

/** Real records: invictus-aws (a trail file), the EventBridge envelope of a cloud-custodian sample. */
const trail = recordsIn(SAMPLE.invictusTrail);
const nth = (i: number) => {
  const r = trail[i];
  if (r === undefined) throw new Error(`the sample has no record ${i}`);
  return r;
};
const [r1, r2, r3, r4] = [nth(0), nth(1), nth(2), nth(3)];
const envelope = JSON.parse(
  readFileSync(
    new URL(
      `../../test/fixtures/samples/${SAMPLE.custodian}event-cloud-trail-create-bucket.json`,
      import.meta.url,
    ),
    'utf8',
  ),
) as unknown;
const line = (v: unknown) => JSON.stringify(v);

function records(content: LogContent): readonly unknown[] {
  if (content.kind !== 'records')
    throw new Error(`${content.kind}: ${'reason' in content ? content.reason : ''}`);
  return content.records;
}

describe('decodeLogFile: the hot path', () => {
  it('reads a gzipped Records envelope as the parsed array itself, one gzip layer', async () => {
    const d = await decodeLogFile(gz(JSON.stringify({ Records: trail })));
    expect(d).toMatchObject({ gzip: true, gzipLayers: 1, trailingBytes: 0 });
    expect(d.content).toMatchObject({ kind: 'records', shape: 'Records envelope' });
    expect(records(d.content)).toEqual(trail);
    expect(records(d.content).length).toBe(trail.length);
  });

  it('still fails a truncated document instead of reading it as a stream', async () => {
    await expect(decode(JSON.stringify({ Records: trail }).slice(0, 500))).rejects.toThrow(
      /^Truncated JSON: /,
    );
  });
});

describe('decodeLogFile: gzip layers', () => {
  it('inflates a file gzipped twice and says so in the shape', async () => {
    const d = await decodeLogFile(bytes(gzipSync(gzipSync(JSON.stringify(trail.slice(0, 7))))));
    expect(d.gzipLayers).toBe(2);
    expect(d.content).toMatchObject({ shape: 'JSON array of events, gzipped twice' });
    expect(records(d.content)).toHaveLength(7);
  });

  it('counts three layers', async () => {
    const d = await decodeLogFile(bytes(gzipSync(gzipSync(gzipSync(line(r1))))));
    expect(d.content).toMatchObject({ shape: 'single event, gzipped 3 times' });
  });

  it('reads gzip members written back to back, then gzipped again (Firehose)', async () => {
    const members = Buffer.concat([gzipSync(line(r1)), gzipSync(line(r2)), gzipSync(line(r3))]);
    const d = await decodeLogFile(bytes(gzipSync(members)));
    expect(d.content).toMatchObject({ shape: 'concatenated JSON of events, gzipped twice' });
    expect(records(d.content)).toEqual([r1, r2, r3]);
  });

  it('skips gzip of binary data with a reason', async () => {
    const d = await decodeLogFile(gz(new Uint8Array([0, 1, 2, 3, 255, 254, 0, 7])));
    expect(d.content).toEqual({
      kind: 'other',
      reason: 'gzip of something that is not JSON, CSV or CloudWatch Logs export lines',
    });
  });
});

describe('decodeLogFile: JSON lines and concatenated JSON', () => {
  it('reads NDJSON of events, every record in file order', async () => {
    const d = await decode(trail.map(line).join('\n') + '\n');
    expect(d.content).toMatchObject({ shape: 'JSON lines of events' });
    expect(records(d.content)).toEqual(trail);
  });

  it('keeps the complete lines of a file cut inside its last line, and counts the cut one', async () => {
    const text = [r1, r2, r3].map(line).join('\n');
    const d = await decode(text.slice(0, text.length - 40));
    expect(records(d.content)).toEqual([r1, r2]);
    expect(d.content).toMatchObject({
      skipped: { count: 1, reason: 'the file ends inside a JSON value (truncated)' },
    });
  });

  it('reads values written back to back, with braces and escaped quotes inside strings', async () => {
    const tricky = { ...r4, requestParameters: { policy: '{"a":"}\\"{","b":[1,2]}', n: '\\' } };
    const d = await decode(line(r1) + line(tricky) + '  ' + line(r2));
    expect(d.content).toMatchObject({ shape: 'concatenated JSON of events' });
    expect(records(d.content)).toEqual([r1, tricky, r2]);
  });

  it('decodes the same bytes to the same records in the same order every time', async () => {
    const file = bytes(gzipSync([r3, envelope, r1].map(line).join('')));
    const first = records((await decodeLogFile(file)).content);
    const again = records((await decodeLogFile(file)).content);
    expect(again).toEqual(first);
    expect(first[0]).toEqual(r3);
  });

  it('counts lines that are not JSON objects and values that are not events', async () => {
    const d = await decode(
      [line(r1), 'not json at all', line({ hello: 'world' }), line(r2)].join('\n'),
    );
    expect(records(d.content)).toEqual([r1, r2]);
    expect(d.content).toMatchObject({ skipped: { count: 2 } });
  });
});

describe('decodeLogFile: EventBridge', () => {
  const detail = (envelope as { detail: unknown }).detail;

  it('unwraps one envelope to its detail', async () => {
    const d = await decode(line(envelope));
    expect(d.content).toMatchObject({ shape: 'EventBridge event' });
    expect(records(d.content)).toEqual([detail]);
  });

  it('accepts every detail-type ending in "via CloudTrail", skips the others', async () => {
    const signIn = { ...(envelope as object), 'detail-type': 'AWS Console Sign In via CloudTrail' };
    const other = {
      ...(envelope as object),
      'detail-type': 'EC2 Instance State-change Notification',
    };
    const d = await decode([envelope, other, signIn].map(line).join('\n'));
    expect(d.content).toMatchObject({
      shape: 'JSON lines of EventBridge events',
      skipped: {
        count: 1,
        reason:
          'an EventBridge event that is not from CloudTrail ("EC2 Instance State-change Notification")',
      },
    });
    expect(records(d.content)).toEqual([detail, detail]);
  });

  it('skips a file of EventBridge events none of which is from CloudTrail', async () => {
    const other = { ...(envelope as object), 'detail-type': 'Scheduled Event' };
    const d = await decode(line(other));
    expect(d.content).toMatchObject({
      kind: 'other',
      reason: expect.stringMatching(/Scheduled Event/),
    });
  });
});

describe('decodeLogFile: CloudWatch Logs', () => {
  const payload = (type: string, messages: string[]) => ({
    messageType: type,
    owner: '218007301253',
    logGroup: 'trail',
    logStream: '218007301253_CloudTrail_us-east-1',
    subscriptionFilters: ['f'],
    logEvents: messages.map((message, i) => ({
      id: String(i),
      timestamp: 1688990000000 + i,
      message,
    })),
  });

  it('unwraps a subscription payload (gzip, as Lambda receives it decoded from base64)', async () => {
    const d = await decodeLogFile(gz(line(payload('DATA_MESSAGE', [line(r1), line(r2)]))));
    expect(d.content).toMatchObject({ shape: 'CloudWatch Logs subscription payload' });
    expect(records(d.content)).toEqual([r1, r2]);
  });

  it('ignores CONTROL_MESSAGE payloads and counts messages that are not records', async () => {
    const stream = [
      payload('CONTROL_MESSAGE', ['CWL CONTROL MESSAGE: Checking health of destination']),
      payload('DATA_MESSAGE', [line(r1), 'START RequestId: 42', line(r2)]),
    ];
    const d = await decode(stream.map(line).join(''));
    expect(d.content).toMatchObject({
      shape: 'concatenated JSON of CloudWatch Logs subscription payloads',
      skipped: {
        count: 1,
        reason: 'a CloudWatch Logs event whose message is not a CloudTrail record',
      },
    });
    expect(records(d.content)).toEqual([r1, r2]);
  });

  it('skips a lone CONTROL_MESSAGE with a reason', async () => {
    const d = await decode(line(payload('CONTROL_MESSAGE', ['CWL CONTROL MESSAGE'])));
    expect(d.content).toEqual({
      kind: 'other',
      reason: 'a CloudWatch Logs CONTROL_MESSAGE (a subscription check, no events)',
    });
  });

  it('reads {timestamp, message} and {@timestamp, @message} events', async () => {
    const single = await decode(line({ timestamp: 1688990000000, message: line(r1) }));
    expect(single.content).toMatchObject({ shape: 'CloudWatch Logs event' });
    expect(records(single.content)).toEqual([r1]);
    const insights = await decode(
      JSON.stringify([
        { '@timestamp': '2023-07-10 12:00:01.000', '@message': line(r2) },
        { '@timestamp': '2023-07-10 12:00:02.000', '@message': line(r3) },
      ]),
    );
    expect(insights.content).toMatchObject({ shape: 'JSON array of CloudWatch Logs events' });
    expect(records(insights.content)).toEqual([r2, r3]);
  });

  it('reads aws logs get-log-events output', async () => {
    const d = await decode(
      JSON.stringify({
        events: [r1, r2].map((r, i) => ({ timestamp: i, message: line(r), ingestionTime: i })),
        nextForwardToken: 'f/1',
      }),
    );
    expect(d.content).toMatchObject({ shape: 'CloudWatch Logs CLI output' });
    expect(records(d.content)).toEqual([r1, r2]);
  });

  it('reads CreateExportTask lines and counts lines without the timestamp', async () => {
    const text = [
      `2023-07-10T12:00:24.000Z ${line(r1)}`,
      '',
      `2023-07-10T12:00:25.123Z ${line(r2)}`,
      'garbage',
      `2023-07-10T12:00:26Z ${line(r3)}`,
    ].join('\n');
    const d = await decodeLogFile(gz(text));
    expect(d.content).toMatchObject({
      shape: 'CloudWatch Logs export (timestamped lines)',
      skipped: { count: 1, reason: 'a line without the export timestamp' },
    });
    expect(records(d.content)).toEqual([r1, r2, r3]);
  });

  it('reads a CSV export with an @message column', async () => {
    const csv = `@timestamp,@message\r\n2023-07-10 12:00:01.000,"${line(r1).replace(/"/g, '""')}"\r\n`;
    const d = await decode(csv);
    expect(d.content).toMatchObject({ shape: 'CloudWatch Logs CSV' });
    expect(records(d.content)).toEqual([r1]);
  });
});

describe('decodeLogFile: lookup-events, Event history and Lake', () => {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

  it('reads lookup-events output and counts entries without a CloudTrailEvent', async () => {
    const d = await decode(
      JSON.stringify({
        Events: [
          { EventId: r1['eventID'], CloudTrailEvent: line(r1) },
          { EventId: 'x', EventName: 'Nothing' },
          { EventId: r2['eventID'], CloudTrailEvent: line(r2) },
        ],
      }),
    );
    expect(d.content).toMatchObject({
      shape: 'lookup-events output',
      skipped: { count: 1, reason: 'a lookup-events entry without a CloudTrailEvent record' },
    });
    expect(records(d.content)).toEqual([r1, r2]);
  });

  it('reads an array of CloudTrailEvent strings (lookup-events --query)', async () => {
    const d = await decode(JSON.stringify([line(r1), line(r2)]));
    expect(d.content).toMatchObject({ shape: 'JSON array of CloudTrailEvent strings' });
    expect(records(d.content)).toEqual([r1, r2]);
  });

  it('skips the console CSV, which has no records, saying why', async () => {
    const header =
      'User name,AWS access key,Event time,Event source,Event name,AWS region,Source IP address,User agent,Error code,Resources,Request ID,Event ID,Read-only,Event type,Recipient Account Id,Event category';
    const d = await decode(
      `${header}\r\nalice,AKIA,2023-07-10T12:00:00Z,s3.amazonaws.com,ListBuckets,us-east-1,1.2.3.4,cli,,[],r,e,true,AwsApiCall,218007301253,Management\r\n`,
    );
    expect(d.content).toMatchObject({
      kind: 'other',
      reason: expect.stringMatching(
        /^the console's Event history CSV holds only the table's columns/,
      ),
    });
  });

  it('reads any CSV column that holds records', async () => {
    const d = await decode(`id;raw\n1;${quote(line(r1))}\n2;${quote(line(r2))}\n`);
    expect(d.content).toMatchObject({ shape: 'CSV with a column of event JSON' });
    expect(records(d.content)).toEqual([r1, r2]);
  });

  it('reads Lake get-query-results with eventJson, skips it without', async () => {
    const rows = (withJson: boolean) =>
      JSON.stringify({
        QueryStatus: 'FINISHED',
        QueryResultRows: [r1, r2].map((r) => [
          { eventName: String(r['eventName']) },
          ...(withJson ? [{ eventJson: line(r) }] : []),
        ]),
      });
    const d = await decode(rows(true));
    expect(d.content).toMatchObject({ shape: 'CloudTrail Lake results (JSON)' });
    expect(records(d.content)).toEqual([r1, r2]);
    expect((await decode(rows(false))).content).toEqual({
      kind: 'other',
      reason:
        'query results without the event JSON (columns: eventName); select eventJson in the CloudTrail Lake query to read the events',
    });
  });
});

describe('decodeLogFile: arrays', () => {
  it('keeps the events of an array holding other values, counting those', async () => {
    const d = await decode(JSON.stringify([r1, { note: 'exported by tool' }, envelope, r2]));
    expect(d.content).toMatchObject({
      shape: 'JSON array of events',
      skipped: { count: 1, reason: 'a JSON object that is not a CloudTrail event (keys: note)' },
    });
    expect(records(d.content)).toEqual([r1, (envelope as { detail: unknown }).detail, r2]);
  });

  it('skips an empty array', async () => {
    expect((await decode('[]')).content).toEqual({ kind: 'other', reason: 'an empty JSON array' });
  });
});
