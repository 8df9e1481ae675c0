import type { CoverageMap } from '../../data/types';
import { rowTitle } from './describeCell';
import type { CoverageFinding } from './coverageFindings';

const LIMIT = 300;
const KIND_LABEL: Readonly<Record<CoverageFinding['kind'], string>> = {
  tampering: 'Tampering',
  gap: 'Chain gap',
  problem: 'Files',
};

/**
 * The holes and tampering the map marks, as a list a responder can read top to bottom (and a
 * keyboard or screen reader can reach without the canvas). A click filters the table to it.
 */
export function CoverageFindings(props: {
  readonly map: CoverageMap;
  readonly findings: readonly CoverageFinding[];
  readonly names: ReadonlyMap<string, string>;
  readonly onPick: (finding: CoverageFinding) => void;
  /** Shows the finding's cell on the map. */
  readonly onLocate: (finding: CoverageFinding) => void;
}) {
  const { map, findings, names } = props;
  if (findings.length === 0) return null;
  return (
    <section className="coverage-findings" aria-label="Where the record has holes">
      <h3>
        Where the record has holes or was tampered with ({findings.length}
        {findings.length > LIMIT ? `, first ${LIMIT} shown` : ''})
      </h3>
      <ul>
        {findings.slice(0, LIMIT).map((f) => {
          const row = map.rows[f.row];
          return (
            <li key={`${f.kind}-${f.row}-${f.from}-${f.to}`} className="coverage-finding-item">
              <button
                type="button"
                className="coverage-finding"
                data-testid="coverage-finding"
                data-kind={f.kind}
                data-row={f.row}
                data-from={new Date(f.from).toISOString()}
                data-to={new Date(f.to).toISOString()}
                onClick={() => props.onPick(f)}
              >
                <span className={`coverage-kind coverage-kind-${f.kind}`}>
                  {KIND_LABEL[f.kind]}
                </span>
                <span className="coverage-finding-when">{f.when}</span>
                <span className="coverage-finding-where">
                  {row === undefined ? '' : rowTitle(row, names)}
                </span>
                <span className="coverage-finding-text">{f.text}</span>
              </button>
              <button
                type="button"
                className="btn btn-ghost coverage-locate"
                aria-label={`Show on the map: ${f.when}`}
                onClick={() => props.onLocate(f)}
              >
                Show on the map
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
