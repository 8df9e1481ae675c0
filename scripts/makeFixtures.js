// Builds the committed e2e fixtures and the bundled demo sample from the real samples in
// test/fixtures/samples/ (or the folder given as the first argument, see sampleFiles.js).
// Run by hand (`node scripts/makeFixtures.js`); the outputs are committed, the script documents them.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SAMPLES, gzippedSample, jsonNames, readSample } from './sampleFiles.js';

const root = new URL('../', import.meta.url).pathname;

function write(path, bytes) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

/** The real invictus-aws files, gzipped into the AWSLogs layout their names imply. */
function invictusLogs(into) {
  for (const name of jsonNames('invictus-aws/CloudTrail')) {
    const m = /^(\d{12})_CloudTrail_([a-z0-9-]+)_(\d{4})(\d\d)(\d\d)T/.exec(name);
    if (!m) continue;
    const [, acct, region, y, mo, d] = m;
    write(
      join(into, 'AWSLogs', acct, 'CloudTrail', region, y, mo, d, `${name}.gz`),
      gzippedSample(`invictus-aws/CloudTrail/${name}`),
    );
  }
}

function cloudSnitchLogs(into) {
  cpSync(join(SAMPLES, 'cloud-snitch/AWSLogs'), join(into, 'AWSLogs'), { recursive: true });
}

function licences(into) {
  for (const s of ['invictus-aws', 'cloud-snitch'])
    cpSync(join(SAMPLES, s, 'LICENSE'), join(into, `LICENSE-${s}`));
}

// --- e2e fixture: a real AWSLogs tree plus the awkward things real folders contain.
const e2e = join(root, 'e2e/fixtures');
rmSync(e2e, { recursive: true, force: true });
invictusLogs(e2e);
cloudSnitchLogs(e2e);
licences(e2e);
const logs = join(e2e, 'AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10');
const firstName = readdirSync(logs).sort()[0];
const first = JSON.parse(
  readSample(`invictus-aws/CloudTrail/${firstName.replace(/\.gz$/, '')}`).toString('utf8'),
);
// Identical re-delivery: the same records again in another Region folder, as real trails do.
const redelivered = { Records: first.Records.slice(0, 5) };
write(
  join(
    e2e,
    'AWSLogs/218007301253/CloudTrail/us-west-2/2023/07/10/218007301253_CloudTrail_us-west-2_20230710T1150Z_Redelivered00001.json.gz',
  ),
  gzipSync(JSON.stringify(redelivered)),
);
// A corrupt file: a real log file cut in half.
const whole = readFileSync(join(logs, firstName));
write(
  join(
    e2e,
    'AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/11/218007301253_CloudTrail_us-east-1_20230711T0000Z_Truncated0000001.json.gz',
  ),
  whole.subarray(0, whole.length >> 1),
);
// A digest file (shape per the CloudTrail docs), kept aside, not shown as events.
write(
  join(
    e2e,
    'AWSLogs/218007301253/CloudTrail-Digest/us-east-1/2023/07/10/218007301253_CloudTrail-Digest_us-east-1_trail_us-east-1_20230710T120000Z.json.gz',
  ),
  gzipSync(
    JSON.stringify({
      awsAccountId: '218007301253',
      digestStartTime: '2023-07-10T11:00:00Z',
      digestEndTime: '2023-07-10T12:00:00Z',
      digestS3Bucket: 'bucket',
      digestS3Object:
        'AWSLogs/218007301253/CloudTrail-Digest/us-east-1/2023/07/10/218007301253_CloudTrail-Digest_us-east-1_trail_us-east-1_20230710T120000Z.json.gz',
      digestPublicKeyFingerprint: '00',
      digestSignatureAlgorithm: 'SHA256withRSA',
      newestEventTime: null,
      oldestEventTime: null,
      previousDigestS3Bucket: null,
      previousDigestS3Object: null,
      previousDigestHashValue: null,
      previousDigestHashAlgorithm: null,
      previousDigestSignature: null,
      logFiles: [],
    }),
  ),
);
write(join(e2e, 'AWSLogs/notes.txt'), 'Copied from the trail bucket with aws s3 sync.\n');

// --- demo sample bundled with the app, fetched by "Load sample data".
const pub = join(root, 'public/sample');
rmSync(pub, { recursive: true, force: true });
invictusLogs(pub);
cloudSnitchLogs(pub);
licences(pub);
const files = [];
(function walk(dir, rel) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) walk(join(dir, e.name), `${rel}${e.name}/`);
    else if (e.name.endsWith('.json.gz')) files.push(`${rel}${e.name}`);
  }
})(pub, '');
write(join(pub, 'manifest.json'), JSON.stringify({ files: files.sort() }, null, 1));
console.log(`e2e fixtures and ${files.length} sample files written`);
