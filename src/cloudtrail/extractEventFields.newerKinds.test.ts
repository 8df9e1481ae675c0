import { describe, expect, it } from 'vitest';
import { record, SAMPLE } from '../../test/sampleRecords';
import { extractEventFields, isRecordProblem } from './extractEventFields';
import { isCloudTrailRecord } from './shapes/isCloudTrailRecord';

const fields = (r: unknown) => {
  const f = extractEventFields(r);
  if (isRecordProblem(f)) throw new Error(f.problem);
  return f;
};

/** A real management event turned into the network activity record the docs show. */
const api = record(SAMPLE.invictusTrail);
const network = {
  eventVersion: '1.09',
  userIdentity: api['userIdentity'],
  eventTime: api['eventTime'],
  eventSource: api['eventSource'],
  eventName: api['eventName'],
  awsRegion: api['awsRegion'],
  sourceIPAddress: '10.0.12.34',
  eventID: api['eventID'],
  eventType: 'AwsVpceEvent',
  recipientAccountId: api['recipientAccountId'],
  vpcEndpointId: 'vpce-0e3f0a8c1b6b9b7a1',
  errorCode: 'VpceAccessDenied',
  eventCategory: 'NetworkActivity',
};

/** The docs' API_ACTIVITY aggregated event (cloudtrail-event-reference-aggregated-events). */
const aggregated = {
  eventVersion: '1.0',
  accountId: '111122223333',
  eventId: '62759c1a-6248-48e1-a6b3-d5fb7e6c4bc0',
  eventCategory: 'Aggregated',
  eventType: 'AwsAggregatedEvent',
  awsRegion: 'us-west-2',
  eventSource: 's3.amazonaws.com',
  timeWindow: {
    windowStart: '2025-11-17T19:20:00Z',
    windowEnd: '2025-11-17T19:25:00Z',
    windowSize: 'PT5M',
  },
  summary: {
    primaryDimension: {
      dimension: 'eventName',
      statistics: [{ name: 'PutObject', value: 1000 }],
      aggregationType: 'Count',
    },
    details: [],
  },
};

describe('extractEventFields: the newer record kinds', () => {
  it('indexes a network activity event (AwsVpceEvent, no readOnly or userAgent)', () => {
    expect(isCloudTrailRecord(network)).toBe(true);
    expect(fields(network)).toMatchObject({
      eventID: api['eventID'],
      eventType: 'AwsVpceEvent',
      eventCategory: 'NetworkActivity',
      errorCode: 'VpceAccessDenied',
      readOnly: '',
      userAgent: '',
    });
  });

  it('indexes an aggregated event by eventId, window start and its one eventName', () => {
    expect(isCloudTrailRecord(aggregated)).toBe(true);
    expect(fields(aggregated)).toMatchObject({
      eventID: '62759c1a-6248-48e1-a6b3-d5fb7e6c4bc0',
      eventTime: Date.UTC(2025, 10, 17, 19, 20),
      eventName: 'PutObject',
      eventSource: 's3.amazonaws.com',
      eventCategory: 'Aggregated',
      recipientAccountId: '111122223333',
    });
  });

  it('reads the window start written without a zone as UTC, and no eventName when not by eventName', () => {
    const byResource = {
      ...aggregated,
      timeWindow: { windowStart: '2025-10-30 23:45:00', windowEnd: '2025-10-30 23:50:00' },
      summary: { primaryDimension: { dimension: 'resourceARN', statistics: [] } },
    };
    expect(fields(byResource)).toMatchObject({
      eventTime: Date.UTC(2025, 9, 30, 23, 45),
      eventName: '',
    });
  });

  it('indexes an Insights record by the API in insightDetails', () => {
    const insight = {
      eventVersion: '1.08',
      eventTime: '2023-07-10T11:52:00Z',
      awsRegion: 'us-east-1',
      eventID: '1c8b4f8b-7c1e-4d3a-9a55-0f3d8a2e6b11',
      eventType: 'AwsCloudTrailInsight',
      sharedEventID: '12345678-1234-1234-1234-123456789012',
      insightDetails: {
        state: 'Start',
        eventSource: 'iam.amazonaws.com',
        eventName: 'ListRoles',
        insightType: 'ApiCallRateInsight',
      },
      eventCategory: 'Insight',
    };
    expect(isCloudTrailRecord(insight)).toBe(true);
    expect(fields(insight)).toMatchObject({
      eventSource: 'iam.amazonaws.com',
      eventName: 'ListRoles',
    });
  });

  it('reads eventTime from @timestamp where Logstash moved it (OTRF datasets)', () => {
    const { eventTime, ...rest } = api;
    const logstash = { ...rest, '@timestamp': '2023-07-10T12:00:05.000Z', '@version': '1' };
    expect(eventTime).toBeDefined();
    expect(isCloudTrailRecord(logstash)).toBe(true);
    expect(fields(logstash).eventTime).toBe(Date.UTC(2023, 6, 10, 12, 0, 5));
  });

  it('still fails a record with no time at all', () => {
    const rest = Object.fromEntries(Object.entries(api).filter(([k]) => k !== 'eventTime'));
    expect(extractEventFields(rest)).toEqual({ problem: 'a record has no eventTime' });
  });
});
