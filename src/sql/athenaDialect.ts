import { dayPredicate } from './athenaTable';
import { sqlIdentifier, sqlString } from './sqlText';
import { trinoDialect } from './trinoDialect';

/**
 * The columns of AWS's CloudTrail table for Athena (lower case, as Hive names them): plain strings,
 * JSON text columns, and structs.
 * @see https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html
 */
const STRINGS = [
  'eventVersion',
  'eventTime',
  'eventSource',
  'eventName',
  'awsRegion',
  'sourceIPAddress',
  'userAgent',
  'errorCode',
  'errorMessage',
  'requestID',
  'eventID',
  'eventType',
  'apiVersion',
  'readOnly',
  'recipientAccountId',
  'sharedEventID',
  'vpcEndpointId',
  'vpcEndpointAccountId',
  'eventCategory',
  'sessionCredentialFromConsole',
];
const JSON_TEXT = [
  'requestParameters',
  'responseElements',
  'additionalEventData',
  'serviceEventDetails',
  'edgeDeviceDetails',
];
const STRUCTS = ['userIdentity', 'resources', 'addendum', 'tlsDetails'];

const lowerOf = (names: readonly string[]) => new Map(names.map((n) => [n.toLowerCase(), n]));
const STRING_SET = lowerOf(STRINGS);
const JSON_SET = lowerOf(JSON_TEXT);
const STRUCT_SET = lowerOf(STRUCTS);

/** The fields of `userIdentity` the table declares (struct fields, lower case). */
const IDENTITY = new Set([
  'type',
  'principalid',
  'arn',
  'accountid',
  'invokedby',
  'accesskeyid',
  'username',
  'onbehalfof.userid',
  'onbehalfof.identitystorearn',
  'sessioncontext.sessionissuer.type',
  'sessioncontext.sessionissuer.principalid',
  'sessioncontext.sessionissuer.arn',
  'sessioncontext.sessionissuer.accountid',
  'sessioncontext.sessionissuer.username',
  'sessioncontext.attributes.mfaauthenticated',
  'sessioncontext.attributes.creationdate',
  'sessioncontext.sourceidentity',
  'sessioncontext.ec2roledelivery',
]);

/** An ISO 8601 UTC time with milliseconds, as a Trino literal. */
const iso = (ms: number) => sqlString(new Date(ms).toISOString());

/**
 * Athena (Trino) over AWS's CloudTrail table: one row per record of each delivered file, so the
 * events CTE folds identical re-deliveries (same values in every column) into one, as Cairn does;
 * `"$path"` is the S3 key a row came from.
 * @see https://docs.aws.amazon.com/athena/latest/ug/cloudtrail-logs.html
 * @see https://trino.io/docs/current/functions.html
 */
export const athenaDialect = trinoDialect({
  name: 'athena',
  get(path) {
    const [head = '', ...rest] = path;
    if (rest.length === 0 && STRING_SET.has(head.toLowerCase())) {
      return `coalesce(${head.toLowerCase()}, '')`;
    }
    const inner = rest.join('.').toLowerCase();
    if (head === 'userIdentity' && IDENTITY.has(inner))
      return `coalesce(useridentity.${inner}, '')`;
    if (JSON_SET.has(head.toLowerCase()) && rest.length > 0) {
      return `coalesce(json_extract_scalar(${head.toLowerCase()}, ${sqlString(`$.${rest.join('.')}`)}), '')`;
    }
    return undefined;
  },
  json(key) {
    const k = key.toLowerCase();
    if (JSON_SET.has(k)) return { text: k, lower: false };
    if (STRUCT_SET.has(k)) return { text: `json_format(CAST(${k} AS JSON))`, lower: true };
    return undefined;
  },
  hasIdentity: 'useridentity IS NOT NULL',
  resources: 'resources',
  readOnly: "coalesce(lower(readonly), '')",
  file: `substr("$path", strpos("$path", 'AWSLogs/'))`,
  time: 'from_iso8601_timestamp(eventtime)',
  timeLiteral: (ms) => `from_iso8601_timestamp(${iso(ms)})`,
  prelude(source, range) {
    const table = source.split('.').map(sqlIdentifier).join('.');
    const days = dayPredicate(range.from, range.to);
    return {
      with: [
        'WITH events AS (',
        '  SELECT *, row_number() OVER (',
        '    PARTITION BY eventid, eventtime, eventsource, eventname, requestid, sourceipaddress, useragent,',
        '      errorcode, errormessage, requestparameters, responseelements, additionaleventdata,',
        '      json_format(CAST(useridentity AS JSON)), json_format(CAST(resources AS JSON))',
        '    ORDER BY "$path") AS copy',
        `  FROM ${table}`,
        ...(days === undefined
          ? []
          : [
              '  -- Only the delivery days the time range can be in (the table Cairn writes projects them).',
              `  WHERE ${days}`,
            ]),
        ')',
      ].join('\n'),
      // An identical record delivered twice is one event (as in Cairn): its first copy.
      where: ['copy = 1'],
    };
  },
  eventColumns:
    'eventtime, eventsource, eventname, awsregion, sourceipaddress, useragent, errorcode, eventid, useridentity, requestparameters, responseelements, resources, "$path" AS s3_key',
  wholeText:
    "concat_ws(' ', eventsource, eventname, awsregion, sourceipaddress, useragent, errorcode, errormessage, eventid, requestparameters, responseelements, additionaleventdata, json_format(CAST(useridentity AS JSON)), json_format(CAST(resources AS JSON)))",
});
