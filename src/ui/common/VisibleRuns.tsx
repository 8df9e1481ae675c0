import type { TextRun } from './visibleText';
import './LogText.css';

/** The tooltip of an escape, saying why text the log holds looks different on screen. */
export const ESCAPED_TITLE = 'Invisible or direction-changing characters, shown escaped';

/**
 * Runs from visibleText as React text children (never HTML): plain runs as they are, escapes in a
 * styled element so they cannot pass for the characters they stand for.
 */
export function VisibleRuns(props: { readonly runs: readonly TextRun[]; readonly title?: string }) {
  const { runs, title = ESCAPED_TITLE } = props;
  return runs.map((run, i) =>
    run.escaped ? (
      <span key={i} className="json-escape" title={title}>
        {run.text}
      </span>
    ) : (
      run.text
    ),
  );
}
