import type { CairnDatabase } from '../db/cairnDb';
import {
  MAX_QUERY_LENGTH,
  MAX_SAVED,
  findSaved,
  loadQueryLists,
  mergeSaved,
  pushHistory,
  saveQueryLists,
  savedNameProblem,
} from '../db/savedQueries';
import type { QueryLists, SavedQuery } from '../db/savedQueries';
import { parseQuery } from '../querylang/parseQuery';

/**
 * The case's query history and saved queries as the engine serves them: kept in memory (the
 * Searcher looks `saved:` names up on every search) and written through to IndexedDB on each change.
 * Writes are chained, so the stored value is always the latest.
 */
export class CaseQueries {
  private lists: QueryLists;
  private readonly db: CairnDatabase;
  private writing: Promise<void> = Promise.resolve();

  private constructor(db: CairnDatabase, lists: QueryLists) {
    this.db = db;
    this.lists = lists;
  }

  /** Loads the case's stored lists (empty ones when none are stored). */
  static async load(db: CairnDatabase): Promise<CaseQueries> {
    return new CaseQueries(db, await loadQueryLists(db));
  }

  /** The history (most recent first) and the saved queries (in the order saved). */
  all(): QueryLists {
    return this.lists;
  }

  /** The text saved under `name` (ignoring case), for `saved:` clauses. */
  lookup(name: string): string | undefined {
    return findSaved(this.lists.saved, name)?.q;
  }

  /** Records an applied query at the top of the history (see pushHistory). */
  async remember(q: string): Promise<QueryLists> {
    return this.write({ ...this.lists, history: pushHistory(this.lists.history, q) });
  }

  /**
   * Saves `q` under `name`. With `replace`, an existing query of that name takes the new text;
   * without it, a taken name is an error.
   * @throws Error with a readable reason: a bad name, a taken name, text that does not parse.
   */
  async save(name: string, q: string, replace = false): Promise<QueryLists> {
    const trimmed = checkName(name);
    const text = q.trim();
    if (text === '') throw new Error('There is no query to save');
    if (text.length > MAX_QUERY_LENGTH) throw new Error('The query is too long to save');
    const parsed = parseQuery(text);
    if (!parsed.ok) throw new Error(`The query does not parse: ${parsed.error.message}`);
    const taken = findSaved(this.lists.saved, trimmed);
    if (taken !== undefined && !replace) throw new Error(`A saved query is named "${taken.name}"`);
    if (taken === undefined && this.lists.saved.length >= MAX_SAVED)
      throw new Error(`A case keeps at most ${MAX_SAVED} saved queries`);
    const entry: SavedQuery = { name: trimmed, q: text, savedAt: Date.now() };
    const saved =
      taken === undefined
        ? [...this.lists.saved, entry]
        : this.lists.saved.map((s) => (s === taken ? entry : s));
    return this.write({ ...this.lists, saved });
  }

  /**
   * Renames a saved query. `saved:` clauses that used the old name (in other saved queries, the
   * history, links) are not rewritten: they now name no query and say so.
   * @throws Error when `from` is not saved, or `to` is a bad or taken name.
   */
  async rename(from: string, to: string): Promise<QueryLists> {
    const entry = findSaved(this.lists.saved, from);
    if (entry === undefined) throw new Error(`No saved query named "${from}"`);
    const trimmed = checkName(to);
    const taken = findSaved(this.lists.saved, trimmed);
    if (taken !== undefined && taken !== entry)
      throw new Error(`A saved query is named "${taken.name}"`);
    const saved = this.lists.saved.map((s) =>
      s === entry ? { ...s, name: trimmed, savedAt: Date.now() } : s,
    );
    return this.write({ ...this.lists, saved });
  }

  /** Deletes the saved query named `name` (nothing when there is none). */
  async remove(name: string): Promise<QueryLists> {
    const entry = findSaved(this.lists.saved, name);
    if (entry === undefined) return this.lists;
    return this.write({ ...this.lists, saved: this.lists.saved.filter((s) => s !== entry) });
  }

  /** Adds a bundle's saved queries (see mergeSaved); returns how many were added and renamed. */
  async merge(incoming: readonly SavedQuery[]): Promise<{ added: number; renamed: number }> {
    const { saved, added, renamed } = mergeSaved(this.lists.saved, incoming);
    if (added > 0) await this.write({ ...this.lists, saved });
    return { added, renamed };
  }

  private async write(next: QueryLists): Promise<QueryLists> {
    this.lists = next;
    const done = this.writing.then(() => saveQueryLists(this.db, this.lists));
    this.writing = done.catch(() => undefined);
    await done;
    return next;
  }
}

function checkName(name: string): string {
  const problem = savedNameProblem(name);
  if (problem !== undefined) throw new Error(problem);
  return name.trim();
}
