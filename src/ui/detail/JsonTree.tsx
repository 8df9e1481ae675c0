import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import {
  copyText,
  DEFAULT_EXPAND_LEVELS,
  EXPAND_ALL_LEVELS,
  EXPAND_ALL_ROWS,
  expandedPaths,
  flattenJson,
  leafValue,
  treeKeyAction,
} from './flattenJson';
import type { JsonLeafValue, JsonNodeRow, JsonRow } from './flattenJson';
import { visibleText } from '../common/visibleText';
import { VisibleRuns } from '../common/VisibleRuns';
import './JsonTree.css';

/** Strings longer than this are cut in the tree until the user asks for all of them. */
const LONG_STRING = 10_000;
const INDENT_PX = 14;
const ESCAPE_TITLE = 'Invisible, control or direction-changing characters, shown escaped';

const EXPAND_ALL_TITLE =
  `Opens up to ${EXPAND_ALL_LEVELS} levels and about ${EXPAND_ALL_ROWS.toLocaleString('en-US')} ` +
  'rows, so hostile nesting stays usable; open deeper levels one at a time';

type FilterHandler = (path: string, value: JsonLeafValue) => void;

const noPaths: ReadonlySet<string> = new Set();
const rowKey = (row: JsonRow) => `${row.type}:${row.path}`;
const named = (path: string) => (path === '' ? 'the record' : path);
const toggled = (set: ReadonlySet<string>, path: string) => {
  const next = new Set(set);
  if (!next.delete(path)) next.add(path);
  return next;
};

/**
 * What the user opened, for the value `of`: open containers, containers showing every child, long
 * strings shown in full, and the rowKey holding Tab focus (roving tabindex).
 */
interface View {
  readonly of: unknown;
  readonly expanded: ReadonlySet<string>;
  readonly showAll: ReadonlySet<string>;
  readonly fullText: ReadonlySet<string>;
  readonly active: string;
}

const initialView = (value: unknown): View => ({
  of: value,
  expanded: expandedPaths(value, DEFAULT_EXPAND_LEVELS),
  showAll: noPaths,
  fullText: noPaths,
  active: 'node:',
});

/**
 * A collapsible, keyboard-navigable tree of a parsed JSON value (the event record), with copy value,
 * copy path and optional filter actions per row. It renders the flat row list of flattenJson (no
 * recursion, so hostile nesting cannot overflow the stack) and every key and value as text only.
 * Its open/closed state resets when `value` changes identity.
 */
export function JsonTree(props: {
  readonly value: unknown;
  /** Called with a row's path and leaf value when the user asks to filter by it. */
  readonly onFilter?: FilterHandler;
}) {
  const { value, onFilter } = props;
  const [stored, setView] = useState(() => initialView(value));
  // Another record: start from its default view, not the previous record's. (Object.is: NaN.)
  const view = Object.is(stored.of, value) ? stored : initialView(value);
  if (view !== stored) setView(view);
  const { expanded, showAll, fullText, active } = view;
  const update = (patch: Partial<View>) => setView((v) => ({ ...v, ...patch }));
  const rows = useMemo(() => flattenJson(value, expanded, showAll), [value, expanded, showAll]);
  const treeRef = useRef<HTMLDivElement>(null);
  const found = rows.findIndex((r) => rowKey(r) === active);
  const activeIndex = found < 0 ? 0 : found;

  const toggle = (path: string) => update({ expanded: toggled(expanded, path) });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, i: number) => {
    // Keys pressed on a row's own buttons stay theirs.
    const action = e.target === e.currentTarget ? treeKeyAction(rows, i, e.key) : undefined;
    if (action === undefined) return;
    e.preventDefault();
    if ('toggle' in action) toggle(action.toggle);
    else {
      const el = treeRef.current?.children.item(action.focus);
      if (el instanceof HTMLElement) el.focus();
    }
  };

  const expandAll = () => update({ expanded: expandedPaths(value, EXPAND_ALL_LEVELS, showAll) });
  const collapseAll = () => update({ expanded: new Set(['']) });
  return (
    <div className="json-tree">
      <div className="json-toolbar">
        <TextButton title={EXPAND_ALL_TITLE} onClick={expandAll}>
          Expand all
        </TextButton>
        <TextButton title="Close everything below the top level" onClick={collapseAll}>
          Collapse all
        </TextButton>
      </div>
      <div className="json-rows" role="tree" aria-label="Event record" ref={treeRef}>
        {rows.map((row, i) => (
          <div
            key={rowKey(row)}
            className="json-row"
            role="treeitem"
            aria-level={row.depth + 1}
            aria-expanded={row.type === 'node' && row.childCount > 0 ? row.expanded : undefined}
            tabIndex={i === activeIndex ? 0 : -1}
            // The indent is a number from the row's depth, never a log string.
            style={{ paddingLeft: row.depth * INDENT_PX }}
            onFocus={() => update({ active: rowKey(row) })}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {row.type === 'more' ? (
              <TextButton
                className="json-show-all"
                tabIndex={i === activeIndex ? 0 : -1}
                name={`Show all ${row.total} children of ${named(row.path)}`}
                onClick={() => update({ showAll: new Set(showAll).add(row.path) })}
              >
                Show all {row.total.toLocaleString('en-US')}
              </TextButton>
            ) : (
              <NodeRow
                row={row}
                tabIndex={i === activeIndex ? 0 : -1}
                fullText={fullText.has(row.path)}
                onToggle={() => toggle(row.path)}
                onFullText={() => update({ fullText: toggled(fullText, row.path) })}
                {...(onFilter === undefined ? {} : { onFilter })}
              />
            )}
          </div>
        ))}
      </div>
    </div>
  );
}

/** One node's line: disclosure, key, value, and the actions shown on hover or focus. */
function NodeRow(props: {
  readonly row: JsonNodeRow;
  readonly tabIndex: number;
  readonly fullText: boolean;
  readonly onToggle: () => void;
  readonly onFullText: () => void;
  readonly onFilter?: FilterHandler;
}) {
  const { row, tabIndex, onFilter } = props;
  const leaf = leafValue(row.value);
  const open = row.childCount > 0;
  return (
    <>
      {open ? (
        <button
          type="button"
          className="json-toggle"
          tabIndex={-1}
          aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${named(row.path)}`}
          onClick={props.onToggle}
        >
          {row.expanded ? '▾' : '▸'}
        </button>
      ) : (
        <span className="json-toggle" aria-hidden="true" />
      )}
      {row.path === '' ? null : (
        <>
          <span className={row.labelIsIndex ? 'json-index' : 'json-key'}>
            {row.label === '' ? <span className="json-meta">""</span> : runs(row.label)}
          </span>
          <span className="json-colon">: </span>
        </>
      )}
      {nodeValue(row, props.fullText, tabIndex, props.onFullText)}
      <span className="json-actions">
        <TextButton
          name={`Copy value of ${named(row.path)}`}
          tabIndex={tabIndex}
          title="Copy the value"
          copy={() => copyText(row.value)}
        >
          Copy
        </TextButton>
        {row.path === '' ? null : (
          <TextButton
            name={`Copy path ${row.path}`}
            title="Copy the path"
            tabIndex={tabIndex}
            copy={() => row.path}
          >
            Path
          </TextButton>
        )}
        {onFilter === undefined || leaf === undefined ? null : (
          <TextButton
            tabIndex={tabIndex}
            name={`Filter by ${row.path === '' ? 'this value' : row.path}`}
            title="Add this value to the query"
            onClick={() => onFilter(row.path, leaf)}
          >
            Filter
          </TextButton>
        )}
      </span>
    </>
  );
}

/** A node's value: a typed leaf, a container's count, or `{}` / `[]`. */
function nodeValue(row: JsonNodeRow, full: boolean, tabIndex: number, onFull: () => void) {
  const [open, close] = row.kind === 'array' ? ['[', ']'] : ['{', '}'];
  if (row.kind === 'object' || row.kind === 'array') {
    if (row.childCount === 0) return <span className="json-empty">{open + close}</span>;
    // An open container's children speak for it; the root keeps its count as the tree's heading.
    return row.expanded && row.path !== '' ? null : (
      <span className="json-count">{`${open}${row.childCount}${close}`}</span>
    );
  }
  if (row.kind !== 'string') return <span className={`json-${row.kind}`}>{row.text}</span>;
  const long = row.text.length > LONG_STRING;
  const cut = long && !full;
  return (
    <span className="json-string">
      &quot;{runs(cut ? row.text.slice(0, LONG_STRING) : row.text)}
      {cut ? '…' : '"'}
      {long ? (
        <TextButton className="json-more" tabIndex={tabIndex} onClick={onFull}>
          {cut ? `show all (${row.text.length.toLocaleString('en-US')} chars)` : 'show less'}
        </TextButton>
      ) : null}
    </span>
  );
}

/** Log text as React text children, with invisible and bidi characters shown as escapes. */
function runs(s: string): ReactNode {
  return <VisibleRuns runs={visibleText(s).runs} title={ESCAPE_TITLE} />;
}

/**
 * A small text button. `name` overrides the accessible name where the text alone is ambiguous. With
 * `copy`, a click copies its result (computed only then: stringifying every container on each render
 * would be wasteful) and the button says "Copied" for a moment.
 */
function TextButton(props: {
  readonly children: ReactNode;
  readonly onClick?: () => void;
  readonly copy?: () => string;
  readonly name?: string;
  readonly title?: string;
  readonly tabIndex?: number;
  readonly className?: string;
}) {
  const { children, onClick, copy, name, className, ...rest } = props;
  const [status, setStatus] = useState<'Copied' | 'Copy failed' | undefined>(undefined);
  useEffect(() => {
    if (status === undefined) return undefined;
    const timer = setTimeout(() => setStatus(undefined), 1200);
    return () => clearTimeout(timer);
  }, [status]);
  const click = async () => {
    onClick?.();
    if (copy === undefined) return;
    try {
      await navigator.clipboard.writeText(copy());
      setStatus('Copied');
    } catch {
      // No clipboard (insecure context, denied permission) or a value too deep to stringify.
      setStatus('Copy failed');
    }
  };
  return (
    <button
      type="button"
      className={className === undefined ? 'json-button' : `json-button ${className}`}
      aria-label={status ?? name}
      onClick={() => void click()}
      {...rest}
    >
      {status ?? children}
    </button>
  );
}
