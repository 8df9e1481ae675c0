import type { Draft, NodeMaker } from './sourceNodes';
import { compareText } from './sourceNodes';

/**
 * The "Other files" branch of the sources tree: the folders that hold log files outside the trail's
 * naming, nested under one another (only folders that hold such files become nodes). A folder's
 * `file:` pattern is `<folder>/*`, which also selects everything below it (a `*` crosses `/`), so a
 * folder counts every log file below it, trail files included: the count always equals what its
 * filter finds. Files directly at the top of the drop have no folder: a "(top level)" node lists
 * them, selectable one by one only.
 */
export class SourceFolders {
  /** Lower-cased folder → its nodes (two spellings of one folder are two nodes; both match both). */
  private readonly byLower = new Map<string, Draft[]>();
  private readonly byDir = new Map<string, Draft>();
  private readonly containing = new Map<string, readonly Draft[]>();
  private other: Draft | undefined;
  private top: Draft | undefined;

  /** `dirs`: the folders of the log files outside the trail's naming ('' for the top level). */
  constructor(maker: NodeMaker, dirs: ReadonlySet<string>) {
    if (dirs.size === 0) return;
    const other = maker.make(maker.roots, 'o:', 'other', 'Other files', []);
    this.other = other;
    if (dirs.has('')) this.top = maker.make(other.children, 'f:', 'folder', '(top level)', []);
    // Parents sort before their children, so each folder's parent node exists when it is made.
    for (const dir of [...dirs].filter((d) => d !== '').sort(compareText)) {
      const parentDir = this.nearestAncestor(dir, dirs);
      const parent = parentDir === undefined ? other : this.byDir.get(parentDir);
      const label = parentDir === undefined ? `${dir}/` : `${dir.slice(parentDir.length + 1)}/`;
      const node = maker.make((parent ?? other).children, `f:${dir}`, 'folder', label, [
        { parts: [`${dir}/`, ''] },
      ]);
      this.byDir.set(dir, node);
      const lower = dir.toLowerCase();
      this.byLower.set(lower, [...(this.byLower.get(lower) ?? []), node]);
    }
  }

  /**
   * The nodes a log file in folder `dir` counts under, outermost first: every folder node at or
   * above `dir` and "Other files" itself; for a file at the top outside the trail's naming, the
   * top-level node. Empty when it falls under no folder node.
   */
  nodesFor(dir: string, isTrail: boolean): readonly Draft[] {
    const key = isTrail ? `t/${dir}` : `o/${dir}`;
    let nodes = this.containing.get(key);
    if (nodes === undefined) {
      const found: Draft[] = [];
      const lower = dir.toLowerCase();
      for (let at = lower.length; at > 0; at = lower.lastIndexOf('/', at - 1)) {
        found.unshift(...(this.byLower.get(lower.slice(0, at)) ?? []));
      }
      if (dir === '' && !isTrail && this.top !== undefined) found.push(this.top);
      nodes = found.length > 0 && this.other !== undefined ? [this.other, ...found] : [];
      this.containing.set(key, nodes);
    }
    return nodes;
  }

  /** The node listing the files directly in `dir`, if it is one. */
  listing(dir: string, isTrail: boolean): Draft | undefined {
    return dir === '' ? (isTrail ? undefined : this.top) : this.byDir.get(dir);
  }

  private nearestAncestor(dir: string, dirs: ReadonlySet<string>): string | undefined {
    for (let at = dir.lastIndexOf('/'); at > 0; at = dir.lastIndexOf('/', at - 1)) {
      const up = dir.slice(0, at);
      if (dirs.has(up)) return up;
    }
    return undefined;
  }
}
