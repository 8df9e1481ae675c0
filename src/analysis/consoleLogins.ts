import { callOutcome } from '../cloudtrail/callOutcome';
import type { Query } from '../querylang/types';
import { andQuery, valueClause } from './reportQuery';
import type { ReportFigure } from './reportTypes';
import type { FieldClause } from '../querylang/types';

/**
 * The outcome of one ConsoleLogin event: 1 success with MFA, 2 success without MFA, 3 failure,
 * 4 neither (no `responseElements.ConsoleLogin`), 5 unreadable (the stored file is gone).
 */
export type LoginFact = 1 | 2 | 3 | 4 | 5;

/**
 * The fact of one ConsoleLogin record from `responseElements.ConsoleLogin` ("Success" /
 * "Failure") and `additionalEventData.MFAUsed` ("Yes"), case ignored as a query matches them.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html
 */
export function loginFact(record: unknown): LoginFact {
  const outcome = callOutcome(record);
  if (outcome?.kind !== 'consoleLogin') return 5;
  const result = outcome.result.toLowerCase();
  if (result === 'failure') return 3;
  if (result !== 'success') return 4;
  return outcome.mfaUsed.toLowerCase() === 'yes' ? 1 : 2;
}

/** Console logins by outcome, each with the query (a record scan) that finds exactly them. */
export interface LoginOutcomes {
  readonly mfa: ReportFigure;
  readonly noMfa: ReportFigure;
  readonly failed: ReportFigure;
  /** Neither success nor failure recorded, or the record could not be read back. */
  readonly other: number;
}

const NO_SPAN = { start: 0, end: 0 } as const;

function clause(field: string, value: string, negated = false): FieldClause {
  return { ...valueClause(field, value), negated, span: NO_SPAN };
}

/** Tallies `facts` (one per ConsoleLogin event of the report) into figures under `base`. */
export function loginOutcomes(facts: readonly LoginFact[], base: Query): LoginOutcomes {
  const n = [0, 0, 0, 0, 0, 0];
  for (const f of facts) n[f] = (n[f] ?? 0) + 1;
  const login = valueClause('eventName', 'ConsoleLogin');
  const success = clause('responseElements.ConsoleLogin', 'Success');
  const mfa = clause('additionalEventData.MFAUsed', 'Yes');
  return {
    mfa: { value: 'with MFA', count: n[1] ?? 0, q: andQuery(base, login, success, mfa) },
    noMfa: {
      value: 'without MFA',
      count: n[2] ?? 0,
      q: andQuery(base, login, success, { ...mfa, negated: true }),
    },
    failed: {
      value: 'failed',
      count: n[3] ?? 0,
      q: andQuery(base, login, clause('responseElements.ConsoleLogin', 'Failure')),
    },
    other: (n[4] ?? 0) + (n[5] ?? 0),
  };
}
