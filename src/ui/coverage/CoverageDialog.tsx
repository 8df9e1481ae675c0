import { useEffect, useMemo, useRef } from 'react';
import { cellQuery } from '../../querylang/cellQuery';
import { useCellFilter, useCoverage } from '../../data/coverage';
import type { CoverageMap } from '../../data/types';
import { useAccountNames } from '../accounts/useAccountNames';
import { DialogHead } from '../common/DialogHead';
import { formatCount } from '../common/formatCount';
import { CoverageFindings } from './CoverageFindings';
import { coverageFindings } from './coverageFindings';
import { CoverageHeatmap } from './CoverageHeatmap';
import type { CoverageHeatmapHandle } from './CoverageHeatmap';
import { CoverageLegend } from './CoverageLegend';
import { CoverageTotals } from './CoverageTotals';
import { CrossAccountNotice } from './CrossAccountNotice';
import { describeInterval, unitLabel } from './coverageTime';
import '../common/modalDialog.css';
import './Coverage.css';

/**
 * The evidence coverage map in a modal dialog: what the dataset holds for each account × Region
 * and hour (minutes for a short incident, days or weeks for long spans), where the record has holes, and where someone tampered
 * with the trail. Picking a cell or a finding filters the table to it and closes the dialog.
 */
export function CoverageDialog(props: { readonly onClose: () => void }) {
  const { onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null || dialog.open) return;
    dialog.showModal();
  }, []);
  const query = useCoverage(true);
  const names = useAccountNames();
  const filter = useCellFilter();
  const map = query.data;
  const notes = useMemo(() => new Map(map?.notes.map((n) => [n.cell, n])), [map]);
  const findings = useMemo(() => (map === undefined ? [] : coverageFindings(map)), [map]);
  const heatmap = useRef<CoverageHeatmapHandle>(null);
  const pick = (row: number, from: number, to: number) => {
    const r = map?.rows[row];
    if (r === undefined) return;
    filter({ q: r.other === true ? '' : cellQuery(r.account, r.region), from, to });
    onClose();
  };
  return (
    <dialog
      ref={ref}
      className="modal-dialog coverage-dialog"
      aria-label="Evidence coverage"
      onClose={onClose}
      data-testid="coverage-dialog"
    >
      <DialogHead
        className="coverage-head"
        heading="Evidence coverage"
        closeLabel="Close evidence coverage"
        onClose={onClose}
      >
        {map === undefined ? null : <CoverageSpan map={map} />}
      </DialogHead>
      {query.isPending ? (
        <p className="coverage-body" role="status">
          Computing the coverage map…
        </p>
      ) : null}
      {query.isError ? (
        <p className="coverage-body error" role="alert">
          The coverage map failed: {String(query.error)}
        </p>
      ) : null}
      {map === undefined ? null : map.rows.length === 0 ? (
        <p className="coverage-body muted">Nothing stored yet: drop CloudTrail log files first.</p>
      ) : (
        <>
          <CoverageTotals map={map} />
          <CrossAccountNotice map={map} />
          <CoverageLegend hasDigests={map.hasDigests} />
          <CoverageHeatmap
            map={map}
            notes={notes}
            names={names}
            handle={heatmap}
            onPick={(cell) =>
              pick(
                cell.row,
                map.start + cell.column * map.step,
                map.start + (cell.column + 1) * map.step,
              )
            }
          />
          <CoverageFindings
            map={map}
            findings={findings}
            names={names}
            onPick={(f) => pick(f.row, f.from, f.to)}
            onLocate={(f) => heatmap.current?.reveal({ row: f.row, column: f.column })}
          />
        </>
      )}
    </dialog>
  );
}

function CoverageSpan(props: { readonly map: CoverageMap }) {
  const { map } = props;
  const end = map.start + map.columns * map.step;
  return (
    <span className="muted coverage-span">
      {formatCount(map.rows.length)} account × Region {map.rows.length === 1 ? 'row' : 'rows'} ·{' '}
      {describeInterval(map.start, end)} · each column is {unitLabel(map.unit, map.step)}
      {map.unit === 'hour' || map.unit === 'minutes'
        ? ''
        : ' (the span is over 60 days; filter a column to see its hours)'}
    </span>
  );
}
