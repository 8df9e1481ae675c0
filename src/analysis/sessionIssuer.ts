import type { EventIndex } from '../index/EventIndex';
import type { SessionIssuer } from './sessionTypes';

/**
 * The event that issued temporary key `key` (index.issuedKeys: its
 * `responseElements.credentials.accessKeyId`), read from the index; undefined when that event is not
 * in the case (the chain goes on elsewhere).
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
export function sessionIssuer(index: EventIndex, key: string): SessionIssuer | undefined {
  const row = index.issuedKeys.get(key);
  if (row === undefined) return undefined;
  return {
    row,
    eventID: index.eventId(row),
    eventName: index.value('eventName', row),
    eventTime: index.time.data[row] ?? 0,
    arn: index.value('arn', row),
    userName: index.value('userName', row),
    identityType: index.value('identityType', row),
    accessKeyId: index.value('accessKeyId', row),
  };
}
