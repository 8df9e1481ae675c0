import { closeSessions, rowOf, freshSession } from '../../test/sessions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctRecords, fixtureInputs } from '../../test/fixtureFiles';
import type { CaseSession } from './CaseSession';

// Real stratus-red-team activity: an IAM user assumes roles, then acts with the temporary keys.
const inputs = fixtureInputs();
const records = [
  ...distinctRecords(inputs.map((i) => i.path).filter((p) => p.includes('/CloudTrail/'))).values(),
];
const keyOf = (r: Record<string, unknown>, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
    r,
  );
const issuers = new Map(
  records.flatMap((r) => {
    const k = keyOf(r, 'responseElements', 'credentials', 'accessKeyId');
    return typeof k === 'string' ? [[k, r] as const] : [];
  }),
);
// An event signed with a key that an IAM user's AssumeRole issued.
const signed = records.find((r) => {
  const issuer = issuers.get(String(keyOf(r, 'userIdentity', 'accessKeyId')));
  return issuer !== undefined && keyOf(issuer, 'userIdentity', 'type') === 'IAMUser';
});

let engine: CaseSession;
beforeAll(async () => {
  engine = await freshSession();
  await engine.dataset.ingest(inputs);
});
afterAll(closeSessions);

describe('credential chain', () => {
  it('traces a temporary key back to the AssumeRole that issued it and the user behind it', async () => {
    expect(signed).toBeDefined();
    const key = String(keyOf(signed ?? {}, 'userIdentity', 'accessKeyId'));
    const issuer = issuers.get(key) ?? {};
    const chain = await engine.events.credentialChain(
      await rowOf(engine, String(signed?.['eventID'])),
    );
    expect(chain?.signedWith).toBe(key);
    expect(chain?.links).toHaveLength(1);
    const link = chain?.links[0];
    expect(link?.eventID).toBe(issuer['eventID']);
    expect(link?.eventName).toBe('AssumeRole');
    expect(link?.issuedKey).toBe(key);
    expect(link?.identityType).toBe('IAMUser');
    expect(link?.accessKeyId).toBe(keyOf(issuer, 'userIdentity', 'accessKeyId'));
    expect(link?.roleArn).toBe(keyOf(issuer, 'requestParameters', 'roleArn'));
    expect(chain?.incomplete).toBe(false);
  });

  it('counts the events signed with the key an AssumeRole issued', async () => {
    const [key, issuer] =
      [...issuers].find(([k]) =>
        records.some((r) => keyOf(r, 'userIdentity', 'accessKeyId') === k),
      ) ?? [];
    const chain = await engine.events.credentialChain(
      await rowOf(engine, String(issuer?.['eventID'])),
    );
    expect(chain?.issued?.key).toBe(key);
    expect(chain?.issued?.signedEvents).toBe(
      records.filter((r) => keyOf(r, 'userIdentity', 'accessKeyId') === key).length,
    );
  });
});
