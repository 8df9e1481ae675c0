import type { CairnDatabase } from './cairnDb';

/** The meta-store key of the case's own IP database. */
const KEY = 'ipDatabase';

/**
 * The user's own `.mmdb` (GeoLite2 City or ASN, say), kept with the case in its `meta` store so a
 * reopened case uses it again. The bytes are as dropped; they are validated before they are saved.
 */
export interface StoredIpDatabase {
  readonly kind: 'ipDatabase';
  /** The file's name as dropped. */
  readonly name: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** When it was added, ms since epoch. */
  readonly addedMs: number;
}

/** The case's own IP database, or undefined when it has none. */
export async function loadIpDatabase(db: CairnDatabase): Promise<StoredIpDatabase | undefined> {
  const value = await db.get('meta', KEY);
  return value !== undefined && 'kind' in value && value.kind === 'ipDatabase' ? value : undefined;
}

/** Keeps `value` as the case's own IP database, replacing any before it. */
export async function saveIpDatabase(db: CairnDatabase, value: StoredIpDatabase): Promise<void> {
  await db.put('meta', value, KEY);
}

/** Forgets the case's own IP database. */
export async function deleteIpDatabase(db: CairnDatabase): Promise<void> {
  await db.delete('meta', KEY);
}
