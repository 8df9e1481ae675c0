import { CLOUDTRAIL_TABLE_COLUMNS } from '../cloudtrail/cloudTrailTable';
import { parseS3Key } from '../cloudtrail/parseS3Key';
import { sqlString } from './sqlText';

/** What the dropped log files' paths say about the trail's bucket layout (CloudTrail's S3 keys). */
export interface TrailLayout {
  /** The organisation folder (`o-…`) when every log file sits under the same one. */
  readonly orgId?: string;
  /** Accounts and Regions with log files, sorted. */
  readonly accounts: readonly string[];
  readonly regions: readonly string[];
  /** The first delivery day, `YYYY/MM/DD` (UTC), or undefined without a CloudTrail file name. */
  readonly firstDay?: string;
}

/**
 * The layout of the trail behind `paths` (as dropped): accounts, Regions, the organisation, the
 * first delivery day, from the file names (cloudtrail/parseS3Key). Only trail log files count.
 */
export function trailLayout(paths: readonly string[]): TrailLayout {
  const accounts = new Set<string>();
  const regions = new Set<string>();
  const orgs = new Set<string | undefined>();
  let first: string | undefined;
  for (const path of paths) {
    const key = parseS3Key(path);
    if (key?.kind !== 'log') continue;
    accounts.add(key.accountId);
    regions.add(key.region);
    // The folder between AWSLogs/ and the account folder, as the bucket has it (an organisation
    // trail's `o-…`), whether or not it is a well-formed organisation ID.
    const parts = path.split('/');
    const at = parts.lastIndexOf('AWSLogs');
    orgs.add(at >= 0 && parts[at + 2] === key.accountId ? parts[at + 1] : key.orgId);
    const day = key.deliveredAt.slice(0, 8);
    if (first === undefined || day < first) first = day;
  }
  const [org] = orgs;
  return {
    ...(orgs.size === 1 && org !== undefined ? { orgId: org } : {}),
    accounts: [...accounts].sort(),
    regions: [...regions].sort(),
    ...(first === undefined
      ? {}
      : { firstDay: `${first.slice(0, 4)}/${first.slice(4, 6)}/${first.slice(6)}` }),
  };
}

/** The partition of delivery days, as AWS's partition-projection example names it. */
export const DAY_PARTITION = 'timestamp';

/**
 * Athena's `CREATE EXTERNAL TABLE` for the trail's bucket: AWS's CloudTrail columns and SerDe, and
 * partition projection over account, Region and delivery day (`yyyy/MM/dd` from the first day
 * dropped until now), under the organisation's folder for an organisation trail, which the
 * console's "Create Athena table" cannot do. `bucket` is `s3://bucket[/prefix]`; accounts and
 * Regions are those of the dropped files (edit them to widen the table).
 * @see https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection-supported-types.html
 */
export function athenaTableDdl(layout: TrailLayout, table: string, bucket: string): string {
  const root = `${bucket.replace(/\/+$/, '')}/AWSLogs/${layout.orgId === undefined ? '' : `${layout.orgId}/`}`;
  const props: [string, string][] = [
    ['projection.enabled', 'true'],
    ['projection.account.type', 'enum'],
    ['projection.account.values', orDefault(layout.accounts, '111122223333')],
    ['projection.region.type', 'enum'],
    ['projection.region.values', orDefault(layout.regions, 'us-east-1')],
    [`projection.${DAY_PARTITION}.type`, 'date'],
    [`projection.${DAY_PARTITION}.format`, 'yyyy/MM/dd'],
    [`projection.${DAY_PARTITION}.interval`, '1'],
    [`projection.${DAY_PARTITION}.interval.unit`, 'DAYS'],
    [`projection.${DAY_PARTITION}.range`, `${layout.firstDay ?? '2020/01/01'},NOW`],
    ['storage.location.template', `${root}\${account}/CloudTrail/\${region}/\${${DAY_PARTITION}}`],
  ];
  const name = table
    .split('.')
    .map((p) => `\`${p.replaceAll('`', '``')}\``)
    .join('.');
  return [
    `CREATE EXTERNAL TABLE ${name} (`,
    CLOUDTRAIL_TABLE_COLUMNS.map(([c, t]) => `  ${c} ${t}`).join(',\n'),
    ')',
    `PARTITIONED BY (account STRING, region STRING, \`${DAY_PARTITION}\` STRING)`,
    "ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'",
    "STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'",
    "OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'",
    `LOCATION ${sqlString(root)}`,
    'TBLPROPERTIES (',
    props.map(([k, v]) => `  ${sqlString(k)}=${sqlString(v)}`).join(',\n'),
    ')',
  ].join('\n');
}

/** An enum projection's values, or a placeholder to edit when the drop had none. */
const orDefault = (values: readonly string[], placeholder: string) =>
  values.length === 0 ? placeholder : values.join(',');

/** A delivery day as the partition writes it, `YYYY/MM/DD`, of `ms` (UTC). */
function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '/');
}

/**
 * The partition predicate that scans only the delivery days a time range can be in (ms since
 * epoch, `to` exclusive): from the day of `from` (no event is delivered before it happens) to the
 * day after `to` (CloudTrail delivers within minutes, so an event late in a day may land the
 * next). Undefined for an open range.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/how-cloudtrail-works.html
 */
export function dayPredicate(from: number | undefined, to: number | undefined): string | undefined {
  const parts: string[] = [];
  if (from !== undefined) parts.push(`"${DAY_PARTITION}" >= ${sqlString(dayOf(from))}`);
  if (to !== undefined) parts.push(`"${DAY_PARTITION}" <= ${sqlString(dayOf(to + 86_400_000))}`);
  return parts.length === 0 ? undefined : parts.join(' AND ');
}
