import type { ValidationInput } from '../digest/readValidationInput';
import type { BaseShape, LogShape } from './LogShape';

/** Values of a file that held no CloudTrail record: how many, and the first reason, for the user. */
export interface SkippedItems {
  readonly count: number;
  readonly reason: string;
}

/**
 * What a file's content turned out to be. For 'records', `records` are the unwrapped CloudTrail
 * records in file order, the same list every time the same bytes are decoded (a record is addressed
 * by its position), and `skipped` counts values that held none (a non-CloudTrail EventBridge event,
 * a log message that is not JSON...). Readers give a BaseShape; decodeLogFile adds the gzip layers.
 */
export type LogContent<S extends LogShape = LogShape> =
  | {
      readonly kind: 'records';
      readonly shape: S;
      readonly records: readonly unknown[];
      readonly skipped?: SkippedItems;
      /** The text stops inside a record (cut short): `records` are the whole ones before the cut. */
      readonly truncated?: true;
    }
  | { readonly kind: 'digest' }
  | {
      readonly kind: 'other';
      readonly reason: string;
      /** A public key list or saved signature: no events, but input for digest validation. */
      readonly validationInput?: ValidationInput;
    };

/** What a shape reader returns: the shape before gzip layers are added. */
export type ReadContent = LogContent<BaseShape>;
