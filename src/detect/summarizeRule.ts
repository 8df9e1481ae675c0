import type { EventIndex } from '../index/EventIndex';
import type { RuleHits } from '../index/RuleHits';
import { STRING_FIELDS } from '../cloudtrail/types';
import { attackTags } from './attackTags';
import type { RuleOrigin } from './CompiledRule';
import type { CorrelationType, SigmaRule } from '../sigma/types';

/** What a summary reads of a rule, base or correlation: its metadata and where it comes from. */
export interface SummarizedRule {
  readonly rule: Pick<
    SigmaRule,
    | 'id'
    | 'title'
    | 'level'
    | 'status'
    | 'description'
    | 'author'
    | 'references'
    | 'falsepositives'
    | 'tags'
  > & { readonly type?: CorrelationType };
  readonly origin: RuleOrigin;
}

/**
 * One rule as the Detections view and the detail pane show it: its metadata (untrusted text from
 * the rule file: render as text), where it comes from (the DRL 1.1 credit: author and link), and
 * its hits in the case.
 */
export interface RuleSummary {
  readonly id: string;
  readonly title: string;
  readonly level: string;
  readonly status: string;
  readonly description: string;
  readonly author: string;
  readonly references: readonly string[];
  readonly falsepositives: readonly string[];
  readonly tags: readonly string[];
  readonly tactics: readonly string[];
  readonly techniques: readonly string[];
  readonly origin: RuleOrigin;
  /** A correlation rule's type (its hits are the events of its groups); undefined for a base rule. */
  readonly correlation: CorrelationType | undefined;
  /** Hits not marked benign. */
  readonly hits: number;
  /** Hits marked benign, alone or with the whole rule. */
  readonly suppressed: number;
  /** The whole rule is marked benign, with the responder's note. */
  readonly benign: { readonly note: string; readonly at: number } | undefined;
  /** First and last active hit's eventTime (ms since epoch); undefined without active hits. */
  readonly firstMs: number | undefined;
  readonly lastMs: number | undefined;
  /** Distinct user names (the console's User name) and source IPs over the active hits. */
  readonly identities: number;
  readonly sourceIps: number;
}

/** The summary of `r` over the case's hits; `benign` is its rule-wide suppression, if any. */
export function summarizeRule(
  r: SummarizedRule,
  hits: RuleHits,
  index: EventIndex,
  benign: { readonly note: string; readonly at: number } | undefined,
): RuleSummary {
  const { rule } = r;
  const all = hits.rows(rule.id);
  const active = hits.activeRows(rule.id);
  const time = index.time.data;
  const users = index.cols[STRING_FIELDS.indexOf('userName')]?.data;
  const ips = index.cols[STRING_FIELDS.indexOf('sourceIPAddress')]?.data;
  const userSet = new Set<number>();
  const ipSet = new Set<number>();
  let firstMs = Infinity;
  let lastMs = -Infinity;
  for (const row of active) {
    const t = time[row] ?? NaN;
    if (t < firstMs) firstMs = t;
    if (t > lastMs) lastMs = t;
    userSet.add(users?.[row] ?? 0);
    ipSet.add(ips?.[row] ?? 0);
  }
  const { tactics, techniques } = attackTags(rule.tags);
  const known = active.length > 0 && Number.isFinite(firstMs);
  return {
    id: rule.id,
    title: rule.title,
    level: rule.level,
    status: rule.status,
    description: rule.description,
    author: rule.author,
    references: rule.references,
    falsepositives: rule.falsepositives,
    tags: rule.tags,
    tactics,
    techniques,
    origin: r.origin,
    correlation: rule.type,
    hits: active.length,
    suppressed: all.length - active.length,
    benign,
    firstMs: known ? firstMs : undefined,
    lastMs: known ? lastMs : undefined,
    identities: userSet.size,
    sourceIps: ipSet.size,
  };
}
