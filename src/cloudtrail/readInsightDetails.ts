import { isObject, objectAt, stringAt } from '../lib/isObject';
import type { JsonObject } from '../lib/isObject';

/** One attribute value and its rate: API calls or errors per minute. */
export interface InsightAttributionValue {
  readonly value: string;
  /** Calls or errors per minute; undefined when the record has no readable number. */
  readonly average: number | undefined;
}

/**
 * The top contributors for one attribute (`userIdentityArn`, `userAgent`, `errorCode`, `resourceArn`),
 * during the insight and over the baseline, each sorted by average, highest first (as AWS writes them).
 * An `errorCode` value of the string `"null"` means "no error".
 */
export interface InsightAttribution {
  readonly attribute: string;
  readonly insight: readonly InsightAttributionValue[];
  readonly baseline: readonly InsightAttributionValue[];
}

/**
 * An Insights event's `insightDetails`, read from untrusted JSON. Strings are '' when absent; numbers
 * are undefined when absent or not numbers. Rates are per minute, durations in minutes.
 */
export interface InsightDetails {
  /** `Start` or `End` (kept verbatim if AWS adds another). */
  readonly state: string;
  /** The API with unusual activity: its service endpoint and action. */
  readonly eventSource: string;
  readonly eventName: string;
  /** `ApiCallRateInsight` or `ApiErrorRateInsight` (kept verbatim if AWS adds another). */
  readonly insightType: string;
  /** The error code an error-rate insight counts; '' for call-rate insights. */
  readonly errorCode: string;
  /** Links the Start and End records of one insight (top-level `sharedEventID`); '' if absent. */
  readonly sharedEventID: string;
  /** `baseline.average`: calls or errors per minute over the baseline period. */
  readonly baselineAverage: number | undefined;
  /**
   * `insight.average`: on a Start record, the rate at the start of the unusual activity; on an End
   * record, the average over the whole insight.
   */
  readonly insightAverage: number | undefined;
  /** Minutes from the start to the end of the unusual activity (as known when this record was written). */
  readonly insightDuration: number | undefined;
  /** Minutes of the baseline period, at least 10080 (7 days), ending when the insight starts. */
  readonly baselineDuration: number | undefined;
  readonly attributions: readonly InsightAttribution[];
}

/** AWS writes at most 5 values per list and 4 attributes; more is hostile input, cut to keep the pane small. */
const MAX_ATTRIBUTES = 8;
const MAX_VALUES = 10;

/**
 * True for a CloudTrail Insights record: `eventType` `AwsCloudTrailInsight`, `eventCategory`
 * `Insight`, or an `insightDetails` object (the docs' full example omits `eventCategory`).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-events.html
 */
export function isInsightRecord(record: unknown): boolean {
  return (
    stringAt(record, 'eventType') === 'AwsCloudTrailInsight' ||
    stringAt(record, 'eventCategory') === 'Insight' ||
    objectAt(record, 'insightDetails') !== undefined
  );
}

/**
 * The API an Insights record is about (`insightDetails.eventSource` / `eventName`, or the flattened
 * `insightEventSource` / `insightEventName` of CloudTrail Lake), since Insights records have no
 * top-level `eventSource` or `eventName`. Undefined for other records or when either is missing.
 * Cheap: one property read for a non-Insights record.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-lake.html
 */
export function insightApi(
  record: unknown,
): { readonly eventSource: string; readonly eventName: string } | undefined {
  const details = objectAt(record, 'insightDetails');
  const eventSource = stringAt(details, 'eventSource') ?? stringAt(record, 'insightEventSource');
  const eventName = stringAt(details, 'eventName') ?? stringAt(record, 'insightEventName');
  return eventSource === undefined || eventName === undefined
    ? undefined
    : { eventSource, eventName };
}

/**
 * Reads an Insights record's details: the trail shape (`insightDetails{state, eventSource, eventName,
 * insightType, errorCode, insightContext{statistics{baseline.average, insight.average, insightDuration,
 * baselineDuration}, attributions[]}}`) or CloudTrail Lake's flattened one (`insightState`,
 * `insightEventSource`, `insightEventName`, `insightErrorCode`, `insightType`,
 * `insightContext{baselineAverage, insightAverage, baselineDuration, insightDuration, attributions[]}`,
 * whose attributions may also carry the deprecated single `insightValue/insightAverage/baselineValue/
 * baselineAverage`). Averages written as strings or in exponent notation (`9.82222E-5`) are read as
 * numbers. Undefined when the record is not an Insights record. Never throws.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-lake.html
 */
export function readInsightDetails(record: unknown): InsightDetails | undefined {
  if (!isObject(record)) return undefined;
  const details = objectAt(record, 'insightDetails');
  if (details !== undefined) return readTrailShape(record, details);
  if (stringAt(record, 'insightState') !== undefined || isInsightRecord(record)) {
    return readLakeShape(record);
  }
  return undefined;
}

function readTrailShape(record: JsonObject, details: JsonObject): InsightDetails {
  const context = objectAt(details, 'insightContext');
  const statistics = objectAt(context, 'statistics');
  return {
    state: str(details, 'state'),
    eventSource: str(details, 'eventSource'),
    eventName: str(details, 'eventName'),
    insightType: str(details, 'insightType'),
    errorCode: str(details, 'errorCode'),
    sharedEventID: str(record, 'sharedEventID'),
    baselineAverage: num(objectAt(statistics, 'baseline'), 'average'),
    insightAverage: num(objectAt(statistics, 'insight'), 'average'),
    insightDuration: num(statistics, 'insightDuration'),
    baselineDuration: num(statistics, 'baselineDuration'),
    attributions: readAttributions(context),
  };
}

function readLakeShape(record: JsonObject): InsightDetails {
  const context = objectAt(record, 'insightContext');
  return {
    state: str(record, 'insightState'),
    eventSource: str(record, 'insightEventSource'),
    eventName: str(record, 'insightEventName'),
    insightType: str(record, 'insightType'),
    errorCode: str(record, 'insightErrorCode'),
    sharedEventID: str(record, 'sharedEventID'),
    baselineAverage: num(context, 'baselineAverage'),
    insightAverage: num(context, 'insightAverage'),
    insightDuration: num(context, 'insightDuration'),
    baselineDuration: num(context, 'baselineDuration'),
    attributions: readAttributions(context),
  };
}

function readAttributions(context: JsonObject | undefined): InsightAttribution[] {
  const list = context?.['attributions'];
  if (!Array.isArray(list)) return [];
  const out: InsightAttribution[] = [];
  for (const item of list) {
    if (out.length >= MAX_ATTRIBUTES) break;
    const attribute = stringAt(item, 'attribute');
    if (attribute === undefined || !isObject(item)) continue;
    out.push({
      attribute,
      insight: readValues(item, 'insight', 'insightValue', 'insightAverage'),
      baseline: readValues(item, 'baseline', 'baselineValue', 'baselineAverage'),
    });
  }
  return out;
}

// Lake's deprecated fields hold one top value; they are used only when the list is missing.
function readValues(
  item: JsonObject,
  listKey: string,
  valueKey: string,
  averageKey: string,
): InsightAttributionValue[] {
  const list = item[listKey];
  if (Array.isArray(list)) {
    const out: InsightAttributionValue[] = [];
    for (const entry of list) {
      if (out.length >= MAX_VALUES) break;
      const value = scalarText(isObject(entry) ? entry['value'] : undefined);
      if (value !== undefined) out.push({ value, average: num(entry, 'average') });
    }
    return out;
  }
  const value = scalarText(item[valueKey]);
  return value === undefined ? [] : [{ value, average: num(item, averageKey) }];
}

function str(value: unknown, key: string): string {
  return stringAt(value, key) ?? '';
}

// Values are strings in the docs; a number or boolean is shown as written rather than dropped.
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return undefined;
}

function num(value: unknown, key: string): number | undefined {
  if (!isObject(value)) return undefined;
  const v = value[key];
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) {
    return Number(v);
  }
  return undefined;
}
