import { useState } from 'react';
import type { SourceNode } from '../../data/provenanceQueries';
import { AccountName } from '../accounts/AccountName';
import { formatCount } from '../common/formatCount';
import { LogText, logTitle } from '../common/LogText';
import { indent, SourceFileRows } from './SourceFileRows';

/** How a tree row asks about and changes the query's file filter. */
export interface SourcePicks {
  readonly isNodeSelected: (node: SourceNode) => boolean;
  readonly isFileSelected: (path: string) => boolean;
  readonly pickNode: (node: SourceNode) => void;
  readonly pickFile: (path: string) => void;
}

/**
 * One node of the sources tree and, once expanded, its children and files (rendered only then, so a
 * tree of 50k files draws only what is open). A click on the label filters to the node, or lifts the filter
 * when it is the selected one; the arrow expands it.
 */
export function SourceTreeNode(props: {
  readonly node: SourceNode;
  readonly depth: number;
  readonly picks: SourcePicks;
  readonly initiallyOpen?: boolean;
}) {
  const { node, depth, picks } = props;
  const [open, setOpen] = useState(props.initiallyOpen === true);
  // Days and folders list their files (a folder: those directly in it) after any subfolders.
  const listsFiles = node.kind === 'day' || node.kind === 'folder';
  const selectable = node.patterns.length > 0;
  const selected = selectable && picks.isNodeSelected(node);
  // A folder's label is relative to its parent folder; its pattern holds the whole path.
  const folder = node.kind === 'folder' ? node.patterns[0]?.parts[0] : undefined;
  const title = [
    `${logTitle(folder ?? node.label)}: ${formatCount(node.files)} log ${node.files === 1 ? 'file' : 'files'}${folder === undefined ? '' : ' in this folder and below'}, ${formatCount(node.events)} events.`,
    selectable
      ? selected
        ? 'Click to remove the filter.'
        : 'Click to filter to these files.'
      : '',
  ].join(' ');
  return (
    <li
      role="treeitem"
      aria-expanded={open}
      aria-selected={selected}
      className={`sources-node sources-${node.kind}`}
      data-node-id={node.id}
    >
      <div className={selected ? 'sources-row is-selected' : 'sources-row'}>
        <button
          type="button"
          className="sources-toggle"
          style={{ marginLeft: indent(depth) - 4 }}
          aria-label={`${open ? 'Collapse' : 'Expand'} ${node.label}`}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'}
        </button>
        <button
          type="button"
          className="sources-label"
          title={title}
          onClick={() => (selectable ? picks.pickNode(node) : setOpen(!open))}
          data-testid="sources-node"
          data-kind={node.kind}
          data-events={node.events}
        >
          <span className={node.kind === 'other' ? 'sources-name muted' : 'sources-name'}>
            {node.kind === 'folder' ? <LogText text={node.label} /> : node.label}
            {node.kind === 'account' ? <AccountName id={node.label} /> : null}
            {node.orgId === undefined ? null : (
              <span className="muted sources-org"> {node.orgId}</span>
            )}
          </span>
          <span className="sources-count">
            {node.kind === 'day' ? null : (
              <span className="sources-files">{formatCount(node.files)} · </span>
            )}
            {formatCount(node.events)}
          </span>
        </button>
      </div>
      {open ? (
        <ul role="group">
          {node.children.map((child) => (
            <SourceTreeNode key={child.id} node={child} depth={depth + 1} picks={picks} />
          ))}
          {listsFiles ? (
            <SourceFileRows
              nodeId={node.id}
              depth={depth + 1}
              isSelected={picks.isFileSelected}
              onPick={picks.pickFile}
            />
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}
