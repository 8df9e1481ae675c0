import type { CoverageMap } from '../../data/types';
import { formatCount } from '../common/formatCount';

/** The counts that matter first: tampering, holes, then what no digest vouches for. */
export function CoverageTotals(props: { readonly map: CoverageMap }) {
  const { map } = props;
  const t = map.totals;
  const column = map.unit === 'hour' ? 'hour' : map.unit === 'day' ? 'day' : 'column';
  const chip = (
    n: number,
    [one, many]: readonly [string, string],
    tone: 'bad' | 'warn',
    testId: string,
  ) => (
    <li
      className={n > 0 ? `coverage-chip coverage-chip-${tone}` : 'coverage-chip'}
      data-testid={testId}
      data-count={n}
    >
      <strong>{formatCount(n)}</strong> {n === 1 ? one : many}
    </li>
  );
  return (
    <div className="coverage-body">
      <ul className="coverage-totals">
        <li className="coverage-chip">
          <strong>{formatCount(t.events)}</strong> events ·{' '}
          <strong>{formatCount(t.logFiles)}</strong> log files ·{' '}
          <strong>{formatCount(t.digests)}</strong> digests
        </li>
        {chip(
          t.tamperingEvents,
          ['trail tampering event', 'trail tampering events'],
          'bad',
          'coverage-tampering',
        )}
        {map.hasDigests ? (
          <>
            {chip(
              t.gapCells,
              [`${column} in a digest chain gap`, `${column}s in digest chain gaps`],
              'bad',
              'coverage-gaps',
            )}
            {chip(
              t.missingLogs,
              ['listed log file missing', 'listed log files missing'],
              'bad',
              'coverage-missing',
            )}
            {chip(
              t.modifiedLogs,
              ['log file modified', 'log files modified'],
              'bad',
              'coverage-modified',
            )}
            {chip(
              t.invalidDigests,
              ['digest not valid', 'digests not valid'],
              'bad',
              'coverage-invalid',
            )}
            {chip(
              t.uncoveredLogs,
              ['log file in no digest', 'log files in no digest'],
              'warn',
              'coverage-uncovered',
            )}
          </>
        ) : null}
      </ul>
      {map.hasDigests && !map.validated ? (
        <p className="notice notice-error coverage-notice">
          Validation of the stored files failed, so missing, modified and uncovered log files are
          not marked. The Integrity panel says why.
        </p>
      ) : null}
      {map.hasDigests ? null : (
        <p className="notice coverage-notice">
          No digest files are stored, so nothing shows which hours CloudTrail vouched for. Drop the{' '}
          <code>CloudTrail-Digest/</code> folders with the logs to see gaps and missing files.
        </p>
      )}
    </div>
  );
}
