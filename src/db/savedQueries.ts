import { isObject } from '../lib/isObject';
import type { CairnDatabase } from './cairnDb';

/** A query the responder named, kept with the case and used as `saved:<name>`. */
export interface SavedQuery {
  /** As the user typed it (trimmed); unique in the case ignoring case. */
  readonly name: string;
  /** The query text (docs/query-language.md). */
  readonly q: string;
  /** When it was saved or last renamed, ms since epoch. */
  readonly savedAt: number;
}

/**
 * A case's query history and saved queries, stored in the case's own database (meta `queries`), so
 * they go with the case: another case never sees them, and deleting the case deletes them.
 * `history` is most recent first, without repeats, at most HISTORY_LIMIT long.
 */
export interface QueryLists {
  readonly kind: 'queries';
  readonly history: readonly string[];
  readonly saved: readonly SavedQuery[];
}

/** How many applied queries a case's history keeps. */
export const HISTORY_LIMIT = 50;
/** The longest saved query name. */
export const MAX_NAME_LENGTH = 200;
/** The longest query text kept in the history or under a name. */
export const MAX_QUERY_LENGTH = 10_000;
/** The most saved queries a case holds (a bound on a hostile bundle's). */
export const MAX_SAVED = 10_000;

export const NO_QUERY_LISTS: QueryLists = { kind: 'queries', history: [], saved: [] };

const KEY = 'queries';

/**
 * `history` with `q` (trimmed) first: an earlier copy of it is removed, and the list is cut to
 * `limit`. The empty query and one longer than MAX_QUERY_LENGTH are not recorded.
 */
export function pushHistory(
  history: readonly string[],
  q: string,
  limit = HISTORY_LIMIT,
): readonly string[] {
  const text = q.trim();
  if (text === '' || text.length > MAX_QUERY_LENGTH) return history;
  return [text, ...history.filter((h) => h !== text)].slice(0, limit);
}

/** Why `name` cannot name a saved query, or undefined when it can (after trimming). */
export function savedNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'A saved query needs a name';
  if (trimmed.length > MAX_NAME_LENGTH) return `Names are at most ${MAX_NAME_LENGTH} characters`;
  // Control characters would be invisible in the list and in `saved:` clauses.
  if (/\p{Cc}/u.test(trimmed)) return 'Names cannot hold control characters';
  return undefined;
}

/** The saved query named `name` (ignoring case), if any. */
export function findSaved(saved: readonly SavedQuery[], name: string): SavedQuery | undefined {
  const key = name.trim().toLowerCase();
  return saved.find((s) => s.name.toLowerCase() === key);
}

/**
 * Adds saved queries from elsewhere (a bundle) to `saved`. One whose name and text a saved query
 * already has is skipped (as is one an earlier import kept as "(imported)"); one whose name is taken by a different query is kept too, under
 * "<name> (imported)" (or "(imported 2)", …), so neither the case's nor the bundle's is lost.
 */
export function mergeSaved(
  saved: readonly SavedQuery[],
  incoming: readonly SavedQuery[],
): { readonly saved: readonly SavedQuery[]; readonly added: number; readonly renamed: number } {
  const out = [...saved];
  let added = 0;
  let renamed = 0;
  for (const s of incoming) {
    if (out.length >= MAX_SAVED) break;
    // Already here: under its name, or under the name an earlier import of it was given.
    const key = s.name.toLowerCase();
    const kept = out.some(
      (o) =>
        o.q === s.q &&
        (o.name.toLowerCase() === key || o.name.toLowerCase().startsWith(`${key} (imported`)),
    );
    if (kept) continue;
    let name = s.name;
    for (let n = 1; findSaved(out, name) !== undefined; n++) {
      name = `${s.name} (imported${n === 1 ? '' : ` ${n}`})`;
    }
    if (name !== s.name) renamed++;
    out.push({ ...s, name });
    added++;
  }
  return { saved: out, added, renamed };
}

/**
 * Reads saved queries from untrusted JSON (a stored value, or a bundle's list): entries that are not
 * `{name, q}` with a usable name and text within the limits are dropped, as are repeated names;
 * `savedAt` defaults to `now`. At most MAX_SAVED are read.
 */
export function readSavedQueries(value: unknown, now: number): SavedQuery[] {
  if (!Array.isArray(value)) return [];
  const out: SavedQuery[] = [];
  for (const s of value.slice(0, MAX_SAVED)) {
    if (!isObject(s)) continue;
    const { name, q, savedAt } = s;
    if (typeof name !== 'string' || typeof q !== 'string') continue;
    if (savedNameProblem(name) !== undefined || q.length > MAX_QUERY_LENGTH) continue;
    if (findSaved(out, name) !== undefined) continue;
    const at = typeof savedAt === 'number' && Number.isFinite(savedAt) ? savedAt : now;
    out.push({ name: name.trim(), q, savedAt: at });
  }
  return out;
}

/** The case's query lists (empty when none were stored or the stored value is unreadable). */
export async function loadQueryLists(db: CairnDatabase): Promise<QueryLists> {
  const value: unknown = await db.get('meta', KEY);
  if (!isObject(value) || value['kind'] !== 'queries') return NO_QUERY_LISTS;
  const history = Array.isArray(value['history']) ? value['history'] : [];
  return {
    kind: 'queries',
    history: history
      .filter((h): h is string => typeof h === 'string' && h.length <= MAX_QUERY_LENGTH)
      .slice(0, HISTORY_LIMIT),
    saved: readSavedQueries(value['saved'], Date.now()),
  };
}

/** Replaces the case's query lists. @throws the IndexedDB error (a full quota). */
export async function saveQueryLists(db: CairnDatabase, lists: QueryLists): Promise<void> {
  await db.put('meta', lists, KEY);
}
