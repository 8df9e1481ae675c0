/**
 * What the index knows of one detection rule: enough to answer `rule:`, `level:` and `attack:`
 * clauses (the rule's Sigma id, title, level and tags, all from an untrusted rule file).
 */
export interface RuleEntry {
  readonly id: string;
  readonly title: string;
  readonly level: string;
  readonly tags: readonly string[];
}

/**
 * The detection hits of a case, by rule: sorted row numbers of the event index (stable handles), plus
 * what the responder marked benign (a whole rule, or single hits). Lives beside the EventIndex in the
 * engine worker; DetectionService fills it and the Searcher reads it. `version` moves on every
 * change, so a search result that used it can tell it is stale.
 */
export class RuleHits {
  private readonly entries = new Map<string, RuleEntry>();
  private readonly hits = new Map<string, Uint32Array>();
  private readonly benignRules = new Set<string>();
  private readonly benignHits = new Map<string, Set<number>>();
  private changes = 0;

  /** Moves on every change of rules, hits or suppressions. */
  get version(): number {
    return this.changes;
  }

  /** The rules known, in the order they were declared. */
  rules(): readonly RuleEntry[] {
    return [...this.entries.values()];
  }

  /** The rule with Sigma id `id`, if known. */
  rule(id: string): RuleEntry | undefined {
    return this.entries.get(id);
  }

  /** Declares the rule set: rules not in `rules` are forgotten with their hits. */
  setRules(rules: readonly RuleEntry[]): void {
    const keep = new Set(rules.map((r) => r.id));
    for (const id of [...this.entries.keys()]) {
      if (!keep.has(id)) {
        this.entries.delete(id);
        this.hits.delete(id);
      }
    }
    for (const r of rules) this.entries.set(r.id, r);
    this.changes++;
  }

  /** Every row rule `id` matched (suppressed ones included), ascending. */
  rows(id: string): Uint32Array {
    return this.hits.get(id) ?? EMPTY;
  }

  /** Replaces rule `id`'s hits with `rows` (any order, duplicates allowed). */
  replace(id: string, rows: ArrayLike<number>): void {
    this.hits.set(id, sortedUnique(Uint32Array.from(rows)));
    this.changes++;
  }

  /** Adds `rows` to rule `id`'s hits (any order; rows already there stay once). */
  add(id: string, rows: ArrayLike<number>): void {
    if (rows.length === 0) return;
    const old = this.hits.get(id) ?? EMPTY;
    const merged = new Uint32Array(old.length + rows.length);
    merged.set(old);
    merged.set(Uint32Array.from(rows), old.length);
    this.hits.set(id, sortedUnique(merged));
    this.changes++;
  }

  /** Forgets every hit (the rules stay): before the whole case is evaluated again. */
  clearHits(): void {
    this.hits.clear();
    this.changes++;
  }

  /** Marks rule `id` benign (every hit), or not. */
  setRuleBenign(id: string, benign: boolean): void {
    if (benign) this.benignRules.add(id);
    else this.benignRules.delete(id);
    this.changes++;
  }

  /** Marks rule `id`'s hit on `row` benign, or not. */
  setHitBenign(id: string, row: number, benign: boolean): void {
    let rows = this.benignHits.get(id);
    if (benign) {
      if (rows === undefined) this.benignHits.set(id, (rows = new Set()));
      rows.add(row);
    } else rows?.delete(row);
    this.changes++;
  }

  /** Forgets every suppression (before they are set again from the case's stored list). */
  clearBenign(): void {
    this.benignRules.clear();
    this.benignHits.clear();
    this.changes++;
  }

  /** True when the responder marked rule `id` benign as a whole. */
  isRuleBenign(id: string): boolean {
    return this.benignRules.has(id);
  }

  /** True when rule `id`'s hit on `row` is suppressed, alone or with its whole rule. */
  isBenign(id: string, row: number): boolean {
    return this.benignRules.has(id) || this.benignHits.get(id)?.has(row) === true;
  }

  /** Rule `id`'s hits that are not suppressed, ascending. */
  activeRows(id: string): Uint32Array {
    if (this.benignRules.has(id)) return EMPTY;
    const rows = this.rows(id);
    const benign = this.benignHits.get(id);
    if (benign === undefined || benign.size === 0) return rows;
    return rows.filter((r) => !benign.has(r));
  }

  /** The rules with an active (unsuppressed) hit on `row`, in declaration order. */
  rulesOf(row: number): RuleEntry[] {
    return [...this.entries.values()].filter((r) => {
      const rows = this.hits.get(r.id);
      return rows !== undefined && hasRow(rows, row) && !this.isBenign(r.id, row);
    });
  }

  /** Rule ids with a hit on `row`, suppressed ones included, with whether each is suppressed. */
  allRulesOf(row: number): { readonly id: string; readonly benign: boolean }[] {
    const out: { id: string; benign: boolean }[] = [];
    for (const id of this.entries.keys()) {
      const rows = this.hits.get(id);
      if (rows !== undefined && hasRow(rows, row)) out.push({ id, benign: this.isBenign(id, row) });
    }
    return out;
  }
}

const EMPTY = new Uint32Array(0);

/** True when ascending `rows` holds `row` (binary search). */
export function hasRow(rows: Uint32Array, row: number): boolean {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid] ?? 0) < row) lo = mid + 1;
    else hi = mid;
  }
  return lo < rows.length && rows[lo] === row;
}

function sortedUnique(rows: Uint32Array): Uint32Array {
  // Stored hits and a run's new rows arrive ascending already: no sort at open for a million hits.
  let ascending = true;
  for (let i = 1; i < rows.length && ascending; i++)
    ascending = (rows[i - 1] ?? 0) < (rows[i] ?? 0);
  if (ascending) return rows;
  rows.sort();
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    if (i === 0 || rows[i] !== rows[i - 1]) rows[n++] = rows[i] ?? 0;
  }
  return rows.slice(0, n);
}
