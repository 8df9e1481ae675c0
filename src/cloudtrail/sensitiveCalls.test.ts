import { describe, expect, it } from 'vitest';
import { readCallMeanings } from './callMeanings';
import { sensitiveCalls } from './sensitiveCalls';

function meaning(
  eventSource: string,
  eventName: string,
  tactics: readonly string[],
  incidents: number,
) {
  return {
    eventSource,
    eventName,
    description: `${eventName} does something.`,
    tactics,
    techniques: ['T1562 - Impair Defenses'],
    incidents: Array.from({ length: incidents }, (_, i) => ({
      title: `incident ${i}`,
      link: `https://example.com/${i}`,
    })),
    research: [],
    page: `https://traildiscover.cloud/#X-${eventName}`,
  };
}

const meanings = readCallMeanings([
  meaning('cloudtrail.amazonaws.com', 'StopLogging', ['TA0005 - Defense Evasion'], 2),
  meaning('cloudtrail.amazonaws.com', 'DeleteTrail', ['TA0005 - Defense Evasion'], 0),
  meaning(
    'iam.amazonaws.com',
    'CreateUser',
    ['TA0003 - Persistence', 'TA0004 - Privilege Escalation'],
    0,
  ),
  meaning('s3.amazonaws.com', 'ListBuckets', ['TA0007 - Discovery'], 0),
  meaning('ec2.amazonaws.com', 'DescribeRegions', [], 0),
]);

describe('sensitiveCalls', () => {
  it('lists the described calls present, most tactics, then incidents, then events first', () => {
    const calls = sensitiveCalls(meanings, [
      { eventSource: 's3.amazonaws.com', eventName: 'ListBuckets', count: 900 },
      { eventSource: 'cloudtrail.amazonaws.com', eventName: 'DeleteTrail', count: 1 },
      { eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', count: 1 },
      { eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', count: 3 },
      { eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity', count: 50 },
    ]);
    expect(calls.map((c) => [c.eventName, c.count, c.incidents])).toEqual([
      ['CreateUser', 3, 0],
      ['StopLogging', 1, 2],
      ['ListBuckets', 900, 0],
      ['DeleteTrail', 1, 0],
    ]);
    expect(calls[0]?.tactics.map((t) => t.id)).toEqual(['TA0003', 'TA0004']);
    expect(calls[0]?.techniques).toEqual([{ id: 'T1562', name: 'Impair Defenses' }]);
  });

  it('leaves out calls with no tactic, none present, or of another eventSource', () => {
    const calls = sensitiveCalls(meanings, [
      { eventSource: 'ec2.amazonaws.com', eventName: 'DescribeRegions', count: 10 },
      { eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', count: 0 },
      { eventSource: 'sso-directory.amazonaws.com', eventName: 'CreateUser', count: 4 },
    ]);
    expect(calls).toEqual([]);
  });

  it('adds up the counts of a call listed twice', () => {
    const calls = sensitiveCalls(meanings, [
      { eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', count: 2 },
      { eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', count: 5 },
    ]);
    expect(calls.map((c) => c.count)).toEqual([7]);
  });
});
