import { LOG_STATUS_LABEL } from '../cloudtrail/digest/logStatusLabel';
import type { LogVerdict, ValidationRun } from './types';
import { useValidation } from './validation';

export { LOG_STATUS_LABEL };

const byRun = new WeakMap<ValidationRun, ReadonlyMap<number, LogVerdict>>();

/** fileId → verdict of a validation run, built once per run however many cells ask. */
function verdictsByFile(run: ValidationRun): ReadonlyMap<number, LogVerdict> {
  let map = byRun.get(run);
  if (map === undefined) {
    map = new Map(run.logs.flatMap((l) => (l.fileId === undefined ? [] : [[l.fileId, l]])));
    byRun.set(run, map);
  }
  return map;
}

/**
 * Every stored log file's validation verdict by fileId, for views that show many files at once:
 * undefined while the dataset has no digests or validation has not finished.
 */
export function useFileIntegrityMap(): ReadonlyMap<number, LogVerdict> | undefined {
  const run = useValidation().data;
  return run === undefined ? undefined : verdictsByFile(run);
}

/**
 * The validation verdict of a stored log file, for showing beside the events it delivered:
 * undefined while the dataset has no digests or validation has not finished.
 */
export function useFileIntegrity(fileId: number): LogVerdict | undefined {
  const run = useValidation().data;
  return run === undefined ? undefined : verdictsByFile(run).get(fileId);
}
