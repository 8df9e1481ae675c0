import { useSyncExternalStore } from 'react';
import { isObject } from '../../lib/isObject';
import { MAX_NAME_LENGTH } from './parseAccountNames';

// The user's names for their accounts: knowledge about their organisation, so kept in this
// browser's localStorage only, never in the dataset or a link.
const KEY = 'cairn.accounts.v1';
const ACCOUNT_ID = /^\d{12}$/;
let names: ReadonlyMap<string, string> = read();
const listeners = new Set<() => void>();

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
  names = next;
  try {
    localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(next)));
  } catch {
    // A full quota or private mode: the names then last for this session only.
  }
  for (const l of listeners) l();
}

/** What merging names changed: IDs newly named, IDs renamed, IDs given the name they had. */
export interface MergeResult {
  readonly added: number;
  readonly renamed: number;
  readonly unchanged: number;
}

/** Merges `more` into the stored names (a new name for a known ID replaces the old one). */
export function addAccountNames(more: ReadonlyMap<string, string>): MergeResult {
  const next = new Map(names);
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
  if (!names.has(id)) return;
  const next = new Map(names);
  next.delete(id);
  commit(next);
}

/** Forgets every account name. */
export function clearAccountNames(): void {
  commit(new Map());
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

// Another tab changed the names: show them here too.
function onStorage(e: StorageEvent): void {
  if (e.key !== KEY && e.key !== null) return;
  names = read();
  for (const l of listeners) l();
}

/** Account ID → the user's name for it, re-rendering on change (also from other tabs). */
export function useAccountNames(): ReadonlyMap<string, string> {
  return useSyncExternalStore(subscribe, () => names);
}
