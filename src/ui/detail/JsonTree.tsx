import { useMemo, useState } from 'react';
import { CopyButton } from '../common/CopyButton';
import { containerPaths, EXPAND_ALL_DEPTH, flattenJson } from './flattenJson';
import type { JsonRow } from './flattenJson';
import { JsonValue } from './JsonValue';
import './JsonTree.css';

/** A leaf value handed to a filter action. */
export type JsonLeaf = string | number | boolean | null;

/**
 * The event record as a collapsible tree: one flat list of visible rows (no recursive components, so
 * hostile nesting cannot overflow the stack), with copy value / copy path per row and expand all.
 * Every key and value is rendered as text.
 */
export function JsonTree(props: {
  readonly value: unknown;
  readonly onFilter?: (path: string, value: JsonLeaf) => void;
}) {
  const { value, onFilter } = props;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => containerPaths(value, 2));
  const [showAll, setShowAll] = useState<ReadonlySet<string>>(new Set());
  const [shownFor, setShownFor] = useState(value);
  if (shownFor !== value) {
    // A new record: start from its default view rather than the previous record's.
    setShownFor(value);
    setExpanded(containerPaths(value, 2));
    setShowAll(new Set());
  }
  const rows = useMemo(() => flattenJson(value, expanded, showAll), [value, expanded, showAll]);
  const toggle = (path: string) => {
    const next = new Set(expanded);
    if (!next.delete(path)) next.add(path);
    setExpanded(next);
  };
  return (
    <div className="json-tree">
      <div className="json-toolbar">
        <button
          type="button"
          className="btn btn-small"
          title={`Expands up to ${EXPAND_ALL_DEPTH} levels deep`}
          onClick={() => setExpanded(containerPaths(value, EXPAND_ALL_DEPTH))}
        >
          Expand all
        </button>
        <button type="button" className="btn btn-small" onClick={() => setExpanded(new Set(['']))}>
          Collapse all
        </button>
      </div>
      <div role="tree" aria-label="Event record">
        {rows.map((row) => (
          <TreeRow
            key={`${row.type}:${row.path}`}
            row={row}
            onToggle={toggle}
            onShowAll={(path) => setShowAll(new Set([...showAll, path]))}
            {...(onFilter === undefined ? {} : { onFilter })}
          />
        ))}
      </div>
    </div>
  );
}

function TreeRow(props: {
  readonly row: JsonRow;
  readonly onToggle: (path: string) => void;
  readonly onShowAll: (path: string) => void;
  readonly onFilter?: (path: string, value: JsonLeaf) => void;
}) {
  const { row, onToggle, onShowAll, onFilter } = props;
  const indent = { paddingLeft: row.depth * 14 };
  if (row.type === 'more') {
    return (
      <div className="json-row" style={indent} role="treeitem" aria-level={row.depth + 1}>
        <button type="button" className="btn btn-small" onClick={() => onShowAll(row.path)}>
          Show {row.hidden} more
        </button>
      </div>
    );
  }
  const container = row.kind === 'object' || row.kind === 'array';
  const leaf = leafValue(row.value);
  const copyText = container
    ? JSON.stringify(row.value, null, 2)
    : leaf === null
      ? 'null'
      : String(leaf);
  return (
    <div
      className="json-row"
      style={indent}
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={container && row.childCount > 0 ? row.expanded : undefined}
    >
      {container && row.childCount > 0 ? (
        <button
          type="button"
          className="json-toggle"
          aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${row.path === '' ? 'record' : row.path}`}
          onClick={() => onToggle(row.path)}
        >
          {row.expanded ? '▾' : '▸'}
        </button>
      ) : (
        <span className="json-toggle-space" />
      )}
      {row.label === '' ? null : <span className="json-key">{row.label}</span>}
      {row.label === '' ? null : <span className="json-colon">: </span>}
      <JsonValue row={row} />
      <span className="json-actions">
        <CopyButton
          text={copyText}
          label="Copy value"
          title={`Copy the value of ${row.path === '' ? 'the record' : row.path}`}
        />
        {row.path === '' ? null : (
          <CopyButton text={row.path} label="Copy path" title={`Copy the path ${row.path}`} />
        )}
        {onFilter !== undefined && !container && leaf !== undefined ? (
          <button type="button" className="btn btn-small" onClick={() => onFilter(row.path, leaf)}>
            Filter
          </button>
        ) : null}
      </span>
    </div>
  );
}

function leafValue(value: unknown): JsonLeaf | undefined {
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  return undefined;
}
