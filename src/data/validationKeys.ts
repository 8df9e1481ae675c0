import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { engineClient } from '../engine/engineClient';
import type { GivenText } from '../engine/types';
import { setIngestState } from './ingestState';
import { DATASET_KEY, readKey } from './keys';
import { refreshValidation } from './validation';

/** The open case's keys (trusted, and found in the evidence) and saved signatures. */
export const caseKeysQuery = () =>
  queryOptions({
    queryKey: readKey('integrity', 'keys'),
    queryFn: () => engineClient().integrity.keys(),
    staleTime: Infinity,
  });

/** The open case's keys, re-rendering on change. */
export function useCaseKeys() {
  return useQuery(caseKeysQuery());
}

/**
 * Runs one change of the case's keys or signatures in the worker, then validates again, holding the
 * page's busy signal throughout so the validation summary is final whenever the page says idle.
 */
async function changeKeys<T>(client: QueryClient, change: () => Promise<T>): Promise<T> {
  setIngestState({ validating: true });
  try {
    const result = await change();
    await client.invalidateQueries({ queryKey: [...DATASET_KEY, 'integrity'] });
    await refreshValidation(client);
    return result;
  } finally {
    setIngestState({ validating: false });
  }
}

/** Trusts, for the open case, the keys in pasted or imported key list texts. */
export function trustKeyTexts(client: QueryClient, texts: readonly GivenText[]) {
  return changeKeys(client, () => engineClient().integrity.trustKeys(texts));
}

/** Trusts the keys found in the evidence that the user was shown (by SHA-256 of their bytes). */
export function trustEvidenceKeys(client: QueryClient, sha256s: readonly string[]) {
  return changeKeys(client, () => engineClient().integrity.trustEvidenceKeys(sha256s));
}

/** Removes one key from the trusted or the evidence list. */
export function forgetKey(client: QueryClient, sha256: string, trusted: boolean) {
  return changeKeys(client, () => engineClient().integrity.forgetKey(sha256, trusted));
}

/** Forgets the open case's trusted keys and saved signatures. */
export function forgetTrust(client: QueryClient) {
  return changeKeys(client, () => engineClient().integrity.forgetTrust());
}

/** Adds saved digest signature files (head-object outputs); resolves to how many read. */
export function addSignatureFiles(client: QueryClient, files: readonly GivenText[]) {
  return changeKeys(client, () => engineClient().integrity.addSignatures(files));
}

/** Reads picked files as texts named after the files. */
export async function readGivenTexts(files: readonly File[]): Promise<GivenText[]> {
  return Promise.all(files.map(async (f) => ({ source: f.name, text: await f.text() })));
}
