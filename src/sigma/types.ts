/**
 * A Sigma rule as Cairn evaluates it: read from untrusted YAML by readSigmaRule, every part checked.
 * @see https://sigmahq.io/sigma-specification/specification/sigma-rules-specification.html
 */
export interface SigmaRule {
  readonly id: string;
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
