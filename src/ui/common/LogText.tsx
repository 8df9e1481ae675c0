import { formatCount } from './formatCount';
import { clipText } from './clipText';
import { visibleString, visibleText } from './visibleText';
import { VisibleRuns } from './VisibleRuns';
import './LogText.css';

/**
 * A string from a log, rendered as React text (never HTML), with invisible and bidi control
 * characters shown as visible escapes so a hostile value cannot hide or reorder what is read. With
 * `max`, only the first `max` characters are rendered, then `…` and how long the value is: a 1 MB
 * value must not freeze a table cell or a list.
 */
export function LogText(props: { readonly text: string; readonly max?: number }) {
  const { text, max } = props;
  const shown = max === undefined ? text : clipText(text, max);
  return (
    <>
      <VisibleRuns runs={visibleText(shown).runs} />
      {shown.length < text.length ? (
        <span className="log-text-cut" title={`${formatCount(text.length)} characters in all`}>
          … ({formatCount(text.length)} chars)
        </span>
      ) : null}
    </>
  );
}

/**
 * A log string for a `title` attribute (a tooltip, which cannot hold styled escapes): its first
 * `max` characters with invisible and bidi characters written as escapes, `…` when cut.
 */
export function logTitle(text: string, max = 1000): string {
  const shown = clipText(text, max);
  const visible = visibleString(shown);
  return shown.length < text.length ? `${visible}… (${formatCount(text.length)} chars)` : visible;
}
