import { plainSessionScan } from '../analysis/plainSessionScan';
import { sessionList } from '../analysis/sessionList';
import { sessionMarkdown } from '../analysis/sessionMarkdown';
import { sessionStory } from '../analysis/sessionStory';
import type { SessionStory } from '../analysis/sessionStory';
import type { SessionList, SessionSort } from '../analysis/sessionTypes';
import type { SearchRequest } from '../search/types';
import type { CaseParts } from './CaseParts';
import type { SearchService } from './SearchService';

/** The session list's answer, or why there is none (the filter does not parse). */
export type SessionListAnswer = SessionList | { readonly error: string };

/**
 * The Sessions view's reads (analysis/sessionTypes.ts says what a session is): the sessions under
 * a filter, one session's story, and the story as Markdown. Index only; the bench's plain scan
 * reads records back for comparison.
 */
export class SessionService {
  private readonly parts: CaseParts;
  private readonly search: SearchService;

  constructor(parts: CaseParts, search: SearchService) {
    this.parts = parts;
    this.search = search;
  }

  /**
   * The sessions among the events `request` matches (query and time range), sorted by `sort`
   * (descending), at most `limit`. Runs the search first when it needs a record scan; `elapsedMs`
   * times the grouping alone.
   */
  async list(
    request: SearchRequest,
    sort: SessionSort = 'start',
    limit = 1000,
  ): Promise<SessionListAnswer> {
    const rows = await this.rowsOf(request);
    if (typeof rows === 'string') return { error: rows };
    return sessionList(this.parts.index, rows, sort, limit);
  }

  /** The story of session `key` (a temporary access key); undefined when no event carries it. */
  story(key: string): SessionStory | undefined {
    const { index, notes, hits } = this.parts;
    return sessionStory(index, key, {
      annotation: (row) => notes.of(row).annotation,
      rules: (row) => hits.rulesOf(row),
    });
  }

  /**
   * The story of `key` as Markdown (analysis/sessionMarkdown), times also in `timeZone` (IANA
   * name), with `meanings` (eventSource, eventName, one-line description) from TrailDiscover.
   */
  markdown(
    key: string,
    timeZone: string,
    meanings: readonly (readonly [string, string, string])[],
  ): string | undefined {
    const story = this.story(key);
    if (story === undefined) return undefined;
    const notes = new Map(meanings.map(([source, name, text]) => [`${source}\n${name}`, text]));
    return sessionMarkdown(story, timeZone, notes);
  }

  /** The bench's reference: the same rows grouped by reading each record back (plainSessionScan). */
  async plainScan(
    request: SearchRequest,
  ): Promise<{ ms: number; records: number; sessions: number }> {
    const rows = await this.rowsOf(request);
    if (typeof rows === 'string') throw new Error(rows);
    const all = rows ?? Uint32Array.from({ length: this.parts.index.size }, (_, i) => i);
    return plainSessionScan(this.parts.index, this.parts.reader, all);
  }

  /** The rows `request` matches (undefined: every row), or why the search failed. */
  private async rowsOf(request: SearchRequest): Promise<Uint32Array | undefined | string> {
    if (request.q.trim() === '' && request.from === undefined && request.to === undefined) {
      return undefined;
    }
    // The table runs the same request: its result is held, so this is usually a lookup.
    const status = await this.search.run(request);
    if (status.error !== undefined) return status.error.message;
    return this.search.resultRows(request) ?? 'The search did not finish';
  }
}
