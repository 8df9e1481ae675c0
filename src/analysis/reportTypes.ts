/**
 * One figure of the situation report: a value, how many events carry it, and the query text that
 * selects exactly those events (the report's filter AND the figure's own clauses), so the number
 * is a link whose match count equals `count` under the same time range.
 */
export interface ReportFigure {
  /** The value as logged ('' = none); log text, rendered as text only. */
  readonly value: string;
  /** Events, under the report's filter and time range. */
  readonly count: number;
  /** The query that finds exactly these events (printQuery of the filter plus the figure's clauses). */
  readonly q: string;
}

/** A figure naming an identity: `identity` is the value a profile link opens (`?identity=`), or '' for none. */
export interface IdentityFigure extends ReportFigure {
  readonly identity: string;
}

/**
 * A ranked list: the top figures, how many distinct values there are, and the AWS service
 * principals left out of it (values and their events) while the report excludes them.
 */
export interface TopList<F extends ReportFigure = ReportFigure> {
  readonly figures: readonly F[];
  readonly distinct: number;
  readonly excluded: { readonly values: number; readonly events: number };
}

/** A group of sensitive calls (trail tampering, IAM changes…): its total and each call present. */
export interface SensitiveGroup {
  readonly id: string;
  readonly label: string;
  readonly total: ReportFigure;
  /** Each call present, `value` its eventName, most events first. */
  readonly calls: readonly ReportFigure[];
}

/** The "new in the last part of the span" panel: the window and the values first seen in it. */
export interface NewInWindow {
  /** The window's start (ms since epoch); the window runs to the last event. */
  readonly from: number;
  readonly identities: readonly IdentityFigure[];
  readonly sourceIPs: readonly ReportFigure[];
}

/** Which last part of the span counts as "recent": the last 24 h, or the last 10 % of the span. */
export type RecentWindow = '24h' | '10pct';

/** What the report is asked for besides its rows. */
export interface ReportOptions {
  /** List AWS service principals in the top lists too (identities, source IPs, user agents). */
  readonly includeServices: boolean;
  readonly recent: RecentWindow;
  /** Entries per top list. */
  readonly limit: number;
}

/**
 * The situation report over the rows of a filter and time range. Every count is of events and
 * comes with its query (ReportFigure). Console login outcomes and detection hits are added by the
 * engine service (they need stored records and the rule hits).
 */
export interface SituationReport {
  /** Events in the report. */
  readonly events: number;
  /** Event time of the first and last event (ms since epoch); undefined without events. */
  readonly first: number | undefined;
  readonly last: number | undefined;
  /** recipientAccountId and awsRegion values, most events first. */
  readonly accounts: readonly ReportFigure[];
  readonly regions: readonly ReportFigure[];
  readonly identities: TopList<IdentityFigure>;
  readonly sourceIPs: TopList;
  readonly userAgents: TopList;
  /** Failed calls: all of them, and by errorCode. */
  readonly errors: ReportFigure;
  readonly errorCodes: readonly ReportFigure[];
  /** Access denied (ACCESS_DENIED_CODES): all of them, and by identity. */
  readonly accessDenied: ReportFigure;
  readonly deniedIdentities: readonly IdentityFigure[];
  /** ConsoleLogin events (the outcomes come from ReportService.logins). */
  readonly consoleLogins: ReportFigure;
  /** Events of identityType Root, and their calls by eventName. */
  readonly root: ReportFigure;
  readonly rootCalls: readonly ReportFigure[];
  readonly sensitive: readonly SensitiveGroup[];
  /** eventNames with at most RARE_MAX events, fewest first. */
  readonly rare: readonly ReportFigure[];
  readonly recent: NewInWindow | undefined;
}
