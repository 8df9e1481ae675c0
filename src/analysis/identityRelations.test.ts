import { describe, expect, it } from 'vitest';
import { indexOfEvents } from '../../test/indexOfEvents';
import type { EventFields } from '../cloudtrail/types';
import { identityProfile } from './identityProfile';
import { RELATED_LIMIT } from './identityRelations';

const ME = 'arn:aws:iam::111122223333:user/me';
const NAT = '198.51.100.7';

function event(i: number, arn: string, ip: string): EventFields {
  return {
    eventID: `id-${i}`,
    eventTime: Date.UTC(2026, 0, 1) + i * 1000,
    eventName: 'GetObject',
    eventSource: 's3.amazonaws.com',
    awsRegion: 'us-east-1',
    errorCode: '',
    sourceIPAddress: ip,
    userAgent: 'aws-cli/2',
    readOnly: 'true',
    recipientAccountId: '111122223333',
    eventCategory: 'Data',
    eventType: 'AwsApiCall',
    identityType: 'IAMUser',
    issuedAccessKeyId: '',
    userName: arn.split('/').at(-1) ?? '',
    accessKeyId: '',
    arn,
    principalId: '',
    resources: [],
  };
}

describe('identity relations', () => {
  it('keeps the identities sharing its IPs with most events, counts them all, and folds case', () => {
    const events: EventFields[] = [];
    for (let i = 0; i < 5; i++) events.push(event(events.length, ME, NAT));
    // 130 others behind the same NAT, other k with k + 1 events; other-80 also logged in upper case.
    for (let k = 0; k < 130; k++) {
      const arn = `arn:aws:iam::111122223333:user/other-${k}`;
      for (let n = 0; n <= k % 90; n++) events.push(event(events.length, arn, NAT));
    }
    events.push(event(events.length, 'arn:aws:iam::111122223333:user/OTHER-80', NAT));
    events.push(event(events.length, 'arn:aws:iam::111122223333:user/elsewhere', '192.0.2.1'));
    const index = indexOfEvents(events);
    const { related } = identityProfile(index, ME);

    // The plain answer: every other ARN (ignoring case) with its events from the NAT.
    const plain = new Map<string, { identity: string; count: number }>();
    for (const e of events) {
      if (e.arn.toLowerCase() === ME || e.sourceIPAddress !== NAT) continue;
      const seen = plain.get(e.arn.toLowerCase()) ?? { identity: e.arn, count: 0 };
      seen.count++;
      plain.set(e.arn.toLowerCase(), seen);
    }
    const expected = [...plain.values()]
      .sort((a, b) =>
        b.count !== a.count ? b.count - a.count : a.identity.localeCompare(b.identity),
      )
      .slice(0, RELATED_LIMIT);
    expect(related.totals.sharingIps).toBe(plain.size);
    expect(related.sharingIps.map((r) => [r.identity, r.events.count, r.via])).toEqual(
      expected.map((e) => [e.identity, e.count, [NAT]]),
    );
    expect(related.sharingIps.find((r) => /other-80$/i.test(r.identity))?.events.count).toBe(82);
    expect(related.totals.sharingKeys).toBe(0);
  });

  it('follows the session keys it issued to their roles, and a session back to its issuer', () => {
    const role = 'arn:aws:iam::111122223333:role/RoleX';
    const session = (name: string) => `arn:aws:sts::111122223333:assumed-role/RoleX/${name}`;
    // An issuing call that names no role in its resources: only the keys' sessions link it.
    const issue = (i: number, key: string): EventFields => ({
      ...event(i, ME, NAT),
      eventName: 'AssumeRole',
      eventSource: 'sts.amazonaws.com',
      issuedAccessKeyId: key,
    });
    const signed = (i: number, key: string, name: string): EventFields => ({
      ...event(i, session(name), '192.0.2.9'),
      identityType: 'AssumedRole',
      accessKeyId: key,
    });
    const events = [
      issue(0, 'ASIA1'),
      issue(1, 'ASIA2'),
      issue(2, 'ASIA3'),
      // Storage order: s2 (ASIA3) is used first; ASIA2 signs as s1 too, a session already met.
      signed(3, 'ASIA3', 's2'),
      signed(4, 'ASIA1', 's1'),
      signed(5, 'ASIA2', 's1'),
      signed(6, 'ASIA1', 's1'),
    ];
    const index = indexOfEvents(events);
    const mine = identityProfile(index, ME).related.rolesAssumed;
    // One role, through two distinct sessions: the issuers of ASIA3 (s2) and ASIA1 (s1).
    expect(mine.map((r) => [r.identity, r.via, r.events.count])).toEqual([[role, ['session'], 2]]);
    const theirs = identityProfile(index, session('s1')).related.assumedBy;
    // Its keys ASIA1 and ASIA2 were both issued by ME: one identity, counted once per issuing call.
    expect(theirs.map((r) => [r.identity, r.via, r.events.count])).toEqual([[ME, ['session'], 2]]);
  });
});
