import type { BundleImport } from '../../data/annotationTypes';
import { formatCount } from '../common/formatCount';
import { LogText } from '../common/LogText';
import './CaseBundle.css';

/** Missing files listed by path; the rest are counted. */
const LISTED = 8;

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

/** What a bundle import did, in a few sentences, and the source files the case still lacks. */
export function ImportOutcome(props: { readonly result: BundleImport }) {
  const r = props.result;
  const duplicates = r.reports.filter((x) => x.status === 'duplicate').length;
  const failed = r.reports.filter((x) => x.status === 'failed').length;
  const present = r.filesListed - r.missing.length - r.altered.length;
  return (
    <div className="bundle-outcome" role="status" data-testid="bundle-outcome">
      <p>
        Imported{' '}
        <strong>
          <LogText text={r.caseName} max={200} />
        </strong>{' '}
        (exported <LogText text={r.exportedAt.slice(0, 16).replace('T', ' ')} /> UTC):{' '}
        {plural(r.filesIncluded, 'file')} in the bundle
        {duplicates > 0 ? `, ${formatCount(duplicates)} already in this case` : ''}
        {failed > 0 ? `, ${formatCount(failed)} failed (see Files)` : ''};{' '}
        {plural(r.annotations, 'annotation')} ({formatCount(r.annotationsWritten)} new or newer)
        {r.savedQueries === 0
          ? ''
          : `; ${formatCount(r.savedQueries)} saved quer${r.savedQueries === 1 ? 'y' : 'ies'} (${formatCount(r.savedQueriesAdded)} added${
              r.savedQueriesRenamed === 0
                ? ''
                : `, ${formatCount(r.savedQueriesRenamed)} kept as "(imported)" beside a query of the same name`
            })`}
        {r.ruleFiles === 0
          ? ''
          : `; ${plural(r.ruleFiles, 'rule file')} (${formatCount(r.ruleFilesAdded)} added)`}
        {r.suppressions === 0
          ? ''
          : `; ${plural(r.suppressions, 'detection hit')} marked benign (${formatCount(r.suppressionsAdded)} added)`}
        . The saved view is applied.
      </p>
      {r.missing.length === 0 && r.altered.length === 0 ? (
        <p className="ok">
          All {plural(r.filesListed, 'source file')} of the bundle are in this case.
        </p>
      ) : r.missing.length === 0 ? null : (
        <div className="warn-box">
          <p>
            {formatCount(r.missing.length)} of {plural(r.filesListed, 'source file')} are not in
            this case{present > 0 ? '' : ' yet'}; drop them to see their events.
          </p>
          <ul className="bundle-missing">
            {r.missing.slice(0, LISTED).map((f) => (
              <li key={f.sha256}>
                <span className="mono">
                  <LogText text={f.path} max={500} />
                </span>{' '}
                <span className="muted mono" title={f.sha256}>
                  {f.sha256.slice(0, 12)}…
                </span>
              </li>
            ))}
            {r.missing.length > LISTED ? (
              <li className="muted">and {formatCount(r.missing.length - LISTED)} more</li>
            ) : null}
          </ul>
        </div>
      )}
      {r.altered.length === 0 ? null : (
        <div className="warn-box">
          <p>
            {plural(r.altered.length, 'file')} in the bundle do not match the SHA-256 its manifest
            lists (changed after the export, or failed to read): not the evidence it describes. Each
            one stored keeps this mark in its file view.
          </p>
          <ul className="bundle-missing">
            {r.altered.slice(0, LISTED).map((f) => (
              <li key={f.sha256}>
                <span className="mono">
                  <LogText text={f.path} max={500} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.annotationsClamped === 0 ? null : (
        <p className="warn-box" data-testid="bundle-clamped">
          {plural(r.annotationsClamped, 'annotation')} had a change time later than now (a wrong
          clock, or a forgery meant to win every merge): set to the time of this import, and kept
          only where this case had no annotation on that event.
        </p>
      )}
      {r.annotationsDropped === 0 ? null : (
        <p className="warn-box" data-testid="bundle-dropped">
          {plural(r.annotationsDropped, 'more annotation')} not imported: past the most one bundle
          may bring ({formatCount(r.annotations)} read).
        </p>
      )}
      {r.unreadable.length === 0 ? null : (
        <p className="error">
          Could not read from the bundle:{' '}
          <LogText text={r.unreadable.slice(0, LISTED).join('; ')} max={2000} />
        </p>
      )}
    </div>
  );
}
