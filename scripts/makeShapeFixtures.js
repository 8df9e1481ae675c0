// Builds e2e/fixtures-shapes: one file per input shape CloudTrail events arrive in, from real records
// in test/fixtures/samples/ or the folder given as the first argument (invictus-aws, cloud-snitch,
// cloud-custodian, stratus-red-team, traildiscover, otrf; their LICENSE files are copied into
// LICENSES/). Every record is used once, so the distinct event count is the sum of the files'
// events. Run by hand (`node scripts/makeShapeFixtures.js`); the output is committed and `SHAPES` in
// e2e/helpers/shapeFacts.ts lists what each file must read as. Wrappers follow
// docs/reference/cloudtrail-format.md §4 (EventBridge, CloudWatch Logs, lookup-events, Lake).
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SAMPLES, readSample } from './sampleFiles.js';

const out = new URL('../e2e/fixtures-shapes/', import.meta.url).pathname;

const read = readSample;
const json = (p) => JSON.parse(read(p).toString('utf8'));
function write(name, bytes) {
  mkdirSync(dirname(join(out, name)), { recursive: true });
  writeFileSync(join(out, name), bytes);
}
const lines = (values) => values.map((v) => JSON.stringify(v)).join('\n') + '\n';
const ms = (record) => Date.parse(record.eventTime);

rmSync(out, { recursive: true, force: true });

// Real records, each used in exactly one file.
const invictus = json(
  'invictus-aws/CloudTrail/218007301253_CloudTrail_us-east-1_20230710T1200Z_iLj9fb7yyUG9X4Bf.json',
).Records;
let next = 0;
const take = (n) => invictus.slice(next, (next += n));

// 1. A trail log file exactly as CloudTrail delivered it (an organization trail's key).
write(
  'AWSLogs/o-1234abcde/222222222222/CloudTrail/us-east-1/2025/03/06/222222222222_CloudTrail_us-east-1_20250306T0230Z_QF6qcgyiaVnSueXa.json.gz',
  read(
    'cloud-snitch/AWSLogs/o-1234abcde/222222222222/CloudTrail/us-east-1/2025/03/06/222222222222_CloudTrail_us-east-1_20250306T0230Z_QF6qcgyiaVnSueXa.json.gz',
  ),
);

// 2. The console's Event history "Download as JSON": the envelope, compact, newest first.
write('event_history.json', JSON.stringify({ Records: take(6).sort((a, b) => ms(b) - ms(a)) }));

// 3. A plain JSON array of events, and 4. one bare event, as the samples' publishers wrote them.
write(
  'aws.persistence.iam-create-admin-user.json',
  read('stratus-red-team/detonation-logs/aws.persistence.iam-create-admin-user.json'),
);
write(
  'CreateSession.json.cloudtrail',
  read('traildiscover/logExamples/CreateSession.json.cloudtrail'),
);

// 5. JSON lines of events (NDJSON, as a CloudWatch Logs or SIEM export writes them).
write(
  'ec2_proxy_s3_exfiltration.jsonl',
  read('otrf/json-lines/ec2_proxy_s3_exfiltration_2020-09-14011940.json'),
);

// 6. Bare events written back to back with no separator.
write(
  'concatenated-events.json',
  take(4)
    .map((r) => JSON.stringify(r))
    .join(''),
);

// 7. One EventBridge event, and 8. a Firehose batch of them back to back (with one event that is
// not from CloudTrail, which is skipped).
const cwe = (name) => json(`cloud-custodian/cwe/event-${name}.json`);
write(
  'eventbridge-create-bucket.json',
  read('cloud-custodian/cwe/event-cloud-trail-create-bucket.json'),
);
const batch = [
  'cloud-trail-appelb-add-tags',
  'cloud-trail-catalog-put-resource-policy',
  'cloud-trail-catalog-set-encryption',
  'cloud-trail-create-distribution',
  'cloud-trail-s3',
  'cloud-trail-tag-distribution',
  'cloud-trail-tag-rest-stage',
  'transit-gateway-delete-vpc-attachment',
].map(cwe);
const stateChange = {
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2019-11-11T21:29:54Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  detail: { 'instance-id': 'i-abcd1111', state: 'pending' },
};
batch.splice(4, 0, stateChange);
write(
  'firehose/eventbridge-2025-03-06-00-00-00-1a2b3c',
  batch.map((e) => JSON.stringify(e)).join(''),
);

// 9. JSON lines of CloudWatch Logs events ({timestamp, message}, as get-log-events returns them).
write(
  'cloudwatch/log-events.jsonl',
  lines(
    take(5).map((r) => ({
      timestamp: ms(r),
      message: JSON.stringify(r),
      ingestionTime: ms(r) + 4000,
    })),
  ),
);

// 10. A Logs Insights JSON export: an array of {@timestamp, @message}.
write(
  'cloudwatch/logs-insights-results.json',
  JSON.stringify(
    take(4).map((r) => ({
      '@timestamp': r.eventTime.replace('T', ' ').replace('Z', '.000'),
      '@message': JSON.stringify(r),
    })),
    null,
    2,
  ),
);

// 11. A CreateExportTask object: `<ISO timestamp> <message>` per line, gzipped.
write(
  'cloudwatch/export-task/218007301253_CloudTrail_us-east-1/000000.gz',
  gzipSync(
    take(6)
      .map((r) => `${new Date(ms(r) + 2000).toISOString()} ${JSON.stringify(r)}`)
      .join('\n') + '\n',
  ),
);

// 12. A Firehose file of CloudWatch Logs subscription payloads: each payload gzipped, written back
// to back, the whole gzipped again by Firehose; a CONTROL_MESSAGE among them holds no event.
const payload = (records) => ({
  messageType: 'DATA_MESSAGE',
  owner: '218007301253',
  logGroup: 'aws-cloudtrail-logs-218007301253',
  logStream: '218007301253_CloudTrail_us-east-1',
  subscriptionFilters: ['to-firehose'],
  logEvents: records.map((r, i) => ({
    id: `3789${String(ms(r)).padStart(20, '0')}${i}`,
    timestamp: ms(r),
    message: JSON.stringify(r),
  })),
});
const control = {
  messageType: 'CONTROL_MESSAGE',
  owner: 'CloudwatchLogs',
  logGroup: '',
  logStream: '',
  subscriptionFilters: [],
  logEvents: [
    {
      id: '',
      timestamp: 1741228800000,
      message: 'CWL CONTROL MESSAGE: Checking health of destination Firehose.',
    },
  ],
};
write(
  'firehose/cwl-subscription-2025-03-06-00-05-00-4d5e6f',
  gzipSync(
    Buffer.concat(
      [payload(take(3)), control, payload(take(2))].map((p) => gzipSync(JSON.stringify(p))),
    ),
  ),
);

// 13. The console's Event history CSV columns, plus the record in a CloudTrailEvent column (as
// LookupEvents names it), and 14. the console's CSV as it is, without records (skipped).
const HEADER = [
  'User name',
  'AWS access key',
  'Event time',
  'Event source',
  'Event name',
  'AWS region',
  'Source IP address',
  'User agent',
  'Error code',
  'Resources',
  'Request ID',
  'Event ID',
  'Read-only',
  'Event type',
  'Recipient Account Id',
  'Event category',
];
const cell = (v) => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const userName = (r) =>
  r.userIdentity?.userName ?? (r.userIdentity?.arn ?? '').split('/').slice(-1)[0] ?? '';
const consoleRow = (r) => [
  userName(r),
  r.userIdentity?.accessKeyId,
  r.eventTime,
  r.eventSource,
  r.eventName,
  r.awsRegion,
  r.sourceIPAddress,
  r.userAgent,
  r.errorCode,
  JSON.stringify(
    (r.resources ?? []).map((x) => ({ resourceType: x.type ?? null, resourceName: x.ARN })),
  ),
  r.requestID,
  r.eventID,
  String(r.readOnly),
  r.eventType,
  r.recipientAccountId,
  r.eventCategory,
];
const csv = (rows) => rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
write(
  'event_history_with_records.csv',
  csv([
    [...HEADER, 'CloudTrailEvent'],
    ...take(4).map((r) => [...consoleRow(r), JSON.stringify(r)]),
  ]),
);
write('event_history.csv', csv([HEADER, ...take(2).map(consoleRow)]));

// 15. `aws cloudtrail lookup-events` output.
write(
  'lookup-events.json',
  JSON.stringify(
    {
      Events: take(4).map((r) => ({
        EventId: r.eventID,
        EventName: r.eventName,
        ReadOnly: String(r.readOnly),
        AccessKeyId: r.userIdentity?.accessKeyId,
        EventTime: r.eventTime.replace('Z', '+00:00'),
        EventSource: r.eventSource,
        Username: userName(r),
        Resources: [],
        CloudTrailEvent: JSON.stringify(r),
      })),
    },
    null,
    4,
  ),
);

// 16. CloudTrail Lake results saved to S3 (the SQL selected eventJson), 17. results without it
// (skipped), 18. `get-query-results` output, 19. the results' signature file (skipped).
const lake =
  'AWSLogs/218007301253/CloudTrail-Lake/Query/2025/03/06/0f3a7c2e-5b1d-4e9a-8c6f-2d7b9e1a4c30';
write(
  `${lake}/result_1.csv.gz`,
  gzipSync(
    csv([
      ['eventTime', 'eventName', 'eventJson'],
      ...take(3).map((r) => [
        r.eventTime.replace('T', ' ').replace('Z', '.000'),
        r.eventName,
        JSON.stringify(r),
      ]),
    ]),
  ),
);
write(
  `${lake}/result_2.csv`,
  csv([
    ['eventName', 'calls'],
    ['GetBucketAcl', '42'],
    ['AssumeRole', '7'],
  ]),
);
write(
  'lake-get-query-results.json',
  JSON.stringify(
    {
      QueryStatus: 'FINISHED',
      QueryStatistics: { ResultsCount: 2, TotalResultsCount: 2, BytesScanned: 40960 },
      QueryResultRows: take(2).map((r) => [
        { eventID: r.eventID },
        { eventJson: JSON.stringify(r) },
      ]),
    },
    null,
    2,
  ),
);
write(
  `${lake}/result_sign.json`,
  JSON.stringify({
    version: '1.0',
    region: 'us-east-1',
    files: [
      { fileHashValue: '0'.repeat(64), fileName: 'result_1.csv.gz' },
      { fileHashValue: 'f'.repeat(64), fileName: 'result_2.csv.gz' },
    ],
    hashAlgorithm: 'SHA-256',
    signatureAlgorithm: 'SHA256withRSA',
    queryCompleteTime: '2025-03-06 00:10:00.000',
    hashSignature: 'ab'.repeat(256),
    publicKeyFingerprint: '67b9fa73676d86966b449dd677850753',
  }),
);

// 20. The newer record kinds in a trail envelope: network activity (a real record turned into the
// AwsVpceEvent the docs show), an aggregated event and an Insights Start/End pair (after the docs'
// examples: there are none in the samples).
const [api] = take(1);
const network = {
  eventVersion: '1.09',
  userIdentity: api.userIdentity,
  eventTime: api.eventTime,
  eventSource: api.eventSource,
  eventName: api.eventName,
  awsRegion: api.awsRegion,
  sourceIPAddress: '10.0.12.34',
  requestID: api.requestID,
  eventID: api.eventID,
  eventType: 'AwsVpceEvent',
  recipientAccountId: api.recipientAccountId,
  sharedEventID: 'a1f3720c-ef19-47e9-a5d5-3f1a5e78099f',
  vpcEndpointId: 'vpce-0e3f0a8c1b6b9b7a1',
  vpcEndpointAccountId: api.recipientAccountId,
  eventCategory: 'NetworkActivity',
};
const aggregated = {
  eventVersion: '1.0',
  accountId: '218007301253',
  eventId: '62759c1a-6248-48e1-a6b3-d5fb7e6c4bc0',
  eventCategory: 'Aggregated',
  eventType: 'AwsAggregatedEvent',
  awsRegion: 'us-east-1',
  eventSource: 's3.amazonaws.com',
  timeWindow: {
    windowStart: '2023-07-10 11:45:00',
    windowEnd: '2023-07-10 11:50:00',
    windowSize: 'PT5M',
  },
  summary: {
    primaryDimension: {
      dimension: 'eventName',
      statistics: [{ name: 'GetObject', value: 1000 }],
      aggregationType: 'Count',
    },
    details: [
      {
        dimension: 'resourceARN',
        statistics: [
          { name: 'arn:aws:s3:::bucket-1', value: 800 },
          { name: 'arn:aws:s3:::bucket-2', value: 200 },
        ],
        aggregationType: 'Count',
      },
    ],
  },
};
const insight = (state, eventID, eventTime, average) => ({
  eventVersion: '1.08',
  eventTime,
  awsRegion: 'us-east-1',
  eventID,
  eventType: 'AwsCloudTrailInsight',
  recipientAccountId: '218007301253',
  sharedEventID: '12345678-1234-1234-1234-123456789012',
  insightDetails: {
    state,
    eventSource: 'iam.amazonaws.com',
    eventName: 'ListRoles',
    insightType: 'ApiCallRateInsight',
    insightContext: {
      statistics: {
        baseline: { average: 0.0020833333 },
        insight: { average },
        insightDuration: 1,
        baselineDuration: 10080,
      },
    },
  },
  eventCategory: 'Insight',
});
write(
  'newer-record-kinds.json',
  JSON.stringify({
    Records: [
      network,
      aggregated,
      insight('Start', '1c8b4f8b-7c1e-4d3a-9a55-0f3d8a2e6b11', '2023-07-10T11:52:00Z', 5),
      insight('End', '2d9c5a9c-8d2f-4e4b-8b66-1a4e9b3f7c22', '2023-07-10T11:53:00Z', 3),
    ],
  }),
);

// Files that hold no CloudTrail event, skipped with a reason.
write('notes.txt', 'Copied with aws s3 sync on 2025-03-06\n');
write('inventory.json', JSON.stringify({ Items: [{ bucket: 'trail-logs', objects: 1284 }] }));

for (const s of [
  'invictus-aws',
  'cloud-snitch',
  'cloud-custodian',
  'stratus-red-team',
  'traildiscover',
  'otrf',
])
  cpSync(join(SAMPLES, s, 'LICENSE'), join(out, 'LICENSES', `LICENSE-${s}`));
console.log(`wrote ${out} (${next} invictus records used)`);
