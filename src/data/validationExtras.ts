import { create } from 'zustand';
import { isObject } from '../lib/isObject';
import type { ValidationExtras } from '../engine/types';
import type { FileReport } from './types';

/**
 * What validation needs besides the files, kept in localStorage (public keys and signatures are
 * public data, and a responder adds them once per case): `aws cloudtrail list-public-keys` outputs
 * and saved `head-object` outputs of the newest digests.
 */
const KEY = 'cairn.validation.v1';
const EMPTY: ValidationExtras = { publicKeys: [], signatures: [] };
const useExtrasStore = create<{ readonly extras: ValidationExtras }>()(() => ({ extras: read() }));

function read(): ValidationExtras {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw === null) return EMPTY;
    const v: unknown = JSON.parse(raw);
    if (!isObject(v)) return EMPTY;
    const publicKeys = Array.isArray(v['publicKeys']) ? v['publicKeys'] : [];
    const signatures = (Array.isArray(v['signatures']) ? v['signatures'] : []).flatMap(
      (s: unknown) => {
        if (!isObject(s)) return [];
        const name = typeof s['name'] === 'string' ? { name: s['name'] } : {};
        return [{ ...name, value: s['value'] }];
      },
    );
    return { publicKeys, signatures };
  } catch {
    return EMPTY;
  }
}

/** The current extras (for a fetch outside React). */
export function validationExtras(): ValidationExtras {
  return useExtrasStore.getState().extras;
}

/** Replaces the extras and persists them. */
export function setValidationExtras(next: ValidationExtras): void {
  useExtrasStore.setState({ extras: next });
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // A full quota or private mode: the extras last for the session only.
  }
}

/**
 * Adds the key lists and saved signatures that ingest recognised among dropped files (reports with
 * a `validationInput`), each once; a signature is matched by its file's name, as when added by hand.
 * Returns how many were new.
 */
export function addValidationInputs(reports: readonly FileReport[]): number {
  const extras = validationExtras();
  const seen = new Set([
    ...extras.publicKeys.map((k) => JSON.stringify(k)),
    ...extras.signatures.map((s) => JSON.stringify(s)),
  ]);
  const publicKeys = [...extras.publicKeys];
  const signatures = [...extras.signatures];
  for (const r of reports) {
    const input = r.validationInput;
    if (input === undefined) continue;
    const entry =
      input.kind === 'publicKeys' ? input.value : { name: baseName(r.path), value: input.value };
    const key = JSON.stringify(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    if (input.kind === 'publicKeys') publicKeys.push(input.value);
    else signatures.push({ name: baseName(r.path), value: input.value });
  }
  const fresh =
    publicKeys.length - extras.publicKeys.length + signatures.length - extras.signatures.length;
  if (fresh > 0) setValidationExtras({ publicKeys, signatures });
  return fresh;
}

/** The extras, re-rendering on change. */
export function useValidationExtras(): ValidationExtras {
  return useExtrasStore((s) => s.extras);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
