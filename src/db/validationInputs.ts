import { isObject } from '../lib/isObject';
import type { CairnDatabase } from './cairnDb';

/** One public key entry (a `PublicKeyList` element, as JSON) and where it came from. */
export interface StoredKey {
  /** The entry as given: untrusted JSON, read with readPublicKeyList each time it is used. */
  readonly entry: unknown;
  /** "pasted", the imported file's name, or the evidence file's path. */
  readonly source: string;
  /** When it was added, ms since epoch. */
  readonly addedAt: number;
}

/** A saved signature (`head-object` output or a signature map) with the file name it came in. */
export interface StoredSignature {
  readonly name?: string;
  readonly value: unknown;
}

/**
 * What one case's validation uses besides its files, stored in that case's own database (never in
 * storage shared across cases): the keys the user trusted, the key lists found among the evidence
 * (never trusted without the user's step), and saved digest signatures (public data whose worth is
 * proved by the trusted key that verifies them).
 */
export interface ValidationInputs {
  readonly kind: 'validationInputs';
  readonly trustedKeys: readonly StoredKey[];
  readonly evidenceKeys: readonly StoredKey[];
  readonly signatures: readonly StoredSignature[];
}

const KEY = 'validationInputs';
export const NO_VALIDATION_INPUTS: ValidationInputs = {
  kind: 'validationInputs',
  trustedKeys: [],
  evidenceKeys: [],
  signatures: [],
};

/** The case's validation inputs (empty when none were stored or the stored value is unreadable). */
export async function loadValidationInputs(db: CairnDatabase): Promise<ValidationInputs> {
  const value: unknown = await db.get('meta', KEY);
  if (!isObject(value) || value['kind'] !== 'validationInputs') return NO_VALIDATION_INPUTS;
  return {
    kind: 'validationInputs',
    trustedKeys: readKeys(value['trustedKeys']),
    evidenceKeys: readKeys(value['evidenceKeys']),
    signatures: (Array.isArray(value['signatures']) ? value['signatures'] : []).flatMap(
      (s: unknown) => {
        if (!isObject(s)) return [];
        const name = typeof s['name'] === 'string' ? { name: s['name'] } : {};
        return [{ ...name, value: s['value'] }];
      },
    ),
  };
}

/** Replaces the case's validation inputs. @throws the IndexedDB error (a full quota). */
export async function saveValidationInputs(
  db: CairnDatabase,
  inputs: ValidationInputs,
): Promise<void> {
  await db.put('meta', inputs, KEY);
}

function readKeys(value: unknown): StoredKey[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((k: unknown) =>
    isObject(k) && typeof k['source'] === 'string' && typeof k['addedAt'] === 'number'
      ? [{ entry: k['entry'], source: k['source'], addedAt: k['addedAt'] }]
      : [],
  );
}
