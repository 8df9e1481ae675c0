/**
 * Shapes of the Sessions view's answers (sessionList, sessionStory). A **session** is one temporary
 * access key (`userIdentity.accessKeyId` starting `ASIA`): every event signed with it, and the event
 * that issued it (`responseElements.credentials.accessKeyId` of AssumeRole, GetSessionToken,
 * GetFederationToken…, held in `index.issuedKeys`). Long-term keys (`AKIA…`) and events without a key
 * are not sessions. Times are ms since epoch.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
 */

/** How the session list can be ordered (always descending: newest, longest, most first). */
export const SESSION_SORTS = ['start', 'duration', 'events', 'errors', 'ips', 'regions'] as const;
export type SessionSort = (typeof SESSION_SORTS)[number];

/** The event that issued a temporary key, read from the index. */
export interface SessionIssuer {
  readonly row: number;
  readonly eventID: string;
  /** AssumeRole, GetSessionToken, GetFederationToken, AssumeRoleWithSAML… */
  readonly eventName: string;
  readonly eventTime: number;
  /** The identity that made the call: its userIdentity.arn ('' when absent) and userName. */
  readonly arn: string;
  readonly userName: string;
  readonly identityType: string;
  /** The key that signed the issuing call ('' when none, as for AssumeRoleWithSAML). */
  readonly accessKeyId: string;
}

/** A value and how many of the session's events carry it. */
export interface ValueCount {
  readonly value: string;
  readonly events: number;
}

/** One session under a filter: its figures count only the events the filter matched. */
export interface SessionSummary {
  /** The temporary access key (ASIA…): the session's id (URL `session`). */
  readonly key: string;
  /** Earliest and latest event time, and their difference (ms). */
  readonly start: number;
  readonly end: number;
  readonly durationMs: number;
  /** userIdentity.arn, userName, userIdentity.type and recipientAccountId of its first event. */
  readonly arn: string;
  readonly userName: string;
  readonly identityType: string;
  readonly account: string;
  readonly events: number;
  /** Events with an errorCode. */
  readonly errors: number;
  /** Distinct source IP addresses, and the most frequent few with their counts. */
  readonly ips: number;
  readonly topIps: readonly ValueCount[];
  /** Every Region it called, most events first. */
  readonly regions: readonly ValueCount[];
  /** The event that issued the key, when it is in the case. */
  readonly issuer?: SessionIssuer;
}

/** The session list's answer. */
export interface SessionList {
  /** At most `limit` sessions, in `sort` order. */
  readonly sessions: readonly SessionSummary[];
  /** Every session under the filter (may exceed `sessions.length`). */
  readonly total: number;
  /** Events signed with a temporary key under the filter, and the rows the filter matched. */
  readonly sessionEvents: number;
  readonly rows: number;
  readonly elapsedMs: number;
}
