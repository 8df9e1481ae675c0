import type { ValuePattern } from '../querylang/types';
import type { SourceNode, SourceNodeKind } from './sourcesTree';

/** A node of the sources tree while it is built: counts are filled in place. */
export interface Draft {
  readonly id: string;
  readonly kind: SourceNodeKind;
  readonly label: string;
  orgId?: string;
  files: number;
  events: number;
  readonly patterns: readonly ValuePattern[];
  readonly children: Map<string, Draft>;
  /** Index into the counting arrays. */
  readonly slot: number;
}

/**
 * The start of a trail file name: `<account>_CloudTrail[-Kind]_<region>_<YYYYMMDD>T`. Looser than
 * parseS3Key on purpose: a copy renamed by a browser (`… (1).json.gz`) still sits on its day, as the
 * `file:` patterns of the tree (which look at the name only) also select it. Digests are not event
 * sources. @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */
export const TRAIL_NAME =
  /^(\d{12})_CloudTrail(-(?!Digest_)[A-Za-z]+)?_([a-z0-9-]+)_(\d{4})(\d{2})(\d{2})T/;

/** Creates the tree's nodes once each, numbering them for the counting arrays. */
export class NodeMaker {
  readonly roots = new Map<string, Draft>();
  readonly drafts: Draft[] = [];

  /** The child `id` of `parent` (a node's children, or the roots), created when new. */
  make(
    parent: Map<string, Draft>,
    id: string,
    kind: SourceNodeKind,
    label: string,
    patterns: readonly ValuePattern[],
  ): Draft {
    let d = parent.get(id);
    if (d === undefined) {
      const slot = this.drafts.length;
      d = { id, kind, label, files: 0, events: 0, patterns, children: new Map(), slot };
      this.drafts.push(d);
      parent.set(id, d);
    }
    return d;
  }

  /**
   * The account, Region and day nodes of a file whose name TRAIL_NAME matched (`m`). Their `file:`
   * patterns look at the name, so they select the trail's files wherever they were copied.
   */
  trailNodes(m: RegExpExecArray): Draft[] {
    const [, account = '', , region = '', y = '', mo = '', d = ''] = m;
    const trail = `${account}_CloudTrail`;
    const day = `${y}-${mo}-${d}`;
    const a = this.make(this.roots, `a:${account}`, 'account', account, [
      { parts: ['', trail, ''] },
    ]);
    const r = this.make(a.children, `r:${account}/${region}`, 'region', region, [
      { parts: ['', trail, `_${region}_`, ''] },
    ]);
    const dayNode = this.make(r.children, `d:${account}/${region}/${day}`, 'day', day, [
      { parts: ['', trail, `_${region}_${y}${mo}${d}T`, ''] },
    ]);
    return [a, r, dayNode];
  }

  /** The finished tree: accounts (and folders) by label, "Other files" last. */
  finish(level: Map<string, Draft> = this.roots): SourceNode[] {
    return [...level.values()]
      .sort((a, b) =>
        (a.kind === 'other') !== (b.kind === 'other')
          ? a.kind === 'other'
            ? 1
            : -1
          : compareText(a.label, b.label),
      )
      .map((d) => ({
        id: d.id,
        kind: d.kind,
        label: d.label,
        ...(d.orgId === undefined ? {} : { orgId: d.orgId }),
        files: d.files,
        events: d.events,
        patterns: d.patterns,
        children: this.finish(d.children),
      }));
  }
}

/** Code-point order, the same on every machine (no locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
