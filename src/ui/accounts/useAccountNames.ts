import { create } from 'zustand';
import { isObject } from '../../lib/isObject';
import { MAX_NAME_LENGTH } from './parseAccountNames';

// The user's names for their accounts: knowledge about their organisation, so kept in this
// browser's localStorage only, never in the dataset or a link.
const KEY = 'cairn.accounts.v1';
const ACCOUNT_ID = /^\d{12}$/;
const useNamesStore = create<{ readonly names: ReadonlyMap<string, string> }>()(() => ({
  names: read(),
}));

function read(): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  try {
    const raw = localStorage.getItem(KEY);
    // Stored text may have been edited by hand or by another version: keep only valid entries.
    const v: unknown = raw === null ? {} : JSON.parse(raw);
    if (!isObject(v)) return out;
    for (const [id, name] of Object.entries(v)) {
      if (ACCOUNT_ID.test(id) && typeof name === 'string' && name.trim() !== '') {
        out.set(id, name.trim().slice(0, MAX_NAME_LENGTH));
      }
    }
  } catch {
    // Unreadable storage (private mode, corrupt value): start with no names.
  }
  return out;
}

function commit(next: ReadonlyMap<string, string>): void {
  useNamesStore.setState({ names: next });
  try {
    localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(next)));
  } catch {
    // A full quota or private mode: the names then last for this session only.
  }
}

/** What merging names changed: IDs newly named, IDs renamed, IDs given the name they had. */
export interface MergeResult {
  readonly added: number;
  readonly renamed: number;
  readonly unchanged: number;
}

/** Merges `more` into the stored names (a new name for a known ID replaces the old one). */
export function addAccountNames(more: ReadonlyMap<string, string>): MergeResult {
  const next = new Map(useNamesStore.getState().names);
  let added = 0;
  let renamed = 0;
  for (const [id, name] of more) {
    const old = next.get(id);
    if (old === undefined) added++;
    else if (old !== name) renamed++;
    next.set(id, name);
  }
  if (added + renamed > 0) commit(next);
  return { added, renamed, unchanged: more.size - added - renamed };
}

/** Forgets the name of one account. */
export function removeAccountName(id: string): void {
  const { names } = useNamesStore.getState();
  if (!names.has(id)) return;
  const next = new Map(names);
  next.delete(id);
  commit(next);
}

/** Forgets every account name. */
export function clearAccountNames(): void {
  commit(new Map());
}

// Another tab changed the names: show them here too.
window.addEventListener('storage', (e) => {
  if (e.key === KEY || e.key === null) useNamesStore.setState({ names: read() });
});

/** Account ID → the user's name for it, re-rendering on change (also from other tabs). */
export function useAccountNames(): ReadonlyMap<string, string> {
  return useNamesStore((s) => s.names);
}
