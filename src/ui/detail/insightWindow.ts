import type { InsightDetails } from '../../cloudtrail/readInsightDetails';

/**
 * The time an insight's unusual activity covers, ms since epoch, `to` exclusive (the End record's
 * eventTime is the minute the activity stopped). `known` says where it comes from: both records, or
 * one record and its `insightDuration` (on a Start record, the duration as known when it was written).
 */
export interface InsightWindow {
  readonly from: number;
  readonly to: number;
  readonly known: 'pair' | 'end' | 'start';
}

/**
 * The window of the insight a record belongs to: from its Start record's eventTime to its End
 * record's, when both are present (`partnerTimes`: the eventTimes of the records sharing its
 * `sharedEventID`); else the End record's time minus `insightDuration` minutes, or the Start record's
 * time plus it. Undefined when neither works.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html
 */
export function insightWindow(
  details: InsightDetails,
  eventTime: number,
  partnerTimes: readonly number[],
): InsightWindow | undefined {
  const times = [eventTime, ...partnerTimes];
  const from = Math.min(...times);
  const to = Math.max(...times);
  if (to > from) return { from, to, known: 'pair' };
  const minutes = details.insightDuration;
  if (minutes === undefined || minutes <= 0) return undefined;
  if (details.state === 'End')
    return { from: eventTime - minutes * 60_000, to: eventTime, known: 'end' };
  if (details.state === 'Start') {
    return { from: eventTime, to: eventTime + minutes * 60_000, known: 'start' };
  }
  return undefined;
}
