import { deleteIpDatabase, loadIpDatabase, saveIpDatabase } from '../db/ipDatabase';
import { STRING_FIELDS } from '../cloudtrail/types';
import { AsnTable } from '../iporigin/AsnTable';
import { bundledCredits, userCredit } from '../iporigin/credits';
import { IpOriginTable } from '../iporigin/IpOriginTable';
import type { IpDatabases } from '../iporigin/IpOriginTable';
import { MmdbDatabase } from '../iporigin/MmdbDatabase';
import type { IpDatabaseInfo, IpOrigin } from '../iporigin/types';
import type { CaseParts } from './CaseParts';

/** The bundled databases' bytes, inflated: the country `.mmdb` and the compact ASN table. */
export type IpDataSource = () => Promise<{
  readonly country: Uint8Array;
  readonly asn: Uint8Array;
}>;

/** Origins with the time taken (ms, performance.now(); the first call includes loading the data). */
export interface IpOriginAnswer {
  readonly origins: readonly IpOrigin[];
  readonly elapsedMs: number;
}

const SOURCE_IP = STRING_FIELDS.indexOf('sourceIPAddress');

/**
 * Where the case's source IPs come from: each distinct `sourceIPAddress` (a dictionary code) is
 * enriched once (IpOriginTable) and kept as the index grows. The bundled databases are fetched
 * only on first use; the user's own `.mmdb` is kept with the case and preferred for the fields it
 * has. Without a data source (some tests), only the kinds are known.
 */
export class IpOriginService {
  private readonly parts: CaseParts;
  private readonly source: IpDataSource | undefined;
  private bundled: Promise<Pick<IpDatabases, 'country' | 'asn'>> | undefined;
  private loading: Promise<IpOriginTable> | undefined;
  private table: IpOriginTable | undefined;
  private userName: string | undefined;
  /** Grows whenever the table is replaced, so results computed with the old one are stale. */
  version = 0;
  /** How long fetching and reading the bundled databases took, ms (0 before they loaded). */
  private bundledLoadMs = 0;

  constructor(parts: CaseParts, source: IpDataSource | undefined) {
    this.parts = parts;
    this.source = source;
  }

  /** The table, enriched up to the current dictionary, once loaded; else undefined (never waits). */
  current(): IpOriginTable | undefined {
    const table = this.table;
    const dict = this.parts.index.dicts[SOURCE_IP];
    if (table !== undefined && dict !== undefined) table.update(dict);
    return table;
  }

  /**
   * The table enriched up to the current dictionary, loading the databases first if needed.
   * @throws Error when the bundled data cannot be fetched or read.
   */
  async ready(): Promise<IpOriginTable> {
    this.loading ??= this.load().catch((e: unknown) => {
      this.loading = undefined;
      throw e;
    });
    await this.loading;
    const table = this.current();
    if (table === undefined) throw new Error('IP databases did not load');
    return table;
  }

  /**
   * The origins of sourceIPAddress dictionary codes, in order: what the situation report and the
   * identity profiles show beside an IP. A code not in the dictionary gets an empty value's origin.
   */
  async enrichIps(codes: readonly number[]): Promise<IpOriginAnswer> {
    const started = performance.now();
    const table = await this.ready();
    return { origins: codes.map((c) => table.origin(c)), elapsedMs: performance.now() - started };
  }

  /** The origins of sourceIPAddress values as text (the page has values, not codes). */
  async enrichValues(values: readonly string[]): Promise<IpOriginAnswer> {
    const started = performance.now();
    const table = await this.ready();
    const dict = this.parts.index.dicts[SOURCE_IP];
    const origins = values.map((v) => {
      const code = dict?.find(v) ?? -1;
      return code >= 0 ? table.origin(code) : table.lookup(v);
    });
    return { origins, elapsedMs: performance.now() - started };
  }

  /**
   * Enriches every distinct source IP from scratch (a new table over the loaded databases), for the
   * bench: `distinct` values, `elapsedMs` for them (databases loaded), and `loadMs`, the time it
   * took to fetch and read the bundled databases when they first loaded.
   */
  async enrichAll(): Promise<{
    readonly distinct: number;
    readonly elapsedMs: number;
    readonly loadMs: number;
  }> {
    await this.ready();
    const loadMs = this.bundledLoadMs;
    const dbs = await this.databasesNow();
    const dict = this.parts.index.dicts[SOURCE_IP];
    const started = performance.now();
    const distinct = dict === undefined ? 0 : new IpOriginTable(dbs).update(dict);
    return { distinct, elapsedMs: performance.now() - started, loadMs };
  }

  /**
   * The bench's reference: a lookup for every row's sourceIPAddress, no cache; `withCountry` rows
   * got a country (ms, rows).
   */
  async plainLookup(): Promise<{
    readonly rows: number;
    readonly withCountry: number;
    readonly elapsedMs: number;
  }> {
    await this.ready();
    const table = new IpOriginTable(await this.databasesNow());
    const { index } = this.parts;
    const dict = index.dicts[SOURCE_IP];
    const codes = index.cols[SOURCE_IP]?.data;
    const started = performance.now();
    let known = 0;
    for (let row = 0; row < index.size; row++) {
      if (table.lookup(dict?.get(codes?.[row] ?? 0) ?? '').country !== '') known++;
    }
    return { rows: index.size, withCountry: known, elapsedMs: performance.now() - started };
  }

  /** The databases in use with their dates and credits (loads them). */
  async databases(): Promise<IpDatabaseInfo[]> {
    const dbs = await this.databasesNow();
    const out = bundledCredits(dbs);
    if (dbs.user !== undefined && this.userName !== undefined) {
      out.unshift(userCredit(this.userName, dbs.user));
    }
    return out;
  }

  /**
   * Validates `bytes` as a MaxMind DB with a country or an ASN, keeps it with the case, and uses it
   * from now on. @throws Error with a message for the user when the file is not usable.
   */
  async addUserDatabase(name: string, bytes: Uint8Array<ArrayBuffer>): Promise<IpDatabaseInfo> {
    const db = new MmdbDatabase(bytes);
    const fields = db.fields();
    if (!fields.includes('country') && !fields.includes('asn')) {
      throw new Error(
        `${name} is a MaxMind DB (${db.type}) but gives no country or ASN for well-known addresses.`,
      );
    }
    await saveIpDatabase(this.parts.db, { kind: 'ipDatabase', name, bytes, addedMs: Date.now() });
    this.reset();
    return userCredit(name, db);
  }

  /** Forgets the case's own database; the bundled data answers again. */
  async removeUserDatabase(): Promise<void> {
    await deleteIpDatabase(this.parts.db);
    this.reset();
  }

  private reset(): void {
    this.loading = undefined;
    this.table = undefined;
    this.userName = undefined;
    this.version++;
  }

  private async databasesNow(): Promise<IpDatabases> {
    const bundled = await this.loadBundled();
    const stored = await loadIpDatabase(this.parts.db);
    let user: MmdbDatabase | undefined;
    if (stored !== undefined) {
      try {
        user = new MmdbDatabase(stored.bytes);
        this.userName = stored.name;
      } catch {
        // Validated when added: a file that no longer reads is ignored, the bundled data answers.
      }
    }
    return { ...bundled, user };
  }

  private async load(): Promise<IpOriginTable> {
    const table = new IpOriginTable(await this.databasesNow());
    this.table = table;
    this.version++;
    return table;
  }

  private loadBundled(): Promise<Pick<IpDatabases, 'country' | 'asn'>> {
    const source = this.source;
    const started = performance.now();
    this.bundled ??=
      source === undefined
        ? Promise.resolve({ country: undefined, asn: undefined })
        : source().then(
            ({ country, asn }) => {
              const dbs = { country: new MmdbDatabase(country), asn: new AsnTable(asn) };
              this.bundledLoadMs = performance.now() - started;
              return dbs;
            },
            (e: unknown) => {
              this.bundled = undefined;
              throw e;
            },
          );
    return this.bundled;
  }
}
