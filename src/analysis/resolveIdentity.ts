import { identityClauses } from './identityCounts';
import { STRING_FIELDS } from '../cloudtrail/types';
import type { StringField } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
import { compilePatterns } from '../querylang/matchPattern';
import { printQuery } from '../querylang/printQuery';
import type { FieldClause, Query } from '../querylang/types';
import type { IdentityKind } from './identityTypes';

/** An identity value resolved against the index: the column that holds it and the query of its events. */
export interface ResolvedIdentity {
  readonly value: string;
  /** Undefined when no column holds the value: `query` then names it as a user name (no events). */
  readonly kind: IdentityKind | undefined;
  readonly query: Query;
  /** `query` printed: the identity's clause to AND with others. */
  readonly q: string;
}

/** The columns tried, in order, and the query field each answers (querylang/fields.ts). */
const ORDER: readonly { kind: IdentityKind; column: StringField; field: string }[] = [
  { kind: 'arn', column: 'arn', field: 'userIdentity.arn' },
  { kind: 'principalId', column: 'principalId', field: 'userIdentity.principalId' },
  { kind: 'accessKeyId', column: 'accessKeyId', field: 'accessKeyId' },
  { kind: 'userName', column: 'userName', field: 'userName' },
];

/**
 * An IAM role ARN, `arn:<partition>:iam::<account>:role/<path/><name>`; its sessions act as
 * `arn:<partition>:sts::<account>:assumed-role/<name>/<session>` (the path is dropped).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 */
const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[^*]*\/)?([^/*]+)$/;

/** The assumed-role ARN prefix of a role's sessions, or undefined when `arn` is no role ARN. */
export function roleSessionPrefix(arn: string): string | undefined {
  const m = ROLE_ARN.exec(arn);
  return m === null ? undefined : `arn:${m[1]}:sts::${m[2]}:assumed-role/${m[3]}/`;
}

/**
 * The role ARN of an assumed-role session ARN (`arn:aws:sts::1:assumed-role/name/session` →
 * `arn:aws:iam::1:role/name`; the role's path is not in the session ARN, so none is given), or
 * undefined for any other ARN.
 */
export function roleOfSession(arn: string): string | undefined {
  const m = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return m === null ? undefined : `arn:${m[1]}:iam::${m[2]}:role/${m[3]}`;
}

/**
 * Resolves an identity value (user name, identity or role ARN, access key ID, principal ID) to the
 * column that holds it, in order: userIdentity.arn, principalId, accessKeyId, userName, the first
 * whose dictionary has the value (ignoring case, as queries match). A role ARN is kind `role`
 * whether or not it occurs itself: its query also covers every assumed-role session ARN of that
 * role. Looks each value up in the dictionaries (a hash probe; a case-insensitive pass over a
 * dictionary only when the exact value is absent); reads no record.
 */
export function resolveIdentity(index: EventIndex, value: string): ResolvedIdentity {
  const sessions = roleSessionPrefix(value);
  if (sessions !== undefined) {
    return resolved(value, 'role', clause('userIdentity.arn', [[value], [sessions, '']]));
  }
  const found = ORDER.find((o) => holds(index, o.column, value)) ?? undefined;
  const { kind, field } = found ?? { kind: undefined, field: 'userName' };
  return resolved(value, kind, clause(field, [[value]]));
}

/**
 * The query clause naming a canonical identity: its ARN, else its user name on events without one.
 * `byArn` says which it is; a caller that does not know guesses from the text (`arn:` first), which
 * a user name spelled like an ARN defeats.
 */
export function canonicalQuery(identity: string, byArn = identity.startsWith('arn:')): Query {
  return { clauses: identityClauses(identity, byArn) };
}

function resolved(value: string, kind: IdentityKind | undefined, c: FieldClause): ResolvedIdentity {
  const query: Query = { clauses: [c] };
  return { value, kind, query, q: printQuery(query) };
}

function clause(field: string, values: readonly (readonly string[])[]): FieldClause {
  return {
    kind: 'field',
    field,
    values: values.map((parts) => ({ parts })),
    negated: false,
    span: { start: 0, end: 0 },
  };
}

function holds(index: EventIndex, column: StringField, value: string): boolean {
  if (value === '') return false;
  const dict = index.dicts[STRING_FIELDS.indexOf(column)];
  if (dict === undefined) return false;
  if (dict.find(value) > 0) return true;
  const match = compilePatterns([{ parts: [value] }], column);
  let any = false;
  dict.forEach((v, code) => {
    if (!any && code > 0 && match(v)) any = true;
  });
  return any;
}
