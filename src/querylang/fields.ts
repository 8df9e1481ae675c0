import type { StringField } from '../cloudtrail/types';

/**
 * Where a query field's values come from: an indexed column of the event index (fast), the
 * resources of the event, its eventID, or any other JSON path read from the stored record (slow).
 */
export type FieldSource =
  | { readonly kind: 'column'; readonly column: StringField }
  | { readonly kind: 'resourceType' }
  | { readonly kind: 'resourceName' }
  | { readonly kind: 'eventID' }
  | { readonly kind: 'file' }
  | { readonly kind: 'annotation'; readonly field: AnnotationField }
  | { readonly kind: 'detection'; readonly field: DetectionField }
  | { readonly kind: 'saved' }
  | { readonly kind: 'ipOrigin'; readonly field: IpOriginField }
  | { readonly kind: 'path'; readonly path: readonly string[] };

/** What an IP origin field asks of the source IP: its country, ASN or AS organisation. */
export type IpOriginField = 'country' | 'asn' | 'org';

/**
 * The fields of where the source IP comes from (iporigin/, bundled or the user's databases), answered
 * per sourceIPAddress dictionary code: `sourceIPAddress.country:RU` (ISO 3166-1 alpha-2),
 * `sourceIPAddress.asn:14618`, `sourceIPAddress.org:amazon*`. Besides those values, every field takes
 * `private`, `aws` (a service name or AWS Internal), `none` (no address), `invalid` (not an
 * address) and `unknown` (a public address no database has). CloudTrail records have no such keys.
 */
export const IP_ORIGIN_FIELDS: readonly {
  readonly name: string;
  readonly label: string;
  readonly field: IpOriginField;
}[] = [
  { name: 'sourceIPAddress.country', label: 'Source IP country', field: 'country' },
  { name: 'sourceIPAddress.asn', label: 'Source IP ASN', field: 'asn' },
  { name: 'sourceIPAddress.org', label: 'Source IP organisation', field: 'org' },
];

const IP_ORIGIN_ALIASES: ReadonlyMap<string, (typeof IP_ORIGIN_FIELDS)[number]> = new Map(
  IP_ORIGIN_FIELDS.flatMap((f) => {
    const suffix = f.name.slice('sourceIPAddress.'.length);
    return [f.name, `ip.${suffix}`, `sourceip.${suffix}`].map((n) => [n.toLowerCase(), f] as const);
  }),
);

/** A field the index answers without reading records. `label` is the console's name for it. */
export interface IndexedField {
  readonly name: string;
  readonly label: string;
  readonly source: Exclude<
    FieldSource,
    | { kind: 'path' }
    | { kind: 'file' }
    | { kind: 'annotation' }
    | { kind: 'detection' }
    | { kind: 'saved' }
    | { kind: 'ipOrigin' }
  >;
  /** One of the console's eight lookup attributes. */
  readonly lookup: boolean;
}

const col = (column: StringField) => ({ kind: 'column', column }) as const;

/**
 * The indexed fields, lookup attributes first in the console's order, then the other indexed fields.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events-console.html
 */
export const INDEXED_FIELDS: readonly IndexedField[] = [
  { name: 'eventName', label: 'Event name', source: col('eventName'), lookup: true },
  { name: 'userName', label: 'User name', source: col('userName'), lookup: true },
  { name: 'resourceType', label: 'Resource type', source: { kind: 'resourceType' }, lookup: true },
  { name: 'resourceName', label: 'Resource name', source: { kind: 'resourceName' }, lookup: true },
  { name: 'eventSource', label: 'Event source', source: col('eventSource'), lookup: true },
  { name: 'accessKeyId', label: 'AWS access key', source: col('accessKeyId'), lookup: true },
  { name: 'eventID', label: 'Event ID', source: { kind: 'eventID' }, lookup: true },
  { name: 'readOnly', label: 'Read-only', source: col('readOnly'), lookup: true },
  { name: 'awsRegion', label: 'AWS region', source: col('awsRegion'), lookup: false },
  {
    name: 'recipientAccountId',
    label: 'Account ID',
    source: col('recipientAccountId'),
    lookup: false,
  },
  { name: 'sourceIPAddress', label: 'Source IP', source: col('sourceIPAddress'), lookup: false },
  { name: 'errorCode', label: 'Error code', source: col('errorCode'), lookup: false },
  { name: 'identityType', label: 'Identity type', source: col('identityType'), lookup: false },
  { name: 'eventCategory', label: 'Event category', source: col('eventCategory'), lookup: false },
  { name: 'eventType', label: 'Event type', source: col('eventType'), lookup: false },
  { name: 'userAgent', label: 'User agent', source: col('userAgent'), lookup: false },
  // The JSON paths themselves: the index holds their string values exactly (extractEventFields).
  { name: 'userIdentity.arn', label: 'Identity ARN', source: col('arn'), lookup: false },
  {
    name: 'userIdentity.principalId',
    label: 'Principal ID',
    source: col('principalId'),
    lookup: false,
  },
];

/** Other spellings accepted in queries (lower-cased) → canonical name. JSON paths that an index column holds exactly map to it too. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['user', 'userName'],
  ['accesskey', 'accessKeyId'],
  ['useridentity.accesskeyid', 'accessKeyId'],
  ['eventid', 'eventID'],
  ['region', 'awsRegion'],
  ['account', 'recipientAccountId'],
  ['accountid', 'recipientAccountId'],
  ['ip', 'sourceIPAddress'],
  ['sourceip', 'sourceIPAddress'],
  ['useridentity.type', 'identityType'],
]);

const BY_LOWER_NAME: ReadonlyMap<string, IndexedField> = new Map(
  INDEXED_FIELDS.map((f) => [f.name.toLowerCase(), f]),
);

/**
 * The provenance field: `file:<path pattern>` matches events delivered in a stored file whose path (as
 * dropped) matches, re-deliveries included. Not a JSON path: no CloudTrail record has a `file` key.
 */
export const FILE_FIELD = 'file';

/**
 * `saved:<name>` stands for the clauses of the case's saved query of that name (expandSaved.ts);
 * the worker expands it before compiling, so no filter ever tests it. Not a JSON path: no CloudTrail
 * record has a top-level `saved` key.
 */
export const SAVED_FIELD = 'saved';

/** The fields of the responder's own marks on events (bookmarks, tags, notes), not of the record. */
export type AnnotationField = 'bookmarked' | 'tag' | 'note' | 'is';

/**
 * The annotation fields with their help text: `bookmarked:true`, `tag:<name>` (wildcards as
 * elsewhere), `note:<text>` (the whole note; `note:*word*` finds a word in it) and `is:` one of
 * bookmarked, tagged, noted, annotated. No CloudTrail record has these top-level keys.
 */
export const ANNOTATION_FIELDS: readonly {
  readonly name: AnnotationField;
  readonly label: string;
}[] = [
  { name: 'bookmarked', label: 'Bookmarked by you (true / false)' },
  { name: 'tag', label: 'A tag you gave the event' },
  { name: 'note', label: 'Your note on the event' },
  { name: 'is', label: 'bookmarked, tagged, noted or annotated' },
];

const ANNOTATION_ALIASES: ReadonlyMap<string, AnnotationField> = new Map([
  ['bookmarked', 'bookmarked'],
  ['bookmark', 'bookmarked'],
  ['tag', 'tag'],
  ['tags', 'tag'],
  ['note', 'note'],
  ['notes', 'note'],
  ['is', 'is'],
]);

/** The fields of the detection hits on events (Sigma rules run by the engine), not of the record. */
export type DetectionField = 'rule' | 'level' | 'attack';

/**
 * The detection fields with their help text: `rule:<Sigma id>` (or title, wildcards as elsewhere;
 * `rule:*` any hit), `level:` the matched rule's level (informational, low, medium, high, critical),
 * `attack:` an ATT&CK tag of the matched rule without its `attack.` prefix (`attack:t1562*`,
 * `attack:defense-evasion`). Only hits not marked benign count. No CloudTrail record has these
 * top-level keys.
 * @see https://sigmahq.io/sigma-specification/specification/sigma-rules-specification.html#level
 * @see https://sigmahq.io/sigma-specification/appendix/sigma-tags-appendix.html
 */
export const DETECTION_FIELDS: readonly {
  readonly name: DetectionField;
  readonly label: string;
}[] = [
  { name: 'rule', label: 'A detection rule the event matched (Sigma id or title)' },
  { name: 'level', label: 'The level of a rule the event matched' },
  { name: 'attack', label: 'An ATT&CK tactic or technique of a rule the event matched' },
];

const DETECTION_ALIASES: ReadonlyMap<string, DetectionField> = new Map([
  ['rule', 'rule'],
  ['level', 'level'],
  ['attack', 'attack'],
]);

/**
 * Resolves a field as typed to its canonical name and source. Indexed names, aliases, `file` and `saved` are
 * matched case-insensitively; anything else is a JSON path, split on dots, matched case-sensitively
 * (JSON keys are).
 */
export function resolveField(typed: string): {
  readonly name: string;
  readonly source: FieldSource;
} {
  const lower = typed.toLowerCase();
  if (lower === FILE_FIELD) return { name: FILE_FIELD, source: { kind: 'file' } };
  if (lower === SAVED_FIELD) return { name: SAVED_FIELD, source: { kind: 'saved' } };
  const origin = IP_ORIGIN_ALIASES.get(lower);
  if (origin !== undefined) {
    return { name: origin.name, source: { kind: 'ipOrigin', field: origin.field } };
  }
  const detection = DETECTION_ALIASES.get(lower);
  if (detection !== undefined) {
    return { name: detection, source: { kind: 'detection', field: detection } };
  }
  const annotation = ANNOTATION_ALIASES.get(lower);
  if (annotation !== undefined) {
    return { name: annotation, source: { kind: 'annotation', field: annotation } };
  }
  // Alias targets are canonical (mixed-case) names, while BY_LOWER_NAME is keyed lower-case.
  const known = BY_LOWER_NAME.get((ALIASES.get(lower) ?? lower).toLowerCase());
  if (known !== undefined) return { name: known.name, source: known.source };
  return { name: typed, source: { kind: 'path', path: typed.split('.') } };
}
