/**
 * The columns of AWS's CloudTrail table for Athena, in its order, as Hive types (the CloudTrail
 * SerDe): each a top-level key of a record, lower-cased; nested ones are structs, or JSON text
 * (requestparameters and its kin). The Athena DDL (sql/athenaTable) and the Parquet export use them.
 * @see https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html
 */
export const CLOUDTRAIL_TABLE_COLUMNS: readonly (readonly [string, string])[] = [
  ['eventversion', 'STRING'],
  [
    'useridentity',
    'STRUCT<type: STRING, principalid: STRING, arn: STRING, accountid: STRING, invokedby: STRING, accesskeyid: STRING, username: STRING, onbehalfof: STRUCT<userid: STRING, identitystorearn: STRING>, sessioncontext: STRUCT<attributes: STRUCT<mfaauthenticated: STRING, creationdate: STRING>, sessionissuer: STRUCT<type: STRING, principalid: STRING, arn: STRING, accountid: STRING, username: STRING>, ec2roledelivery: STRING, webidfederationdata: STRUCT<federatedprovider: STRING, attributes: MAP<STRING, STRING>>>>',
  ],
  ['eventtime', 'STRING'],
  ['eventsource', 'STRING'],
  ['eventname', 'STRING'],
  ['awsregion', 'STRING'],
  ['sourceipaddress', 'STRING'],
  ['useragent', 'STRING'],
  ['errorcode', 'STRING'],
  ['errormessage', 'STRING'],
  ['requestparameters', 'STRING'],
  ['responseelements', 'STRING'],
  ['additionaleventdata', 'STRING'],
  ['requestid', 'STRING'],
  ['eventid', 'STRING'],
  ['readonly', 'STRING'],
  ['resources', 'ARRAY<STRUCT<arn: STRING, accountid: STRING, type: STRING>>'],
  ['eventtype', 'STRING'],
  ['apiversion', 'STRING'],
  ['recipientaccountid', 'STRING'],
  ['serviceeventdetails', 'STRING'],
  ['sharedeventid', 'STRING'],
  ['vpcendpointid', 'STRING'],
  ['vpcendpointaccountid', 'STRING'],
  ['eventcategory', 'STRING'],
  [
    'addendum',
    'STRUCT<reason: STRING, updatedfields: STRING, originalrequestid: STRING, originaleventid: STRING>',
  ],
  ['sessioncredentialfromconsole', 'STRING'],
  ['edgedevicedetails', 'STRING'],
  [
    'tlsdetails',
    'STRUCT<tlsversion: STRING, ciphersuite: STRING, clientprovidedhostheader: STRING>',
  ],
];
