import { readPublicKeyList } from '../cloudtrail/digest/readPublicKeyList';
import type { PublicKeyInput } from '../cloudtrail/digest/validateDigests';
import { importProblem } from '../lib/rsaPublicKey';
import { sha256Hex } from '../lib/sha256Hex';
import type { StoredKey, ValidationInputs } from '../db/validationInputs';

/**
 * One key as the integrity panel lists it: the fingerprint it declares (a label only: AWS does not
 * document how it is computed), the SHA-256 of its bytes, its validity window (ms since epoch),
 * where it came from, whether the user trusted it, and what is wrong with it.
 */
export interface ListedKey {
  readonly fingerprint: string;
  /** Hex SHA-256 of the key's SubjectPublicKeyInfo DER. */
  readonly sha256: string;
  readonly validFrom?: number;
  readonly validTo?: number;
  readonly source: string;
  readonly addedAt: number;
  readonly trusted: boolean;
  /** Why the key cannot be imported, when it cannot. */
  readonly problem?: string;
  /** Set when another key with other bytes claims the same fingerprint. */
  readonly conflict?: string;
}

/** A key of the case as validation uses it, with when it was added (ms since epoch). */
export type CaseKey = PublicKeyInput & { readonly addedAt: number };

/**
 * The case's keys, trusted and found in the evidence, as validation uses them: each stored entry
 * read again (readPublicKeyList), with the SHA-256 of its bytes and whether WebCrypto imports it.
 * Entries that no longer read are left out.
 */
export async function keysOf(inputs: ValidationInputs): Promise<CaseKey[]> {
  const read = async (k: StoredKey, trusted: boolean): Promise<CaseKey[]> => {
    const [entry] = readPublicKeyList([k.entry]).keys;
    if (entry === undefined) return [];
    const problem = await importProblem(entry.spki);
    return [
      {
        ...entry,
        sha256: await sha256Hex(entry.spki),
        trusted,
        source: k.source,
        addedAt: k.addedAt,
        ...(problem === undefined ? {} : { problem }),
      },
    ];
  };
  const trusted = await Promise.all(inputs.trustedKeys.map((k) => read(k, true)));
  const evidence = await Promise.all(inputs.evidenceKeys.map((k) => read(k, false)));
  return [...trusted.flat(), ...evidence.flat()];
}

/** Hex SHA-256 of a stored key's bytes, or undefined when its entry no longer reads. */
export async function keySha(k: StoredKey): Promise<string | undefined> {
  const [entry] = readPublicKeyList([k.entry]).keys;
  return entry === undefined ? undefined : sha256Hex(entry.spki);
}

/** The keys as listed, each with its conflict: other bytes under the same declared fingerprint. */
export function listKeys(keys: readonly CaseKey[]): ListedKey[] {
  const byFingerprint = new Map<string, Set<string>>();
  for (const k of keys)
    byFingerprint.set(k.fingerprint, (byFingerprint.get(k.fingerprint) ?? new Set()).add(k.sha256));
  return keys.map((k) => {
    const others = (byFingerprint.get(k.fingerprint)?.size ?? 1) - 1;
    return {
      fingerprint: k.fingerprint,
      sha256: k.sha256,
      ...(k.validFrom === undefined ? {} : { validFrom: k.validFrom }),
      ...(k.validTo === undefined ? {} : { validTo: k.validTo }),
      source: k.source,
      addedAt: k.addedAt,
      trusted: k.trusted,
      ...(k.problem === undefined ? {} : { problem: k.problem }),
      ...(others === 0
        ? {}
        : {
            conflict: `${others} other key${others === 1 ? '' : 's'} with different bytes claim${others === 1 ? 's' : ''} fingerprint ${k.fingerprint}`,
          }),
    };
  });
}

/**
 * Reads key list texts (`aws cloudtrail list-public-keys` output, pasted or from files) into stored
 * keys, one per readable entry, with the problems of the rest ("not JSON", "not an RSA public key").
 */
export function readKeyTexts(
  texts: readonly { readonly source: string; readonly text: string }[],
  now: number,
): { readonly keys: StoredKey[]; readonly problems: string[] } {
  const keys: StoredKey[] = [];
  const problems: string[] = [];
  for (const { source, text } of texts) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      problems.push(`${source}: not JSON (expected the output of aws cloudtrail list-public-keys)`);
      continue;
    }
    const found = entriesOf(value, source, now);
    keys.push(...found.keys);
    problems.push(...found.problems);
  }
  return { keys, problems };
}

/** The readable key entries of one parsed key list, as stored keys from `source`. */
export function entriesOf(
  value: unknown,
  source: string,
  now: number,
): { readonly keys: StoredKey[]; readonly problems: string[] } {
  const list = readPublicKeyList(value);
  return {
    keys: list.entries.map((entry) => ({ entry, source, addedAt: now })),
    problems: list.problems.map((p) => `${source}: ${p}`),
  };
}
