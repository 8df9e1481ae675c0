import { useDetectionActions } from '../../data/detectionQueries';
import { openFileSink } from '../../data/saveFile';
import { useTransientMessage } from '../common/useTransientMessage';

type ReportFormat = 'markdown' | 'json' | 'csv';

const FORMATS: readonly {
  readonly format: ReportFormat;
  readonly label: string;
  readonly title: string;
  readonly mime: string;
  readonly extension: string;
}[] = [
  {
    format: 'markdown',
    label: 'Markdown',
    title: 'A report: each rule with hits, its counts, span and credit',
    mime: 'text/markdown',
    extension: '.md',
  },
  {
    format: 'json',
    label: 'JSON',
    title: 'Each rule with hits, for tools',
    mime: 'application/json',
    extension: '.json',
  },
  {
    format: 'csv',
    label: 'CSV',
    title: 'One row per rule with hits; formula-like cells are neutralised',
    mime: 'text/csv',
    extension: '.csv',
  },
];

/** Saves the Detections view as Markdown, JSON or CSV (the engine writes the report). */
export function DetectionsExport(props: { readonly disabled: boolean }) {
  const { report } = useDetectionActions();
  const { message, show } = useTransientMessage<string>();
  const run = async (f: (typeof FORMATS)[number]) => {
    try {
      const text = await report(f.format);
      const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
      const sink = await openFileSink(
        `cairn-detections-${stamp}${f.extension}`,
        f.mime,
        f.extension,
      );
      await sink.write(text);
      await sink.close();
      show(`Saved the ${f.label} report`);
    } catch (error) {
      show(
        error instanceof DOMException && error.name === 'AbortError'
          ? undefined
          : `Export failed: ${String(error)}`,
      );
    }
  };
  return (
    <div className="export-menu" role="group" aria-label="Export the detections">
      <span className="muted">Export</span>
      {FORMATS.map((f) => (
        <button
          key={f.format}
          type="button"
          className="btn btn-small"
          title={f.title}
          data-detections-export={f.format}
          disabled={props.disabled}
          onClick={() => void run(f)}
        >
          {f.label}
        </button>
      ))}
      {message === undefined ? null : (
        <span className="muted" role="status">
          {message}
        </span>
      )}
    </div>
  );
}
