import { useState } from 'react';
import { formatCount } from './formatCount';
import { LogText } from './LogText';

/** Characters shown before "show more": enough for any real CloudTrail value. */
export const LONG_TEXT_CHARS = 2000;

/**
 * A log string in the detail pane: as LogText, cut after LONG_TEXT_CHARS characters with a
 * "show all" button (and "show less" once open), so a hostile 1 MB value costs nothing until asked.
 */
export function LongLogText(props: { readonly text: string; readonly max?: number }) {
  const { text, max = LONG_TEXT_CHARS } = props;
  const [full, setFull] = useState(false);
  if (text.length <= max) return <LogText text={text} />;
  return (
    <>
      {full ? <LogText text={text} /> : <LogText text={text} max={max} />}{' '}
      <button
        type="button"
        className="json-button json-more"
        aria-expanded={full}
        onClick={() => setFull(!full)}
      >
        {full ? 'show less' : `show all (${formatCount(text.length)} chars)`}
      </button>
    </>
  );
}
