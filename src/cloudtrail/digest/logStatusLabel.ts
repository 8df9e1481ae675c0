import type { LogVerdict } from './validateDigests';

/** A log file's validation status as a user reads it (table cells, CSV, reports). */
export const LOG_STATUS_LABEL: Readonly<Record<LogVerdict['status'], string>> = {
  valid: 'verified',
  consistent: 'unauthenticated',
  modified: 'modified',
  missing: 'missing',
  uncovered: 'not covered',
};
