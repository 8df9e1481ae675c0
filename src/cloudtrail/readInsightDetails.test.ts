import { describe, expect, it } from 'vitest';
import { insightFixtureRecords } from '../../test/insightFixture';
import { extractEventFields, isRecordProblem } from './extractEventFields';
import { insightApi, isInsightRecord, readInsightDetails } from './readInsightDetails';

const insights = insightFixtureRecords('/CloudTrail-Insight/');
const management = insightFixtureRecords('/CloudTrail/');

// The Start record of the AWS docs' "Insights events" example, as text: its averages are written in
// exponent notation (9.82222E-5) and it has no eventCategory.
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-events.html#cloudtrail-insights-events
const DOCS_START = `{
  "eventVersion": "1.08", "eventTime": "2023-07-10T01:42:00Z", "awsRegion": "us-east-1",
  "eventID": "55ed45c5-0b0c-4228-9fe5-EXAMPLEc3f4d", "eventType": "AwsCloudTrailInsight",
  "recipientAccountId": "123456789012", "sharedEventID": "979c82fe-14d4-4e4c-aa01-EXAMPLE3acee",
  "insightDetails": {
    "state": "Start", "eventSource": "autoscaling.amazonaws.com", "eventName": "CompleteLifecycleAction",
    "insightType": "ApiCallRateInsight",
    "insightContext": {
      "statistics": { "baseline": { "average": 9.82222E-5 }, "insight": { "average": 5.0 },
                      "insightDuration": 1, "baselineDuration": 10181 },
      "attributions": [
        { "attribute": "userIdentityArn",
          "insight": [{ "value": "arn:aws:sts::123456789012:assumed-role/CodeDeployRole1", "average": 5.0 },
                      { "value": "arn:aws:sts::123456789012:assumed-role/CodeDeployRole2", "average": 5.0 },
                      { "value": "arn:aws:sts::123456789012:assumed-role/CodeDeployRole3", "average": 5.0 }],
          "baseline": [{ "value": "arn:aws:sts::123456789012:assumed-role/CodeDeployRole1", "average": 9.82222E-5 }] },
        { "attribute": "userAgent",
          "insight": [{ "value": "codedeploy.amazonaws.com", "average": 5.0 }],
          "baseline": [{ "value": "codedeploy.amazonaws.com", "average": 9.82222E-5 }] },
        { "attribute": "errorCode",
          "insight": [{ "value": "null", "average": 5.0 }],
          "baseline": [{ "value": "null", "average": 9.82222E-5 }] }
      ]
    }
  }
}`;

const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
    value,
  );

describe('readInsightDetails on the fixture', () => {
  it('reads every Insights record, and each sharedEventID has one Start and one End', () => {
    expect(insights).toHaveLength(4);
    const states = new Map<string, string[]>();
    for (const record of insights) {
      const details = readInsightDetails(record);
      expect(details).toBeDefined();
      const id = details?.sharedEventID ?? '';
      expect(id).toBe(record['sharedEventID']);
      states.set(id, [...(states.get(id) ?? []), details?.state ?? ''].sort());
    }
    expect([...states.values()]).toEqual([
      ['End', 'Start'],
      ['End', 'Start'],
    ]);
  });

  it('reads statistics, type and attributions as written', () => {
    for (const record of insights) {
      const d = readInsightDetails(record);
      const raw = at(record, 'insightDetails');
      const stats = at(raw, 'insightContext', 'statistics');
      expect(d?.eventSource).toBe(at(raw, 'eventSource'));
      expect(d?.eventName).toBe(at(raw, 'eventName'));
      expect(d?.insightType).toBe(at(raw, 'insightType'));
      expect(d?.errorCode).toBe(at(raw, 'errorCode') ?? '');
      expect(d?.baselineAverage).toBe(at(stats, 'baseline', 'average'));
      expect(d?.insightAverage).toBe(at(stats, 'insight', 'average'));
      expect(d?.insightDuration).toBe(at(stats, 'insightDuration'));
      expect(d?.baselineDuration).toBe(at(stats, 'baselineDuration'));
      const attributions = at(raw, 'insightContext', 'attributions') as unknown[];
      expect(d?.attributions.map((a) => a.attribute)).toEqual(
        attributions.map((a) => at(a, 'attribute')),
      );
      d?.attributions.forEach((a, i) => {
        expect(a.insight).toEqual(at(attributions[i], 'insight'));
        expect(a.baseline).toEqual(at(attributions[i], 'baseline'));
      });
    }
  });

  it('gives the error code of an error-rate insight and none for a call-rate one', () => {
    const byType = (t: string) =>
      insights.map(readInsightDetails).filter((d) => d?.insightType === t);
    expect(byType('ApiErrorRateInsight').map((d) => d?.errorCode)).toEqual([
      'AccessDenied',
      'AccessDenied',
    ]);
    expect(byType('ApiCallRateInsight').map((d) => d?.errorCode)).toEqual(['', '']);
  });

  it('is undefined for management events', () => {
    expect(management.length).toBeGreaterThan(0);
    for (const record of management) {
      expect(readInsightDetails(record)).toBeUndefined();
      expect(isInsightRecord(record)).toBe(false);
      expect(insightApi(record)).toBeUndefined();
    }
  });
});

describe('readInsightDetails on other shapes', () => {
  it('reads the docs\' example, exponent-notation averages and the "null" error code included', () => {
    const d = readInsightDetails(JSON.parse(DOCS_START));
    expect(d?.state).toBe('Start');
    expect(d?.baselineAverage).toBe(0.0000982222);
    expect(d?.insightAverage).toBe(5);
    expect(d?.baselineDuration).toBe(10181);
    expect(d?.attributions.map((a) => [a.attribute, a.insight.length, a.baseline.length])).toEqual([
      ['userIdentityArn', 3, 1],
      ['userAgent', 1, 1],
      ['errorCode', 1, 1],
    ]);
    expect(d?.attributions[2]?.insight[0]).toEqual({ value: 'null', average: 5 });
  });

  it("reads CloudTrail Lake's flattened fields and the deprecated single-value attributions", () => {
    const d = readInsightDetails({
      eventTime: '2025-01-02T03:04:00Z',
      eventCategory: 'Insight',
      eventType: 'AwsCloudTrailInsight',
      sharedEventID: 'shared-1',
      insightState: 'End',
      insightEventSource: 'iam.amazonaws.com',
      insightEventName: 'DeleteInstanceProfile',
      insightErrorCode: 'AccessDeniedException',
      insightType: 'ApiErrorRateInsight',
      insightContext: {
        baselineAverage: '1.0E-4',
        insightAverage: 12,
        baselineDuration: 10080,
        insightDuration: 3,
        attributions: [
          {
            attribute: 'userAgent',
            insightValue: 'aws-cli/2',
            insightAverage: 12,
            baselineValue: 'console.amazonaws.com',
            baselineAverage: 0.0001,
          },
        ],
      },
    });
    expect(d).toMatchObject({
      state: 'End',
      eventSource: 'iam.amazonaws.com',
      eventName: 'DeleteInstanceProfile',
      errorCode: 'AccessDeniedException',
      insightType: 'ApiErrorRateInsight',
      sharedEventID: 'shared-1',
      baselineAverage: 0.0001,
      insightAverage: 12,
      insightDuration: 3,
    });
    expect(d?.attributions).toEqual([
      {
        attribute: 'userAgent',
        insight: [{ value: 'aws-cli/2', average: 12 }],
        baseline: [{ value: 'console.amazonaws.com', average: 0.0001 }],
      },
    ]);
  });

  it('never throws on hostile shapes and drops what it cannot read', () => {
    const hostile: unknown[] = [
      null,
      42,
      [],
      { insightDetails: null },
      { insightDetails: [] },
      { eventType: 'AwsCloudTrailInsight', insightContext: 'x' },
      {
        insightDetails: {
          state: 7,
          insightContext: {
            statistics: { baseline: { average: 'lots' }, insight: [], insightDuration: Infinity },
            attributions: [
              null,
              { attribute: 3 },
              { attribute: 'userAgent', insight: [null, 5, { value: {} }, { value: 'ua' }] },
            ],
          },
        },
      },
    ];
    for (const value of hostile) expect(() => readInsightDetails(value)).not.toThrow();
    const d = readInsightDetails(hostile[6]);
    expect(d?.state).toBe('');
    expect(d?.baselineAverage).toBeUndefined();
    expect(d?.insightDuration).toBeUndefined();
    expect(d?.attributions).toEqual([
      { attribute: 'userAgent', insight: [{ value: 'ua', average: undefined }], baseline: [] },
    ]);
    expect(readInsightDetails(null)).toBeUndefined();
    expect(readInsightDetails({ insightDetails: null })).toBeUndefined();
  });

  it('caps the attribution lists of hostile records', () => {
    const values = Array.from({ length: 500 }, (_, i) => ({ value: `v${i}`, average: i }));
    const d = readInsightDetails({
      insightDetails: {
        insightContext: {
          attributions: Array.from({ length: 100 }, () => ({
            attribute: 'userAgent',
            insight: values,
            baseline: values,
          })),
        },
      },
    });
    expect(d?.attributions.length).toBeLessThanOrEqual(8);
    expect(d?.attributions[0]?.insight.length).toBeLessThanOrEqual(10);
  });
});

describe('extractEventFields on Insights records', () => {
  it('indexes the API from insightDetails, with no user and category Insight', () => {
    for (const record of insights) {
      const fields = extractEventFields(record);
      if (isRecordProblem(fields)) throw new Error(fields.problem);
      expect(fields.eventSource).toBe(at(record, 'insightDetails', 'eventSource'));
      expect(fields.eventName).toBe(at(record, 'insightDetails', 'eventName'));
      expect(fields.eventCategory).toBe('Insight');
      expect(fields.eventType).toBe('AwsCloudTrailInsight');
      expect(fields.userName).toBe('');
      expect(fields.identityType).toBe('');
      expect(fields.errorCode).toBe('');
      expect(fields.resources).toEqual([]);
      expect(fields.eventTime).toBe(Date.parse(String(record['eventTime'])));
    }
  });

  it("gives the docs' example, which omits eventCategory, the category Insight", () => {
    const fields = extractEventFields(JSON.parse(DOCS_START));
    expect(isRecordProblem(fields) ? fields.problem : fields.eventCategory).toBe('Insight');
  });

  it('keeps management events as they are', () => {
    for (const record of management) {
      const fields = extractEventFields(record);
      if (isRecordProblem(fields)) throw new Error(fields.problem);
      expect(fields.eventName).toBe(record['eventName']);
      expect(fields.eventCategory).toBe('Management');
    }
  });
});
