/**
 * A Sigma rule as Cairn evaluates it: read from untrusted YAML by readSigmaRule, every part checked.
 * @see https://sigmahq.io/sigma-specification/specification/sigma-rules-specification.html
 */
export interface SigmaRule {
  readonly id: string;
  /**
   * The optional `name`: a human-readable handle that correlation rules may refer to instead of the id.
   * @see https://sigmahq.io/sigma-specification/specification/sigma-correlation-rules-specification.html
   */
  readonly name?: string;
  readonly title: string;
  /** The `author` field, kept verbatim: the Detection Rule License 1.1 asks every hit to show it. */
  readonly author: string;
  readonly status: string;
  readonly level: string;
  readonly description: string;
  readonly references: readonly string[];
  readonly tags: readonly string[];
  readonly falsepositives: readonly string[];
  /** Search identifiers (`selection`, `filter_main_x`…) in the order the rule lists them. */
  readonly selections: ReadonlyMap<string, Selection>;
  /** The `condition` text (one condition; a list of conditions is refused as unsupported). */
  readonly condition: string;
}

/**
 * A search identifier's body. `all` is a map (every field test must hold), `any` a list of maps (one
 * must), `keywords` a list of bare values searched for in the whole record.
 */
export type Selection =
  | { readonly kind: 'all'; readonly tests: readonly FieldTest[] }
  | { readonly kind: 'any'; readonly groups: readonly (readonly FieldTest[])[] }
  | { readonly kind: 'keywords'; readonly values: readonly SigmaValue[] };

/** A scalar value of a rule: `null` matches a missing (or null) field. */
export type SigmaValue = string | number | boolean | null;

/** The value modifiers Cairn evaluates. Any other is refused with its line. */
export type Modifier =
  | 'contains'
  | 'startswith'
  | 'endswith'
  | 'all'
  | 're'
  | 'i'
  | 'm'
  | 's'
  | 'fieldref'
  | 'exists'
  | 'cidr'
  | 'windash'
  | 'base64'
  | 'base64offset'
  | 'cased';

/**
 * One `field|modifier…: value(s)` test. `field` is a dotted path into the record (`userIdentity.arn`);
 * '' for a keyword-style test on the whole record. Several values are ORed, or ANDed with `all`.
 */
export interface FieldTest {
  readonly field: string;
  readonly modifiers: readonly Modifier[];
  readonly values: readonly SigmaValue[];
  /** 1-based line of the test's key in the rule file, for messages. */
  readonly line: number;
}

/** Why a rule file cannot be used, with the 1-based line of the construct (0: the whole file). */
export interface RuleProblem {
  readonly message: string;
  readonly line: number;
}

/** A rule file read: the rule, or every problem found (a rule is never half-applied). */
export type RuleReading =
  | { readonly ok: true; readonly rule: SigmaRule }
  | { readonly ok: false; readonly problems: readonly RuleProblem[] };

/**
 * A rule as the build stores it (scripts/sigmaPackPlugin.ts): a SigmaRule with its selections as
 * entries (JSON has no Map), and the file it came from, for the link the DRL 1.1 asks for.
 */
export interface PackedRule extends Omit<SigmaRule, 'selections'> {
  readonly selections: readonly (readonly [string, Selection])[];
  /** The rule's file name in the pack (`aws_cloudtrail_disable_logging.yml`). */
  readonly file: string;
}

/** The vendored rule pack as compiled at build time (`virtual:sigma-pack`). */
export interface RulePack {
  /** Where the rules come from: repository URL, commit, and folder inside it. */
  readonly repository: string;
  readonly commit: string;
  readonly path: string;
  readonly license: string;
  readonly rules: readonly PackedRule[];
}

/** The correlation types Cairn evaluates (value_sum, value_avg and value_percentile are refused). */
export type CorrelationType = 'event_count' | 'value_count' | 'temporal' | 'temporal_ordered';

/** A comparison of the condition: `gte: 100` is `{ op: 'gte', value: 100 }`. */
export interface CountComparison {
  readonly op: 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'neq';
  readonly value: number;
}

/**
 * A correlation's condition: every comparison must hold (`gt: 100` and `lte: 200` is a range).
 * What is counted: events (event_count), distinct values of `field` (value_count, `field` non-empty:
 * several fields count distinct combinations), distinct referenced rules (temporal; absent in the file
 * means all of them, written here as `gte: rules.length`). temporal_ordered always needs every rule in
 * order: its condition is `gte: rules.length`.
 */
export interface CorrelationCondition {
  readonly comparisons: readonly CountComparison[];
  /** value_count only: the dotted paths whose distinct values are counted; [] for other types. */
  readonly field: readonly string[];
}

/**
 * A Sigma correlation rule (Sigma v2), read by readSigmaFile from one document of a rule file.
 * References in `rules` are ids or names of base rules or other correlation rules, resolved when the
 * rule is evaluated (they may live in another file of the rule set).
 * @see https://sigmahq.io/sigma-specification/specification/sigma-correlation-rules-specification.html
 */
export interface CorrelationRule {
  readonly id: string;
  readonly name?: string;
  readonly title: string;
  readonly author: string;
  readonly status: string;
  readonly level: string;
  readonly description: string;
  readonly references: readonly string[];
  readonly tags: readonly string[];
  readonly falsepositives: readonly string[];
  readonly type: CorrelationType;
  /** The referenced rules' ids or names, in the file's order (the order temporal_ordered needs). */
  readonly rules: readonly string[];
  /** 1-based line of each reference in `rules`, for messages (a cycle, a missing rule). */
  readonly ruleLines: readonly number[];
  /**
   * The `group-by` fields in order: dotted paths into the record, or alias names. [] when absent
   * (every event is in one group).
   */
  readonly groupBy: readonly string[];
  /** The `timespan` in ms (`5m` is 300000). */
  readonly timespanMs: number;
  readonly condition: CorrelationCondition;
  /**
   * `aliases`: alias name → (reference in `rules` → the dotted path read from that rule's events).
   * Every alias names a path for every referenced rule.
   */
  readonly aliases: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/**
 * A rule file read (one or several YAML documents separated by `---`): its base rules and
 * correlation rules, or every problem found. The file is one unit: documents that build a
 * correlation together are refused together, never half-applied.
 */
export type SigmaFileReading =
  | {
      readonly ok: true;
      readonly rules: readonly SigmaRule[];
      readonly correlations: readonly CorrelationRule[];
    }
  | { readonly ok: false; readonly problems: readonly RuleProblem[] };

/**
 * One event a referenced rule matched, as evaluateCorrelation takes it: `row` a stable handle of the
 * event (the same event has the same row in every rule's hits), `timeMs` its time in ms since epoch,
 * `record` the parsed event (group-by and value_count fields are read from it).
 */
export interface CorrelationEvent {
  readonly row: number;
  readonly timeMs: number;
  readonly record: unknown;
}

/** One group (one combination of group-by values) for which the correlation's condition held. */
export interface CorrelationGroup {
  /** The group-by values in `groupBy` order; null where the event has no value. */
  readonly key: readonly (string | null)[];
  /** Rows of the events of every satisfying window of the group: sorted, each once. */
  readonly rows: readonly number[];
  /** Time of the first and the last of those events, ms since epoch. */
  readonly firstMs: number;
  readonly lastMs: number;
  /** The largest count (events, distinct values, or rules) among the satisfying windows. */
  readonly count: number;
}

/** A correlation evaluated: its groups (by firstMs, then key), and references no hits were given for. */
export interface CorrelationResult {
  readonly groups: readonly CorrelationGroup[];
  readonly unresolved: readonly string[];
}
