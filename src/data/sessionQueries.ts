import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { engineClient } from '../engine/engineClient';
import type { EngineClient } from '../engine/engineClient';
import type { SearchRequest } from '../search/types';
import { readKey } from './keys';

type Sessions = EngineClient['sessions'];
/** The session list under a filter, or why there is none (engine/SessionService.ts). */
export type SessionListAnswer = Awaited<ReturnType<Sessions['list']>>;
/** One session as the list shows it. */
export type SessionSummary = Extract<SessionListAnswer, { sessions: unknown }>['sessions'][number];
/** The order the list can take (analysis/sessionTypes.ts SESSION_SORTS). */
export type SessionSort = NonNullable<Parameters<Sessions['list']>[1]>;
/** A session told as a story (analysis/sessionStory.ts). */
export type SessionStory = NonNullable<Awaited<ReturnType<Sessions['story']>>>;
/** One event of a story; one node of its credential chain. */
export type StoryEvent = SessionStory['events'][number];
export type ChainNode = SessionStory['chain'];

/** The sessions among the events `request` matches, in `sort` order. */
export const sessionListQuery = (request: SearchRequest, sort: SessionSort) =>
  queryOptions({
    queryKey: readKey('sessions', 'list', request, sort),
    queryFn: async (): Promise<SessionListAnswer> => engineClient().sessions.list(request, sort),
  });

/** The session list; the previous answer stays while a new filter or order is counted. */
export function useSessionList(
  request: SearchRequest,
  sort: SessionSort,
): SessionListAnswer | undefined {
  return useQuery({ ...sessionListQuery(request, sort), placeholderData: keepPreviousData }).data;
}

/** The story of session `key` (a temporary access key). */
export const sessionStoryQuery = (key: string) =>
  queryOptions({
    queryKey: readKey('sessions', 'story', key),
    queryFn: async () => (await engineClient().sessions.story(key)) ?? null,
  });

/** The story of `key`: undefined while read, null when no event in the case carries the key. */
export function useSessionStory(key: string): SessionStory | null | undefined {
  return useQuery(sessionStoryQuery(key)).data;
}

/**
 * The story of `key` as Markdown, written by the engine: times in UTC and in the browser's zone,
 * `meanings` as (eventSource, eventName, one line of TrailDiscover).
 */
export function useSessionMarkdown(): (
  key: string,
  meanings: readonly (readonly [string, string, string])[],
) => Promise<string | undefined> {
  return useCallback(async (key, meanings) => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return engineClient().sessions.markdown(key, zone, meanings);
  }, []);
}
