import { visibleText } from '../detail/visibleText';

/**
 * A string from a log, rendered as React text (never HTML), with invisible and bidi control
 * characters shown as visible escapes so a hostile value cannot hide or reorder what is read.
 */
export function LogText(props: { readonly text: string }) {
  return (
    <>
      {visibleText(props.text).map((run, i) =>
        run.escaped ? (
          <span
            key={i}
            className="json-escape"
            title="Invisible or direction-changing characters, shown escaped"
          >
            {run.text}
          </span>
        ) : (
          run.text
        ),
      )}
    </>
  );
}
