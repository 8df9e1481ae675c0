import { sqlString } from './sqlText';
import { trinoDialect } from './trinoDialect';

/** A CloudTrail Lake time literal: `YYYY-MM-DD HH:MM:SS.sss`, UTC. */
const lakeTime = (ms: number) =>
  sqlString(new Date(ms).toISOString().replace('T', ' ').replace('Z', ''));

/** The map columns of a Lake event (string keys, values as text or JSON text). */
const MAPS = new Set(['requestParameters', 'responseElements', 'additionalEventData']);

/**
 * CloudTrail Lake (Trino SQL) over one event data store, `FROM <event data store ID>`. Fields keep
 * CloudTrail's names; requestParameters and its kin are maps whose nested values are JSON text.
 * The store holds each event once, so nothing is folded.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-limitations.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-event-data-store-cloudtrail.html
 */
export const lakeDialect = trinoDialect({
  name: 'lake',
  get(path) {
    const [head = '', ...rest] = path;
    if (MAPS.has(head)) {
      if (rest.length === 0) return undefined;
      const [key = '', ...deeper] = rest;
      const at = `element_at(${head}, ${sqlString(key)})`;
      return deeper.length === 0
        ? `coalesce(${at}, '')`
        : `coalesce(json_extract_scalar(${at}, ${sqlString(`$.${deeper.join('.')}`)}), '')`;
    }
    return `coalesce(CAST(${path.join('.')} AS VARCHAR), '')`;
  },
  json(key) {
    if (MAPS.has(key)) return { text: `json_format(CAST(${key} AS JSON))`, lower: false };
    if (key === 'userIdentity' || key === 'resources' || key === 'tlsDetails') {
      return { text: `json_format(CAST(${key} AS JSON))`, lower: false };
    }
    return undefined;
  },
  hasIdentity: 'userIdentity IS NOT NULL',
  resources: 'resources',
  readOnly: "coalesce(CAST(readOnly AS VARCHAR), '')",
  file: undefined,
  time: 'eventTime',
  timeLiteral: lakeTime,
  prelude(source) {
    const id = /^[A-Za-z0-9-]+$/.test(source) ? source : 'EVENT_DATA_STORE_ID';
    return { with: `WITH events AS (SELECT * FROM ${id})`, where: [] };
  },
  eventColumns:
    'eventTime, eventSource, eventName, awsRegion, sourceIPAddress, userAgent, errorCode, eventID, userIdentity, requestParameters, responseElements, resources',
  wholeText:
    "concat_ws(' ', eventSource, eventName, awsRegion, sourceIPAddress, userAgent, errorCode, errorMessage, eventID, json_format(CAST(requestParameters AS JSON)), json_format(CAST(responseElements AS JSON)), json_format(CAST(additionalEventData AS JSON)), json_format(CAST(userIdentity AS JSON)), json_format(CAST(resources AS JSON)))",
});
