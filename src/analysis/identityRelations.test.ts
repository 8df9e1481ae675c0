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
});
