import { useState } from 'react';
import { CopyButton } from '../common/CopyButton';
import { clipText } from '../common/clipText';
import { formatCount } from '../common/formatCount';
import { LogText } from '../common/LogText';

/** Characters of the record shown before "Show all": a hostile record can be megabytes. */
export const RAW_JSON_CHARS = 100_000;

/**
 * The record pretty-printed from the stored original, as plain text. Each line goes through
 * LogText, because JSON escapes control characters but not bidi overrides or zero-width characters
 * (JSON.stringify leaves U+202E as is). Long records show their first RAW_JSON_CHARS characters
 * until the user asks for all; Copy JSON always copies the whole text.
 */
export function RawJson(props: { readonly text: string }) {
  const { text } = props;
  const [full, setFull] = useState(false);
  const cut = !full && text.length > RAW_JSON_CHARS;
  const shown = cut ? clipText(text, RAW_JSON_CHARS) : text;
  return (
    <div className="raw-json">
      <div className="raw-json-tools">
        <CopyButton text={text} label="Copy JSON" />
        {text.length > RAW_JSON_CHARS ? (
          <button
            type="button"
            className="json-button"
            aria-expanded={full}
            onClick={() => setFull(!full)}
          >
            {full ? 'Show less' : `Show all (${formatCount(text.length)} chars)`}
          </button>
        ) : null}
      </div>
      <pre>
        {/* JSON.stringify writes newlines only between values, never inside a string. */}
        {shown.split('\n').map((line, i) => (
          <span key={i}>
            {i > 0 ? '\n' : null}
            <LogText text={line} />
          </span>
        ))}
        {cut ? <span className="log-text-cut">{'\n'}… cut; Show all for the rest</span> : null}
      </pre>
    </div>
  );
}
