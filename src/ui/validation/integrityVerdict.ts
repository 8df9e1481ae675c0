import type { ValidationTotals } from '../../data/types';

/** How far validation got, in one phrase and a tone: never better than what was verified. */
export interface IntegrityVerdict {
  readonly tone: 'ok' | 'warn' | 'bad';
  readonly headline: string;
}

/**
 * The one-line verdict over validation totals. Problems (modified or missing files, invalid or
 * missing digests) win; then digests signed only by a key the user has not trusted; then anything
 * unauthenticated, in the exact words "hash chain consistent,
 * signatures not checked" when the chain holds but no signature was verified; only a run where every
 * listed file matched a verified digest is 'ok'.
 */
export function integrityVerdict(t: ValidationTotals): IntegrityVerdict {
  const bad = t.logsModified + t.logsMissing + t.digestsNotValid + t.digestsMissing;
  if (bad > 0) {
    const what = [
      t.logsModified > 0 ? `${t.logsModified} log files modified` : '',
      t.logsMissing > 0 ? `${t.logsMissing} missing` : '',
      t.digestsNotValid > 0 ? `${t.digestsNotValid} digests not valid` : '',
      t.digestsMissing > 0 ? `${t.digestsMissing} digests missing from the chain` : '',
    ].filter((s) => s !== '');
    return { tone: 'bad', headline: `Evidence problems: ${what.join(', ')}` };
  }
  if (t.digestsUntrustedKey > 0) {
    return {
      tone: 'warn',
      headline: `${t.digestsUntrustedKey} digests signed by a key you have not trusted: not verified`,
    };
  }
  if (t.digestsValid === 0 && t.digestsUnverified > 0) {
    return { tone: 'warn', headline: 'Hash chain consistent, signatures not checked' };
  }
  if (t.logsConsistent + t.digestsUnverified > 0) {
    return {
      tone: 'warn',
      headline: `Partly verified: ${t.digestsUnverified} digests' signatures not checked`,
    };
  }
  if (t.logsUncovered > 0) {
    return {
      tone: 'warn',
      headline: `Listed files verified; ${t.logsUncovered} log files are in no digest`,
    };
  }
  return t.logsValid > 0
    ? { tone: 'ok', headline: 'Every log file verified against a signed digest' }
    : { tone: 'warn', headline: 'No log file is listed in the digests provided' };
}
