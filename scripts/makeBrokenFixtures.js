// Builds e2e/fixtures-broken: one file per kind of broken input an incident responder meets, plus
// good files around them, all from real records of the invictus-aws sample (test/fixtures/samples/,
// or the folder given as the first argument; its LICENSE is copied beside them). Deterministic: the same bytes every run (gzip without a timestamp, no random).
// Run by hand (`node scripts/makeBrokenFixtures.js`); the output is committed and e2e/broken.spec.ts
// counts the good events itself from these files.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SAMPLES, readSample } from './sampleFiles.js';

const out = new URL('../e2e/fixtures-broken/', import.meta.url).pathname;

function write(name, bytes) {
  mkdirSync(dirname(join(out, name)), { recursive: true });
  writeFileSync(join(out, name), bytes);
}
// Node's gzip writes MTIME 0 and OS 3 (RFC 1952 §2.3.1): stable bytes across runs.
const gz = (text) => gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
const envelope = (records) => JSON.stringify({ Records: records });

rmSync(out, { recursive: true, force: true });

const invictus = JSON.parse(
  readSample(
    'invictus-aws/CloudTrail/218007301253_CloudTrail_us-east-1_20230710T1200Z_iLj9fb7yyUG9X4Bf.json',
  ).toString('utf8'),
).Records;
let next = 0;
const take = (n) => invictus.slice(next, (next += n));
const key = (stamp, id) =>
  `AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/218007301253_CloudTrail_us-east-1_${stamp}_${id}.json.gz`;

// Good: two delivered log files.
const first = take(12);
const good1 = gz(envelope(first));
write(key('20230710T1200Z', 'Good0000000001'), good1);
write(key('20230710T1205Z', 'Good0000000002'), gz(envelope(take(9))));

// Duplicate file: the same bytes under another name (a folder copied twice into the evidence).
write(`copy-of-evidence/${key('20230710T1200Z', 'Good0000000001').split('/').at(-1)}`, good1);

// Re-delivery: another file (other bytes) holding 4 events of the first file and 3 new ones.
write(
  key('20230710T1210Z', 'Redelivered001').replace('us-east-1', 'us-west-2'),
  gz(envelope([...first.slice(2, 6), ...take(3)])),
);

// Corrupt gzip: a real gzip whose first deflate block header (byte 10, after the 10-byte gzip
// header of RFC 1952 §2.3) is overwritten with the reserved block type 11 (RFC 1951 §3.2.3).
const corrupt = Buffer.from(gz(envelope(take(5))));
corrupt[10] = 0x07;
write(key('20230710T1215Z', 'CorruptGzip001'), corrupt);

// Truncated gzip: the first half of a real gzip (a download cut short).
const whole = gz(envelope(take(5)));
write(key('20230710T1220Z', 'TruncatedGz001'), whole.subarray(0, whole.length >> 1));

// Gzip of text that is not JSON (an access log saved with the trail's name).
write(
  key('20230710T1225Z', 'GzipNotJson001'),
  gz('2023-07-10 12:25:01 GET /index.html 200 Mozilla/5.0\n2023-07-10 12:25:02 GET /a.css 200\n'),
);

// Truncated JSON: an uncompressed log file cut off in the middle of a record.
const text = envelope(take(6));
write(
  'truncated/218007301253_CloudTrail_us-east-1_20230710T1230Z_Truncated00001.json',
  text.slice(0, Math.floor(text.length * 0.6)),
);

// JSON that is not CloudTrail: an S3 inventory manifest.
write(
  'not-cloudtrail/manifest.json',
  JSON.stringify({
    sourceBucket: 'example-logs',
    destinationBucket: 'arn:aws:s3:::example-inventory',
    fileFormat: 'CSV',
    files: [{ key: 'inventory/data/1.csv.gz', size: 1024, MD5checksum: '0' }],
  }),
);

// A Records file whose records all miss eventTime (fields stripped by a faulty export).
write(
  'missing-fields/all-bad.json',
  envelope(
    take(4).map((r) => {
      const rest = { ...r };
      delete rest.eventTime;
      return rest;
    }),
  ),
);

// A Records file with 5 good records and 2 that miss eventSource and eventName.
const mixed = take(7).map((r, i) => {
  if (i !== 1 && i !== 4) return r;
  const rest = { ...r };
  delete rest.eventSource;
  delete rest.eventName;
  return rest;
});
write('missing-fields/some-bad.json', envelope(mixed));

// An empty file.
write('empty/218007301253_CloudTrail_us-east-1_20230710T1235Z_Empty000000001.json.gz', '');

cpSync(join(SAMPLES, 'invictus-aws/LICENSE'), join(out, 'LICENSE-invictus-aws'));
