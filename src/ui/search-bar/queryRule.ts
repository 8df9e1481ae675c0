import { lookupIn, parseExpanded } from '../../querylang/expandSaved';
import { ruleFromQuery, RuleFromQueryError } from '../../sigma/ruleFromQuery';

/** The applied query as a Sigma rule: its YAML and approximations, or why no rule can hold it. */
export type QueryRule =
  | { readonly ok: true; readonly yaml: string; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * Turns query text `q` into a Sigma rule (sigma/ruleFromQuery), its `saved:` clauses expanded first
 * from the case's saved queries. Never throws: a query that does not parse, or a clause no rule can
 * express (a file, a bookmark, a detection), gives the reason, naming the clause.
 */
export function queryRule(
  q: string,
  saved: readonly { readonly name: string; readonly q: string }[],
  meta: {
    readonly id: string;
    readonly title: string;
    readonly author: string;
    readonly date: string;
  },
): QueryRule {
  const parsed = parseExpanded(q, lookupIn(saved));
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  try {
    const { yaml, notes } = ruleFromQuery(parsed.query, { ...meta, queryText: q.trim() });
    return { ok: true, yaml, notes };
  } catch (e) {
    if (e instanceof RuleFromQueryError) return { ok: false, message: e.message };
    throw e;
  }
}

/**
 * A file name for a rule titled `title`: `<title>.yml`, with characters file systems or the case's
 * file list could trip on (path separators, control characters, quotes) made `_`, at most 100
 * characters before `.yml`; `rule.yml` for a title with nothing left.
 */
export function ruleFileName(title: string): string {
  const base = title
    .trim()
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 100)
    .trim();
  return `${base === '' ? 'rule' : base}.yml`;
}

/** Today's date as Sigma's `date` field writes it (`YYYY-MM-DD`), in the browser's zone. */
export function sigmaDate(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
