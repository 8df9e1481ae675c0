import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { engineClient } from '../engine/engineClient';
import type { EngineClient } from '../engine/engineClient';
import type { SearchRequest } from '../search/types';
import { searchKey } from '../search/types';
import { readKey } from './keys';

type Report = EngineClient['report'];
/** The situation report's answer (engine/ReportService.ts ReportAnswer). */
export type ReportAnswer = Awaited<ReturnType<Report['report']>>;
/** The console logins by outcome (engine/ReportService.ts LoginAnswer). */
export type LoginAnswer = Awaited<ReturnType<Report['logins']>>;
/** What the report is asked for besides the filter (analysis/reportTypes.ts ReportOptions). */
export type ReportOptions = NonNullable<Parameters<Report['report']>[1]>;
/** A ready report's content. */
export type SituationReportData = Extract<ReportAnswer, { state: 'ready' }>;

/**
 * The situation report of `request`. `version` is the search result's version (resultVersion): a
 * filter that needs a record scan answers `pending` until its result is complete, and the new
 * version then asks again. The previous report stays on screen while the next one is computed.
 */
export const reportQuery = (request: SearchRequest, version: string, options: ReportOptions) =>
  queryOptions({
    queryKey: readKey('report', 'report', searchKey(request), version, options),
    queryFn: async (): Promise<ReportAnswer> => engineClient().report.report(request, options),
  });

/** The console logins of `request` by outcome: records read back once, then kept by the engine. */
export const loginsQuery = (request: SearchRequest, version: string) =>
  queryOptions({
    queryKey: readKey('report', 'logins', searchKey(request), version),
    queryFn: async (): Promise<LoginAnswer> => engineClient().report.logins(request),
  });

/** The situation report for the view; undefined until the first answer. */
export function useSituationReport(
  request: SearchRequest,
  version: string,
  options: ReportOptions,
): ReportAnswer | undefined {
  return useQuery({ ...reportQuery(request, version, options), placeholderData: keepPreviousData })
    .data;
}

/** The console login outcomes for the view; undefined while they are read back. */
export function useReportLogins(request: SearchRequest, version: string): LoginAnswer | undefined {
  return useQuery(loginsQuery(request, version)).data;
}
