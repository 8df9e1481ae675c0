import { useState } from 'react';
import type { JsonRow } from './flattenJson';
import { visibleText } from './visibleText';

/** Strings longer than this are cut in the tree, with a toggle to show all. */
const LONG_STRING = 10_000;

/** A node's value: a typed leaf, or a container's size when collapsed. Text only, never markup. */
export function JsonValue(props: { readonly row: Extract<JsonRow, { type: 'node' }> }) {
  const { row } = props;
  const [full, setFull] = useState(false);
  switch (row.kind) {
    case 'object':
      if (row.path === '') return <span className="json-meta">{`{${row.childCount} fields}`}</span>;
      return (
        <span className="json-meta">
          {row.expanded ? '' : row.childCount === 0 ? '{}' : `{${row.childCount}}`}
        </span>
      );
    case 'array':
      return (
        <span className="json-meta">
          {row.expanded ? '' : row.childCount === 0 ? '[]' : `[${row.childCount}]`}
        </span>
      );
    case 'null':
      return <span className="json-null">null</span>;
    case 'number':
    case 'boolean':
      return <span className={`json-${row.kind}`}>{String(row.value)}</span>;
    case 'string': {
      const s = typeof row.value === 'string' ? row.value : '';
      const cut = !full && s.length > LONG_STRING;
      return (
        <span className="json-string">
          "
          {visibleText(cut ? s.slice(0, LONG_STRING) : s).map((run, i) =>
            run.escaped ? (
              <span
                key={i}
                className="json-escape"
                title="Invisible or direction-changing character"
              >
                {run.text}
              </span>
            ) : (
              run.text
            ),
          )}
          "
          {s.length > LONG_STRING ? (
            <button
              type="button"
              className="btn btn-small json-more"
              onClick={() => setFull(!full)}
            >
              {full ? 'Show less' : `Show all (${s.length.toLocaleString('en-US')} chars)`}
            </button>
          ) : null}
        </span>
      );
    }
  }
}
