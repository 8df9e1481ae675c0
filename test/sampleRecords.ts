import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { isObject } from '../src/lib/isObject';
import type { JsonObject } from '../src/lib/isObject';

// Real records, copied unchanged from their publishers, each folder with its LICENSE
// (test/fixtures/samples/README.md).
const SAMPLES = new URL('./fixtures/samples/', import.meta.url);

/** Sample files the unit tests read, relative to test/fixtures/samples/. */
export const SAMPLE = {
  custodian: 'cloud-custodian/cwe/',
  snitchOrg:
    'cloud-snitch/AWSLogs/o-1234abcde/222222222222/CloudTrail/us-east-1/2025/03/06/222222222222_CloudTrail_us-east-1_20250306T0230Z_QF6qcgyiaVnSueXa.json.gz',
  snitchAccount:
    'cloud-snitch/AWSLogs/333333333333/CloudTrail/us-east-1/2025/03/06/333333333333_CloudTrail_us-east-1_20250306T0320Z_ZgdYr0lP8M9fWEH8.json.gz',
  invictusSg:
    'invictus-aws/CloudTrail/218007301253_CloudTrail_us-east-1_20230710T1215Z_YMDRJwtmC82bUwAo.json',
  invictusTrail:
    'invictus-aws/CloudTrail/218007301253_CloudTrail_us-east-1_20230710T1205Z_SjF3IkuNXJkoHyar.json',
  stratusFederation: 'stratus-red-team/detonation-logs/aws.persistence.sts-federation-token.json',
  traildiscover: 'traildiscover/logExamples/',
} as const;

/** Every record in a sample file: `{"Records":[…]}`, a bare array, one event, or EventBridge-wrapped. */
export function recordsIn(path: string): JsonObject[] {
  const raw = readFileSync(new URL(path, SAMPLES));
  const parsed: unknown = JSON.parse((path.endsWith('.gz') ? gunzipSync(raw) : raw).toString());
  const out: JsonObject[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) visit(v);
    else if (isObject(value)) {
      if (Array.isArray(value['Records'])) visit(value['Records']);
      else if (isObject(value['detail'])) visit(value['detail']);
      else out.push(value);
    }
  };
  visit(parsed);
  return out;
}

/** One record of a sample file: the one with `eventID`, or the first. @throws when absent. */
export function record(path: string, eventID?: string): JsonObject {
  const all = recordsIn(path);
  const found = eventID === undefined ? all[0] : all.find((r) => r['eventID'] === eventID);
  if (found === undefined) throw new Error(`no record ${eventID ?? ''} in ${path}`);
  return found;
}
