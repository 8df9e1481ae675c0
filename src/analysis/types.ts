import type { RowView } from '../index/types';

/** Where an event came from: one entry per file that delivered it. */
export interface EventSource {
  readonly fileId: number;
  readonly path: string;
  readonly sha256: string;
  readonly recordIndex: number;
}

/** Everything the detail pane shows for one event. */
export interface EventDetail {
  readonly row: RowView;
  readonly sources: readonly EventSource[];
  /** The record, pretty-printed from the stored original file. */
  readonly recordJson: string;
  /** Other rows claiming the same eventID (conflicts). */
  readonly conflictRows: readonly number[];
}

/** Export formats: CloudTrail's own `{"Records":[…]}` file, JSON lines, or CSV of table columns. */
export type ExportFormat = 'json' | 'jsonl' | 'csv' | 'parquet';

/** A CSV column: a table column id (a RowView field, `eventTime`, `resourceType`, `resourceName`). */
export interface ExportColumn {
  readonly id: string;
  readonly header: string;
}

/** One hop of a credential chain: the event that issued the key the next event was signed with. */
export interface CredentialLink {
  readonly row: number;
  readonly eventID: string;
  /** ms since epoch. */
  readonly eventTime: number;
  /** AssumeRole, AssumeRoleWithSAML, GetSessionToken… */
  readonly eventName: string;
  /** The temporary accessKeyId this event issued. */
  readonly issuedKey: string;
  /** Who called it: user name, identity type, the key they signed with, their account. */
  readonly userName: string;
  readonly identityType: string;
  readonly accessKeyId: string;
  readonly recipientAccountId: string;
  readonly arn?: string;
  /** From requestParameters, when the call was an AssumeRole*. */
  readonly roleArn?: string;
  readonly roleSessionName?: string;
  readonly sourceIdentity?: string;
}

/** "Who really did this": the chain of credential issuances behind one event, nearest first. */
export interface CredentialChain {
  /** The accessKeyId the event was signed with ('' if none). */
  readonly signedWith: string;
  readonly links: readonly CredentialLink[];
  /** True when the chain ends at a temporary key whose issuing event is not in the dataset. */
  readonly incomplete: boolean;
  /** `userIdentity.sessionContext.sourceIdentity` of the event, when set. */
  readonly sourceIdentity?: string;
  /** The key this event itself issued, and how many events in the dataset were signed with it. */
  readonly issued?: { readonly key: string; readonly signedEvents: number };
}

/** The evidence coverage map (coverageMap.ts). */
export { COVERAGE_FLAG } from './coverageMap';
export type {
  CoverageGap,
  CoverageMap,
  CoverageNote,
  CoverageRow,
  CrossAccountFiles,
  CoverageTotals,
  CoverageUnit,
  TamperingCount,
} from './coverageMap';
