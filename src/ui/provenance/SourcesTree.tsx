import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  fileClause,
  samePatterns,
  selectedFilePatterns,
  withFileFilter,
} from '../../querylang/fileFilter';
import { parseQuery } from '../../querylang/parseQuery';
import { printQuery } from '../../querylang/printQuery';
import type { Query } from '../../querylang/types';
import { useIngestState } from '../../data/ingestState';
import { sourcesTreeQuery } from '../../data/provenanceQueries';
import type { SourceNode } from '../../data/provenanceQueries';
import { formatCount } from '../common/formatCount';
import { SourceTreeNode } from './SourceTreeNode';
import type { SourcePicks } from './SourceTreeNode';
import './Provenance.css';

/** Roots open at first when there are this few (accounts are few; their Regions show at once). */
const OPEN_ROOTS = 4;

/**
 * Where the events came from: account → Region → delivery day of the trail's files, and the other
 * files by folder, with file and event counts. A node filters the table to its files through one
 * `file:` clause in the query (other clauses stay); clicking it again, or Clear, lifts it.
 */
export function SourcesTree(props: {
  /** The query text as applied. */
  readonly q: string;
  /** Replaces the query. */
  readonly onQuery: (q: string) => void;
}) {
  const { q, onQuery } = props;
  // Counts would be stale within seconds while files stream in: refresh once the worker is idle.
  const ingesting = useIngestState((s) => s.phase === 'ingesting');
  const tree = useQuery({ ...sourcesTreeQuery(), enabled: !ingesting }).data;
  const query = useMemo<Query>(() => {
    const parsed = parseQuery(q);
    return parsed.ok ? parsed.query : { clauses: [] };
  }, [q]);
  const selected = selectedFilePatterns(query);
  const picks = useMemo<SourcePicks>(() => {
    const apply = (next: Query) => onQuery(printQuery(next));
    const isNodeSelected = (node: SourceNode) =>
      selected !== undefined && samePatterns(selected, node.patterns);
    const isFileSelected = (path: string) =>
      selected !== undefined && samePatterns(selected, [{ parts: [path] }]);
    return {
      isNodeSelected,
      isFileSelected,
      pickNode: (node) =>
        apply(withFileFilter(query, isNodeSelected(node) ? undefined : node.patterns)),
      pickFile: (path) =>
        apply(withFileFilter(query, isFileSelected(path) ? undefined : [{ parts: [path] }])),
    };
  }, [query, selected, onQuery]);
  return (
    <div className="sources-tree" aria-label="Sources" data-testid="sources-tree">
      <div className="sources-head">
        <span className="muted">
          {tree === undefined
            ? 'Reading…'
            : `${formatCount(tree.files)} log files · ${formatCount(tree.events)} events`}
        </span>
        {selected === undefined ? null : (
          <button
            type="button"
            className="btn btn-small"
            title={`Remove ${printQuery({ clauses: [fileClause(selected)] })}`}
            onClick={() => onQuery(printQuery(withFileFilter(query, undefined)))}
          >
            Clear
          </button>
        )}
      </div>
      {tree === undefined || tree.roots.length === 0 ? null : (
        <div className="sources-legend muted" aria-hidden="true">
          files · events
        </div>
      )}
      {tree !== undefined && tree.roots.length === 0 ? (
        <p className="muted sources-empty">No log files stored.</p>
      ) : (
        <ul role="tree" aria-label="Source files by account, Region and day">
          {(tree?.roots ?? []).map((node) => (
            <SourceTreeNode
              key={node.id}
              node={node}
              depth={0}
              picks={picks}
              initiallyOpen={(tree?.roots.length ?? 0) <= OPEN_ROOTS}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
