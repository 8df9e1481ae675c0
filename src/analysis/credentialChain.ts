import { STRING_FIELDS } from '../cloudtrail/types';
import { objectAt, stringAt } from '../lib/isObject';
import type { EventIndex } from '../index/EventIndex';
import type { RecordReader } from '../db/RecordReader';
import type { CredentialChain, CredentialLink } from './types';

const KEY_FIELD = STRING_FIELDS.indexOf('accessKeyId');
/** Chains longer than this are cut: real ones are a few hops (role chaining is capped at 1 h sessions). */
const MAX_LINKS = 12;

/**
 * Follows the temporary access key that signed `row` back to the event that issued it (its
 * `responseElements.credentials.accessKeyId`), then that event's own key, and so on: who really did
 * this. Works across accounts, since access key IDs are global. Also reports the key `row` itself
 * issued and how many events were signed with it.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 */
export async function credentialChain(
  index: EventIndex,
  reader: RecordReader,
  row: number,
): Promise<CredentialChain> {
  const links: CredentialLink[] = [];
  const seen = new Set<number>([row]);
  let key = index.value('accessKeyId', row);
  const signedWith = key;
  for (let issuer = index.issuedKeys.get(key); issuer !== undefined && links.length < MAX_LINKS;) {
    if (seen.has(issuer)) break;
    seen.add(issuer);
    links.push(await linkOf(index, reader, issuer, key));
    key = index.value('accessKeyId', issuer);
    issuer = key === '' ? undefined : index.issuedKeys.get(key);
  }
  const record = await readRecord(index, reader, row);
  const sourceIdentity = stringAt(
    objectAt(objectAt(record, 'userIdentity'), 'sessionContext'),
    'sourceIdentity',
  );
  const issuedKey = stringAt(
    objectAt(objectAt(record, 'responseElements'), 'credentials'),
    'accessKeyId',
  );
  return {
    signedWith,
    links,
    // A temporary key (ASIA…) whose issuing event is not in the dataset: the chain goes on elsewhere.
    incomplete: key.startsWith('ASIA') && !index.issuedKeys.has(key),
    ...(sourceIdentity === undefined ? {} : { sourceIdentity }),
    ...(issuedKey === undefined
      ? {}
      : { issued: { key: issuedKey, signedEvents: countSigned(index, issuedKey) } }),
  };
}

async function linkOf(
  index: EventIndex,
  reader: RecordReader,
  row: number,
  issuedKey: string,
): Promise<CredentialLink> {
  const record = await readRecord(index, reader, row);
  const params = objectAt(record, 'requestParameters');
  const identity = objectAt(record, 'userIdentity');
  const optional = (name: string, value: string | undefined) =>
    value === undefined || value === '' ? {} : { [name]: value };
  return {
    row,
    eventID: index.eventId(row),
    eventTime: index.time.data[row] ?? 0,
    eventName: index.value('eventName', row),
    issuedKey,
    userName: index.value('userName', row),
    identityType: index.value('identityType', row),
    accessKeyId: index.value('accessKeyId', row),
    recipientAccountId: index.value('recipientAccountId', row),
    ...optional('arn', stringAt(identity, 'arn')),
    ...optional('roleArn', stringAt(params, 'roleArn')),
    ...optional('roleSessionName', stringAt(params, 'roleSessionName')),
    ...optional('sourceIdentity', stringAt(params, 'sourceIdentity')),
  };
}

async function readRecord(index: EventIndex, reader: RecordReader, row: number): Promise<unknown> {
  try {
    return await reader.record(index.fileId.data[row] ?? 0, index.recordIndex.data[row] ?? 0);
  } catch {
    return undefined;
  }
}

function countSigned(index: EventIndex, key: string): number {
  const code = index.dicts[KEY_FIELD]?.find(key) ?? -1;
  if (code < 0) return 0;
  const codes = index.cols[KEY_FIELD]?.data ?? new Uint32Array(0);
  let n = 0;
  for (let row = 0; row < index.size; row++) if (codes[row] === code) n++;
  return n;
}
