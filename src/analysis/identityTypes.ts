/**
 * The identity profile's shapes (identityProfile.ts). Times are ms since epoch. Every count of
 * events carries `q`, the query text that selects exactly those events over the whole case (no time
 * range), so the page can link it to the event table.
 */

/** How an identity value was resolved: which column it names (resolveIdentity.ts). */
export type IdentityKind = 'arn' | 'role' | 'principalId' | 'accessKeyId' | 'userName';

/** A number of events and the query that finds exactly them. */
export interface Counted {
  readonly count: number;
  readonly q: string;
}

/** One value the identity used (IP, user agent, Region, account, key): its events and time span. */
export interface ValueUse extends Counted {
  /** The value as logged ('' when the events carry none). */
  readonly value: string;
  /** Of `count`, the events with an errorCode, and their query. */
  readonly errors: number;
  readonly errorsQ: string;
  readonly first: number;
  readonly last: number;
  /** First used by this identity at or after the baseline, while it had events before it. */
  readonly isNew: boolean;
}

/** One API call (eventSource + eventName) split by outcome: success has no errorCode. */
export interface CallUse {
  readonly eventName: string;
  readonly total: Counted;
  readonly ok: Counted;
  readonly failed: Counted;
}

/** The calls of one service (eventSource), most used first. */
export interface ServiceUse {
  readonly eventSource: string;
  readonly total: Counted;
  readonly failed: number;
  readonly calls: readonly CallUse[];
}

/** An access key the identity signed with. AKIA… long-term, ASIA… temporary (STS). */
export interface KeyUse extends ValueUse {
  readonly kind: 'long-term' | 'temporary' | 'other';
}

/**
 * A session: one temporary key (ASIA…). `issuedAt` and `issuedBy` (the issuer's canonical
 * identity) come from the event that issued it, when the case holds it (index.issuedKeys).
 */
export interface SessionUse extends ValueUse {
  readonly issuedAt?: number;
  readonly issuedBy?: string;
  readonly issuedByEvent?: string;
}

/**
 * Another identity linked to this one. `identity` is its canonical name (userIdentity.arn, else
 * userName), to open its profile with; `events` counts the events that make the link (its
 * AssumeRole calls, or its events from the shared IPs or keys), `via` lists what is shared.
 */
export interface RelatedIdentity {
  readonly identity: string;
  readonly events: Counted;
  readonly via: readonly string[];
}

/** Related identities, each list most events first (ties by name). */
export interface IdentityRelations {
  /** Roles this identity assumed: the role ARN of its AssumeRole… calls, or of the sessions its keys started. */
  readonly rolesAssumed: readonly RelatedIdentity[];
  /** When this identity is a role (or one of its sessions): who assumed it. */
  readonly assumedBy: readonly RelatedIdentity[];
  /** Other identities that called from its source IPs (AWS service addresses left out). */
  readonly sharingIps: readonly RelatedIdentity[];
  /** Other identities that signed with its access keys. */
  readonly sharingKeys: readonly RelatedIdentity[];
  /** How many identities each list found; each list keeps its RELATED_LIMIT first. */
  readonly totals: {
    readonly rolesAssumed: number;
    readonly assumedBy: number;
    readonly sharingIps: number;
    readonly sharingKeys: number;
  };
}

/** One event of a persistence call, as the index holds it. */
export interface ProfileEvent {
  readonly row: number;
  readonly eventID: string;
  readonly time: number;
  readonly errorCode: string;
}

/** A persistence call (persistenceCalls.ts) the identity made, with its events (first 50). */
export interface PersistenceUse {
  readonly eventSource: string;
  readonly eventName: string;
  readonly total: Counted;
  readonly failed: number;
  readonly events: readonly ProfileEvent[];
}

/** A detection rule with active hits on the identity's events. */
export interface RuleUse {
  readonly ruleId: string;
  readonly title: string;
  readonly level: string;
  readonly hits: Counted;
}

/** Events per time bin, split by outcome (histogramOf), as plain arrays. */
export interface ProfileHistogram {
  readonly start: number;
  readonly step: number;
  readonly ok: readonly number[];
  readonly errors: readonly number[];
}

/** The whole profile of one identity value. Lists are sorted most events first. */
export interface IdentityProfile {
  /** The value as asked. */
  readonly value: string;
  /** What it resolved to; undefined when no column holds it (the profile is then empty). */
  readonly kind: IdentityKind | undefined;
  /** Every event of the identity. */
  readonly events: Counted;
  readonly errors: Counted;
  readonly firstSeen?: number;
  readonly lastSeen?: number;
  /** The baseline "new" is measured against (ms): as asked, else the middle of its activity. */
  readonly baseline?: number;
  readonly histogram?: ProfileHistogram;
  /** userIdentity.type values of its events. */
  readonly identityTypes: readonly ValueUse[];
  /** Its ARNs (a role: its sessions' ARNs; a user name: possibly several). */
  readonly arns: readonly ValueUse[];
  readonly services: readonly ServiceUse[];
  readonly regions: readonly ValueUse[];
  readonly accounts: readonly ValueUse[];
  readonly sourceIps: readonly ValueUse[];
  readonly userAgents: readonly ValueUse[];
  readonly accessKeys: readonly KeyUse[];
  readonly sessions: readonly SessionUse[];
  readonly related: IdentityRelations;
  readonly persistence: readonly PersistenceUse[];
  readonly detections: readonly RuleUse[];
  /** Worker time to compute it, ms. */
  readonly elapsedMs: number;
}
