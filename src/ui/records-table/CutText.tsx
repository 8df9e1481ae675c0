import { useMemo } from 'react';
import { formatCount } from '../common/formatCount';
import { visibleText } from '../common/visibleText';
import { VisibleRuns } from '../common/VisibleRuns';
import { measureText } from './measureText';
import { CUT, middleCut } from './middleCut';

/** Values longer than this also say how long they are: the cut hides how much is missing. */
const NOTE_OVER = 300;

/**
 * A log string cut in its middle to fit `width` px in `font` (see middleCut), rendered as React
 * text with invisible characters as visible escapes. The cell's `title` carries the whole value.
 */
export function CutText(props: {
  readonly text: string;
  readonly width: number;
  readonly font: string;
}) {
  const { text, width, font } = props;
  const note = text.length > NOTE_OVER ? ` (${formatCount(text.length)} chars)` : '';
  const cut = useMemo(() => {
    const room = width - (note === '' ? 0 : measureText(font, note));
    return middleCut(text, room, (s) => measureText(font, s));
  }, [text, width, font, note]);
  return (
    <>
      <VisibleRuns runs={visibleText(cut.head).runs} />
      {cut.cut ? <span className="cell-cut">{CUT}</span> : null}
      {cut.tail === '' ? null : <VisibleRuns runs={visibleText(cut.tail).runs} />}
      {note === '' ? null : <span className="log-text-cut">{note}</span>}
    </>
  );
}
