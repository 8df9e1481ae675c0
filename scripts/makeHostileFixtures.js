// Builds e2e/fixtures-hostile: one CloudTrail trail log file whose strings attack the viewer (HTML and
// script payloads, javascript: URLs, HTML in keys, bidi overrides and zero-width characters in user
// names, a 1 MB string, 10,000-deep nesting, CSV formula payloads). Every record is the same real
// record of the invictus-aws sample (test/fixtures/samples/, or the folder given as the first
// argument; its LICENSE is copied beside the output) with a few fields replaced, and a distinct
// eventID and eventTime. Deterministic: run by hand
// (`node scripts/makeHostileFixtures.js`); the output is committed and e2e/hostile.spec.ts reads it.
// The payloads set `window.__pwned` and call `alert`, so a spec can tell if any of them ever ran.
// Trail file layout and key: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SAMPLES, readSample } from './sampleFiles.js';

const out = new URL('../e2e/fixtures-hostile/', import.meta.url).pathname;

const source = JSON.parse(
  readSample(
    'invictus-aws/CloudTrail/218007301253_CloudTrail_us-east-1_20230710T1200Z_iLj9fb7yyUG9X4Bf.json',
  ).toString('utf8'),
).Records;
// A real AssumedRole call (ec2 GetPasswordData, denied): userIdentity with a sessionIssuer.
const base = source.find(
  (r) => r.userIdentity?.type === 'AssumedRole' && r.eventName === 'GetPasswordData',
);
if (base === undefined) throw new Error('sample record not found');

const ACCOUNT = '123837392027';
const clone = () => JSON.parse(JSON.stringify(base));
/** An IAM user identity whose userName is `name` (deriveUserName reads userIdentity.userName). */
const iamUser = (name) => ({
  type: 'IAMUser',
  principalId: 'AIDATFQR7NSCWHOSTILE',
  arn: `arn:aws:iam::${ACCOUNT}:user/hostile`,
  accountId: ACCOUNT,
  accessKeyId: 'AKIATFQR7NSCWHOSTILE',
  userName: name,
});

/** The text each payload runs if it is ever executed: a trap flag and a dialog. */
const run = (n) => `window.__pwned=${n};alert(${n})`;
const SCRIPT = `<script>${run(1)}</script>`;
const IMG = `<img src=x onerror="${run(2)}">`;
const JS_URL = `javascript:${run(3)}`;
const SVG = `"><svg onload=${run(4)}>`;
const RLO = '\u202E';
const MEGABYTE = 1 << 20;

// JSON.stringify overflows the stack past a few thousand levels, so the deep values are written as
// text: placeholders in the records are replaced after stringifying.
const DEEP = 10_000;
const DEEP_OBJECT =
  '{"a":'.repeat(DEEP - 1) + '{"hostileLeaf":"deepest level reached"}' + '}'.repeat(DEEP - 1);
const DEEP_ARRAY = '['.repeat(DEEP) + '"deep array"' + ']'.repeat(DEEP);

/** The hostile variants: each a label and an edit of a fresh clone of the base record. */
const variants = [
  [
    'script tags',
    (r) => {
      r.eventName = SCRIPT;
      r.userAgent = SCRIPT;
      r.requestParameters = { instanceId: SCRIPT, description: `${SCRIPT}${IMG}` };
      r.errorMessage = SCRIPT;
    },
  ],
  [
    'img onerror',
    (r) => {
      r.userIdentity = iamUser(IMG);
      r.userAgent = IMG;
      r.errorCode = IMG;
      r.sourceIPAddress = IMG;
      r.requestParameters = { instanceId: IMG, title: SVG };
    },
  ],
  [
    'javascript: URLs',
    (r) => {
      r.userAgent = JS_URL;
      r.requestParameters = {
        instanceId: JS_URL,
        url: JS_URL,
        redirectUri: `JaVaScRiPt:${run(5)}`,
        link: `data:text/html,${SCRIPT}`,
      };
      r.resources = [{ ARN: JS_URL, accountId: ACCOUNT, type: 'AWS::EC2::Instance' }];
    },
  ],
  [
    'HTML in JSON keys',
    (r) => {
      r.requestParameters = {
        [IMG]: 'value under an img key',
        [SCRIPT]: { [`<a href="${JS_URL}">click</a>`]: SVG },
        constructor: { prototype: { polluted: true } },
      };
      // An own `__proto__` key, as JSON.parse makes it (an object literal would set the prototype).
      Object.defineProperty(r.requestParameters, '__proto__', {
        value: { polluted: true },
        enumerable: true,
        writable: true,
        configurable: true,
      });
      r.additionalEventData = { [SVG]: [IMG, SCRIPT] };
    },
  ],
  [
    'bidi override in sessionIssuer userName',
    (r) => {
      // Reads as "admin-role" followed by a reversed "exe.gnp" → "png.exe".
      r.userIdentity.sessionContext.sessionIssuer.userName = `admin${RLO}gnp.exe`;
      r.userIdentity.arn = `arn:aws:sts::${ACCOUNT}:assumed-role/admin${RLO}gnp.exe/dev${RLO}fdp.exe`;
      r.userAgent = `aws-cli/2.13.0 ${RLO}evil\u202C`;
    },
  ],
  [
    'bidi isolates and embeddings in userName',
    (r) => {
      r.userIdentity = iamUser(`root\u2066\u2067\u2068x\u2069\u202A\u202B\u202D\u200E\u200F`);
    },
  ],
  [
    'zero-width characters in userName',
    (r) => {
      r.userIdentity = iamUser(`ad\u200Bmi\u200Cn\u200D\uFEFF\u2060`);
      r.requestParameters = { instanceId: `i-\u200B0123\u0000\u0007\u001b[31mred\u001b[0m\u0085` };
    },
  ],
  [
    'zero-width characters in sessionIssuer userName',
    (r) => {
      r.userIdentity.sessionContext.sessionIssuer.userName = `Org\u200BAdmin\u00AD\u061C\u180E`;
    },
  ],
  [
    '1 MB string',
    (r) => {
      const long = `${SCRIPT}${'A'.repeat(MEGABYTE)}${IMG}`;
      r.userAgent = long;
      r.requestParameters = { instanceId: 'i-0123456789abcdef0', policy: long };
    },
  ],
  [
    '10,000-deep nesting',
    (r) => {
      r.requestParameters = { instanceId: 'i-0123456789abcdef0', deep: '@DEEP_OBJECT@' };
      r.responseElements = { arr: '@DEEP_ARRAY@' };
    },
  ],
  [
    'formula =HYPERLINK',
    (r) => {
      const f = '=HYPERLINK("http://x","y")';
      r.eventName = f;
      r.userIdentity = iamUser(f);
      r.userAgent = f;
    },
  ],
  [
    'formula +cmd',
    (r) => {
      const f = "+cmd|' /C calc'!A0";
      r.eventName = f;
      r.userIdentity = iamUser(f);
      r.userAgent = f;
    },
  ],
  [
    'formula @SUM',
    (r) => {
      const f = '@SUM(1+1)';
      r.eventName = f;
      r.userIdentity = iamUser(f);
      r.userAgent = f;
    },
  ],
  [
    'formula -2+3',
    (r) => {
      const f = '-2+3';
      r.eventName = f;
      r.userIdentity = iamUser(f);
      r.userAgent = f;
    },
  ],
  [
    'formula after tab and CR',
    (r) => {
      r.eventName = '\t=1+1';
      r.userIdentity = iamUser('\r=1+1');
      r.userAgent = "=cmd|'/C calc'!A0";
    },
  ],
];

const records = variants.map(([label, edit], i) => {
  const r = clone();
  edit(r);
  const n = String(i + 1).padStart(12, '0');
  r.eventID = `00000000-0000-4000-8000-${n}`;
  r.requestID = `11111111-0000-4000-8000-${n}`;
  // One minute apart, oldest first, so the table's newest-first order is the reverse of this list.
  r.eventTime = new Date(Date.UTC(2026, 0, 15, 12, i)).toISOString().replace('.000Z', 'Z');
  r.hostileFixture = label;
  return r;
});

rmSync(out, { recursive: true, force: true });
const dir = join(out, `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/01/15`);
mkdirSync(dir, { recursive: true });
// gzip's header mtime is 0 in node:zlib, so the bytes are the same on every run.
writeFileSync(
  join(dir, `${ACCOUNT}_CloudTrail_us-east-1_20260115T1215Z_H0st1leInputXy9Z.json.gz`),
  gzipSync(
    JSON.stringify({ Records: records })
      .replace('"@DEEP_OBJECT@"', DEEP_OBJECT)
      .replace('"@DEEP_ARRAY@"', DEEP_ARRAY),
    { level: 9 },
  ),
);
// A file whose name hides its type behind a bidi override (reads "exported-logjson.txt"), holding one
// plain record a minute before the others: file paths are attacker-chosen text too.
const named = clone();
named.eventID = '00000000-0000-4000-8000-000000000016';
named.eventTime = '2026-01-15T11:59:00Z';
named.hostileFixture = 'file name with a bidi override';
writeFileSync(join(out, `AWSLogs/exported-${RLO}txt.json`), JSON.stringify({ Records: [named] }));
copyFileSync(join(SAMPLES, 'invictus-aws/LICENSE'), join(out, 'LICENSE-invictus-aws'));
console.log(`${records.length + 1} records written under ${out}`);
