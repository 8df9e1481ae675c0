import type { CoverageMap } from '../analysis/coverageMap';
import { LOG_STATUS_LABEL } from '../cloudtrail/digest/logStatusLabel';
import type { FileReport } from '../db/types';
import { loadValidationInputs, saveValidationInputs } from '../db/validationInputs';
import type { StoredKey, StoredSignature, ValidationInputs } from '../db/validationInputs';
import type { CaseParts } from './CaseParts';
import { entriesOf, keySha, keysOf, listKeys, readKeyTexts } from './caseKeys';
import type { ListedKey } from './caseKeys';
import { CoverageRunner } from './CoverageRunner';
import { runValidation } from './runValidation';
import type { ValidationRun } from './runValidation';

/** The case's keys and saved signatures, as the integrity panel lists them. */
export interface KeyListing {
  /** Trusted keys first, then those found in the evidence and not trusted, each in the order added. */
  readonly keys: readonly ListedKey[];
  /** Saved digest signatures (head-object outputs or signature maps). */
  readonly signatures: number;
}

/** A key list or signature file as the user gives it: its name (or "pasted") and its text. */
export interface GivenText {
  readonly source: string;
  readonly text: string;
}

/**
 * Integrity of a case's evidence: digest validation of the stored log files, the keys and
 * signatures it uses (kept in the case's own database: a key is trusted for this case only, and
 * only by the user's explicit import), and the coverage map built on it. Remembers each file's last
 * verdict (exports write it beside each event) and each file's uncompressed SHA-256 (a second
 * validation reads no file again).
 */
export class IntegrityService {
  private readonly parts: CaseParts;
  /** fileId → its status in the last validation, as a label. */
  private labels = new Map<number, string>();
  /** SHA-256 of each stored file's uncompressed bytes, computed by the first validation. */
  readonly inflatedSha = new Map<number, string | undefined>();
  private readonly coverageRunner = new CoverageRunner();
  /** Changes to the keys and signatures run one after another, so none is lost. */
  private writes: Promise<unknown> = Promise.resolve();
  /** Bumped by every change of keys or signatures: the coverage map's validation is stale then. */
  private inputsVersion = 0;

  constructor(parts: CaseParts) {
    this.parts = parts;
  }

  /** Validates the stored log files against the stored digests with the case's keys (runValidation). */
  async validate(): Promise<ValidationRun> {
    const inputs = await loadValidationInputs(this.parts.db);
    const run = await runValidation(
      this.parts.db,
      { keys: await keysOf(inputs), signatures: inputs.signatures },
      this.inflatedSha,
    );
    this.labels = new Map(
      run.logs.flatMap((l) =>
        l.fileId === undefined ? [] : [[l.fileId, LOG_STATUS_LABEL[l.status]]],
      ),
    );
    return run;
  }

  /** The case's keys (trusted, and found in the evidence) and how many signatures it has. */
  async keys(): Promise<KeyListing> {
    const inputs = await loadValidationInputs(this.parts.db);
    const keys = listKeys(await keysOf(inputs));
    const trusted = keys.filter((k) => k.trusted);
    // A key found in the evidence that the user also trusted is listed once, as trusted.
    const shas = new Set(trusted.map((k) => k.sha256));
    return {
      keys: [...trusted, ...keys.filter((k) => !k.trusted && !shas.has(k.sha256))],
      signatures: inputs.signatures.length,
    };
  }

  /**
   * Trusts, for this case, the keys in key list texts the user pasted or imported (`aws cloudtrail
   * list-public-keys` output). Returns how many entries were added and what could not be read.
   * @throws the IndexedDB error when the keys cannot be stored.
   */
  trustKeys(texts: readonly GivenText[]): Promise<{ added: number; problems: string[] }> {
    const { keys, problems } = readKeyTexts(texts, Date.now());
    return this.change((inputs) => ({
      next: { ...inputs, trustedKeys: [...inputs.trustedKeys, ...keys] },
      result: { added: keys.length, problems },
    }));
  }

  /**
   * Trusts the keys found in the evidence whose SHA-256 the user was shown (`sha256s`), for this
   * case; others found since stay untrusted. Returns how many entries became trusted.
   */
  async trustEvidenceKeys(sha256s: readonly string[]): Promise<number> {
    const chosen = new Set(sha256s);
    return this.change(async (inputs) => {
      const move = await pick(inputs.evidenceKeys, chosen);
      return {
        next: {
          ...inputs,
          trustedKeys: [...inputs.trustedKeys, ...move],
          evidenceKeys: inputs.evidenceKeys.filter((k) => !move.includes(k)),
        },
        result: move.length,
      };
    });
  }

  /** Removes one key (by the SHA-256 of its bytes) from the trusted or the evidence list. */
  async forgetKey(sha256: string, trusted: boolean): Promise<void> {
    const field = trusted ? 'trustedKeys' : 'evidenceKeys';
    await this.change(async (inputs) => {
      const drop = await pick(inputs[field], new Set([sha256]));
      return {
        next: { ...inputs, [field]: inputs[field].filter((k) => !drop.includes(k)) },
        result: undefined,
      };
    });
  }

  /** Forgets the trusted keys and saved signatures (keys found in the evidence stay listed). */
  async forgetTrust(): Promise<void> {
    await this.change((inputs) => ({
      next: { ...inputs, trustedKeys: [], signatures: [] },
      result: undefined,
    }));
  }

  /** Adds saved signature files (head-object outputs); returns how many read as JSON. */
  addSignatures(files: readonly GivenText[]): Promise<number> {
    const read = files.flatMap((f): StoredSignature[] => {
      try {
        return [{ name: f.source, value: JSON.parse(f.text) as unknown }];
      } catch {
        return [];
      }
    });
    return this.change((inputs) => ({
      next: { ...inputs, signatures: [...inputs.signatures, ...read] },
      result: read.length,
    }));
  }

  /**
   * Keeps what an ingest recognised among the dropped files: key lists as "found in the evidence,
   * not trusted", and saved signatures; each once. Returns how many were new.
   */
  addEvidence(reports: readonly FileReport[]): Promise<number> {
    const found = reports.filter((r) => r.validationInput !== undefined);
    if (found.length === 0) return Promise.resolve(0);
    return this.change((inputs) => {
      const seen = new Set([
        ...[...inputs.trustedKeys, ...inputs.evidenceKeys].map((k) => JSON.stringify(k.entry)),
        ...inputs.signatures.map((s) => JSON.stringify(s)),
      ]);
      const evidenceKeys = [...inputs.evidenceKeys];
      const signatures = [...inputs.signatures];
      const now = Date.now();
      for (const r of found) {
        const input = r.validationInput;
        if (input === undefined) continue;
        if (input.kind === 'publicKeys') {
          for (const k of entriesOf(input.value, r.path, now).keys) {
            const id = JSON.stringify(k.entry);
            if (seen.has(id)) continue;
            seen.add(id);
            evidenceKeys.push(k);
          }
          continue;
        }
        const signature = { name: baseName(r.path), value: input.value };
        const id = JSON.stringify(signature);
        if (seen.has(id)) continue;
        seen.add(id);
        signatures.push(signature);
      }
      const fresh =
        evidenceKeys.length -
        inputs.evidenceKeys.length +
        signatures.length -
        inputs.signatures.length;
      return { next: { ...inputs, evidenceKeys, signatures }, result: fresh };
    });
  }

  /** The evidence coverage map of the case (CoverageRunner), with the current validation. */
  coverage(): Promise<CoverageMap> {
    return this.coverageRunner.run({
      db: this.parts.db,
      index: this.parts.index,
      stamp: String(this.inputsVersion),
      validate: () => this.validate(),
    });
  }

  /** A file's status in the last validation, as a label ('' before any). */
  labelOf(fileId: number): string {
    return this.labels.get(fileId) ?? '';
  }

  /** Runs one read-modify-write of the inputs after those before it. */
  private change<T>(
    edit: (
      inputs: ValidationInputs,
    ) => { next: ValidationInputs; result: T } | Promise<{ next: ValidationInputs; result: T }>,
  ): Promise<T> {
    const run = this.writes.then(async () => {
      const { next, result } = await edit(await loadValidationInputs(this.parts.db));
      await saveValidationInputs(this.parts.db, next);
      this.inputsVersion++;
      return result;
    });
    this.writes = run.catch(() => undefined);
    return run;
  }
}

/** The stored keys whose bytes hash to one of `sha256s`. */
async function pick(
  keys: readonly StoredKey[],
  sha256s: ReadonlySet<string>,
): Promise<StoredKey[]> {
  const shas = await Promise.all(keys.map(keySha));
  return keys.filter((_, i) => sha256s.has(shas[i] ?? ''));
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
