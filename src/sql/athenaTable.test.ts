import { HiveSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';
import { fixtureInputs } from '../../test/fixtureFiles';
import { athenaTableDdl, dayPredicate, trailLayout } from './athenaTable';

/**
 * The columns of AWS's documented CloudTrail table, in order, as the Athena guide's partition
 * projection example declares them.
 * @see https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html
 */
const AWS_COLUMNS = [
  'eventversion',
  'useridentity',
  'eventtime',
  'eventsource',
  'eventname',
  'awsregion',
  'sourceipaddress',
  'useragent',
  'errorcode',
  'errormessage',
  'requestparameters',
  'responseelements',
  'additionaleventdata',
  'requestid',
  'eventid',
  'readonly',
  'resources',
  'eventtype',
  'apiversion',
  'recipientaccountid',
  'serviceeventdetails',
  'sharedeventid',
  'vpcendpointid',
  'vpcendpointaccountid',
  'eventcategory',
  'addendum',
  'sessioncredentialfromconsole',
  'edgedevicedetails',
  'tlsdetails',
];

describe('the Athena table for the bucket', () => {
  const paths = fixtureInputs().map((i) => i.path);

  it('reads accounts, Regions, the organisation and the first day from the dropped paths', () => {
    expect(trailLayout(paths)).toEqual({
      accounts: ['218007301253', '222222222222', '333333333333'],
      regions: ['us-east-1', 'us-west-2'],
      firstDay: '2023/07/10',
    });
    const org = paths.filter((p) => p.includes('/o-1234abcde/'));
    expect(trailLayout(org)).toMatchObject({ orgId: 'o-1234abcde', accounts: ['222222222222'] });
  });

  it('declares AWS’s columns, column for column, with projection under the organisation', () => {
    const layout = trailLayout(paths.filter((p) => p.includes('/o-1234abcde/')));
    const ddl = athenaTableDdl(layout, 'cloudtrail_org', 's3://trail-bucket/prefix/');
    const columns = (ddl.split('\n)\n')[0] ?? '')
      .split('\n')
      .slice(1)
      .map((line) => /^ {2}(\w+) /.exec(line)?.[1])
      .filter((c) => c !== undefined);
    expect(columns).toEqual(AWS_COLUMNS);
    expect(ddl).toContain("LOCATION 's3://trail-bucket/prefix/AWSLogs/o-1234abcde/'");
    expect(ddl).toContain(
      "'storage.location.template'='s3://trail-bucket/prefix/AWSLogs/o-1234abcde/${account}/CloudTrail/${region}/${timestamp}'",
    );
    expect(ddl).toContain("'projection.timestamp.range'='2025/03/06,NOW'");
    expect(ddl).toContain("'projection.account.values'='222222222222'");
    expect(new HiveSQL().validate(ddl)).toEqual([]);
  });

  it('scans only the delivery days a time range can be in', () => {
    expect(dayPredicate(Date.UTC(2023, 6, 10, 11), Date.UTC(2023, 6, 12))).toBe(
      `"timestamp" >= '2023/07/10' AND "timestamp" <= '2023/07/13'`,
    );
    expect(dayPredicate(undefined, undefined)).toBeUndefined();
  });
});
