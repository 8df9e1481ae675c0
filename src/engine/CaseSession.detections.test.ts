import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pack from 'virtual:sigma-pack';
import {
  countKeys,
  differences,
  plainScanMismatches,
  ruleMismatches,
  rowKeys,
  searchRows,
} from '../../test/detectionCompare';
import { fixtureInputs } from '../../test/fixtureFiles';
import { closeSessions, freshSession } from '../../test/sessions';
import { canonical, eventKey, sampleEvents, shippedRules } from '../../test/sigmaReference';
import type { JsonObject } from '../lib/isObject';
import type { FileReport } from '../db/types';
import type { CaseSession } from './CaseSession';

// The differential test of issue 16: every shipped rule's hits, computed by the engine on the index,
// equal eventID for eventID those of a reference evaluator written apart from src/sigma and
// src/detect (test/sigmaReference.ts), over every record of test/fixtures/samples/ read apart from
// the app's parsers.

const SAMPLES = new URL('../../test/fixtures/samples/', import.meta.url).pathname;

/** Distinct records (identical re-deliveries once), by their canonical text. */
const distinct = new Map(sampleEvents().map((r) => [canonical(r), r] as const));
/**
 * CloudTrail events carry their time (`eventTime`; `@timestamp` after Logstash, as in OTRF's JSON
 * lines); a file of one record with neither is not CloudTrail to Cairn, and the ingest reports it
 * skipped. The reference leaves out the same records, and the first test names them.
 */
const hasTime = (r: JsonObject) => typeof (r['eventTime'] ?? r['@timestamp']) === 'string';
const records = [...distinct.values()].filter(hasTime);
const timeless = [...distinct.values()].filter((r) => !hasTime(r));
const reference = shippedRules();
/** The reference's hits: rule id → the matched records. */
const expectedHits = new Map(reference.map((r) => [r.id, records.filter(r.test)] as const));

let engine: CaseSession;
let reports: FileReport[];
let keys: Map<number, string>;

beforeAll(async () => {
  engine = await freshSession();
  reports = await engine.dataset.ingest(fixtureInputs(SAMPLES, SAMPLES));
  await engine.settled();
  keys = await rowKeys(engine);
}, 120_000);
afterAll(closeSessions);

describe('detections over every sample, against a reference evaluator', () => {
  it('holds every distinct record of the samples, one row each', () => {
    // The one record without a time (nor an eventID): a Cloud Custodian test event.
    expect(timeless.map((r) => r['eventName'])).toEqual(['CreateModelCustomizationJob']);
    const custodian = reports.find((r) =>
      r.path.endsWith('bedrock-create-customization-jobs.json'),
    );
    expect(custodian).toMatchObject({ status: 'skipped', reason: /not CloudTrail/ });
    expect(records.length).toBeGreaterThan(3300);
    const expected = countKeys(records.map(eventKey));
    expect(differences(countKeys(keys.values()), expected)).toEqual([]);
  });

  it('hits, rule by rule, the events the reference matches', async () => {
    expect(pack.rules.map((r) => r.id).sort()).toEqual(reference.map((r) => r.id).sort());
    expect(await ruleMismatches(engine, reference, expectedHits, keys)).toEqual([]);
  });

  it('finds the same rows on the index as by a plain scan of every record', async () => {
    expect(await plainScanMismatches(engine)).toEqual([]);
  });

  it('fires exactly these rules on the samples, and lists them', async () => {
    const fired = reference.filter((r) => (expectedHits.get(r.id) ?? []).length > 0);
    expect(fired.map((r) => r.file)).toEqual([
      'aws_cloudtrail_bucket_deleted.yml',
      'aws_cloudtrail_console_login_success_without_mfa.yml',
      'aws_cloudtrail_disable_logging.yml',
      'aws_cloudtrail_new_route_added.yml',
      'aws_cloudtrail_security_group_change_ingress_egress.yml',
      'aws_cloudtrail_ssm_malicious_usage.yml',
      'aws_cloudtrail_vpc_flow_logs_deleted.yml',
      'aws_enum_buckets.yml',
      'aws_iam_backdoor_users_keys.yml',
      'aws_new_lambda_layer_attached.yml',
      'aws_root_account_usage.yml',
      'aws_snapshot_backup_exfiltration.yml',
      'aws_sts_assumerole_misuse.yml',
      'aws_update_login_profile.yml',
    ]);
    const hits = engine.detections.allHits();
    const firing = Object.keys(hits).filter((id) => (hits[id] ?? []).length > 0);
    expect(firing.sort()).toEqual(fired.map((r) => r.id).sort());
    // The Detections view lists every rule, and `rule:*` finds each event any rule matched once.
    const view = engine.detections.view();
    expect(view.rules).toHaveLength(reference.length);
    expect(view.rules.filter((r) => r.hits > 0)).toHaveLength(fired.length);
    const anyHit = new Set(fired.flatMap((r) => (expectedHits.get(r.id) ?? []).map(eventKey)));
    expect((await searchRows(engine, 'rule:*')).length).toBe(anyHit.size);
    expect(view.eventsMatched).toBe(anyHit.size);
  });
});
