import {
  readZipDirectory,
  RefusedZipError,
  startsLikeZip,
  TooManyEntriesError,
} from '../../lib/readZipDirectory';
import type { ZipEntry } from '../../lib/readZipDirectory';
import { readZipEntry } from '../../lib/readZipEntry';
import { needsSplit, PART_BYTES, splitLargeFile, SPLIT_BYTES } from './splitLargeFile';
import type { InputFile } from './types';

/** Archives inside archives are opened this deep (a dropped zip is depth 1); deeper ones are skipped. */
export const MAX_ZIP_DEPTH = 3;
/** An entry larger than this uncompressed is not read (a zip bomb, or more than a parse can hold). */
export const MAX_ENTRY_BYTES = 2 ** 30;
/**
 * Entries one dropped archive may hold, archives inside it included: a year of an organisation trail
 * is ≈ 100k files a Region, and a directory of more costs memory before anything is read.
 */
export const MAX_ARCHIVE_ENTRIES = 1_000_000;
/**
 * Uncompressed bytes (as the directories declare them, which reading checks) one dropped archive may
 * hold, archives inside it included: far more than a browser tab can index, far less than a zip bomb.
 */
export const MAX_ARCHIVE_BYTES = 2 ** 35;

/** What is left of a dropped archive's limits as it and the archives inside it are opened. */
interface ArchiveBudget {
  entries: number;
  bytes: number;
}

/** One file to ingest: a dropped file, or a file inside a dropped zip archive. */
export interface ExpandedInput {
  /** For an entry, path `<archive path>/<entry path>` and its uncompressed bytes. */
  readonly input: InputFile;
  /** Bytes of the file as given (an entry's uncompressed size, even when it was not read). */
  readonly size: number;
  /** Its share of the dropped bytes, for progress: the weights of a drop sum to its size in bytes. */
  readonly weight: number;
  /** Set when it cannot be read at all (corrupt archive, encrypted entry...): reported as is, unparsed. */
  readonly problem?: { readonly status: 'failed' | 'skipped'; readonly reason: string };
}

/** What the caller tells the expansion as it runs. */
export interface ExpandOptions {
  /** Once true nothing more is read: the files still to come are yielded unread (to be reported). */
  readonly isStopped?: () => boolean;
  /** Called as each archive opens, or a large file yields a part, with how many files it adds. */
  readonly onFound?: (extraFiles: number) => void;
  /** JSON text past this many bytes is cut into parts (default SPLIT_BYTES; see splitLargeFile). */
  readonly splitBytes?: number;
  /** Text per part when cutting (default PART_BYTES). */
  readonly partBytes?: number;
  /**
   * False to leave the dropped files' own zip check to their parse (which reads them anyway, and
   * answers 'zip'; see expandArchive): reading a dropped file's first bytes here costs a round trip
   * to the browser process per file. Files inside archives are always checked here. Default true.
   */
  readonly sniffDroppedZips?: boolean;
  /** Entries one dropped archive may list, nested archives included (default MAX_ARCHIVE_ENTRIES). */
  readonly maxArchiveEntries?: number;
  /** Uncompressed bytes one dropped archive may hold, nested included (default MAX_ARCHIVE_BYTES). */
  readonly maxArchiveBytes?: number;
}

const NOT_READ = new Blob([]);

/**
 * Yields the dropped files in order, with every JSON file too large to read whole cut into parts of
 * whole records (splitLargeFile), and every zip archive among them (recognised by its first
 * bytes, `PK\x03\x04`, or `PK\x05\x06` when empty, not by name) replaced by the files inside it, so a
 * zip ingests exactly as its files dropped would. Lazy: an entry is inflated only when pulled, so no
 * more than the consumer's look-ahead is ever held in memory. Directories and macOS `__MACOSX/`
 * metadata are left out; nested archives are opened up to MAX_ZIP_DEPTH. A corrupt archive is yielded
 * as one failed file and an unreadable entry (encrypted, unsupported, corrupt) as one failed entry,
 * each with its reason; nothing else is affected. Never throws.
 * @see https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
 */
export async function* expandInputs(
  inputs: readonly InputFile[],
  options: ExpandOptions = {},
): AsyncGenerator<ExpandedInput> {
  for (const input of inputs) yield* expand(input, input.file.size, 1, options, undefined);
}

/**
 * Yields the files inside a dropped file that its parse found to be a zip archive (with
 * `sniffDroppedZips: false`), exactly as expandInputs would have. Never throws.
 */
export function expandArchive(
  item: ExpandedInput,
  options: ExpandOptions = {},
): AsyncGenerator<ExpandedInput> {
  return openArchive(item.input, item.weight, 1, options, undefined);
}

async function* expand(
  input: InputFile,
  weight: number,
  depth: number,
  options: ExpandOptions,
  budget: ArchiveBudget | undefined,
): AsyncGenerator<ExpandedInput> {
  const size = input.file.size;
  if (options.isStopped?.() === true) {
    yield { input, size, weight };
    return;
  }
  const sniff = depth > 1 || options.sniffDroppedZips !== false;
  if (!sniff || !(await isZip(input.file))) {
    const sizes = {
      splitBytes: options.splitBytes ?? SPLIT_BYTES,
      partBytes: options.partBytes ?? PART_BYTES,
    };
    if (await needsSplit(input.file, sizes).catch(() => false)) {
      yield* splitLargeFile(input, weight, { ...options, ...sizes });
    } else yield { input, size, weight };
    return;
  }
  yield* openArchive(input, weight, depth, options, budget);
}

async function* openArchive(
  input: InputFile,
  weight: number,
  depth: number,
  options: ExpandOptions,
  outer: ArchiveBudget | undefined,
): AsyncGenerator<ExpandedInput> {
  const size = input.file.size;
  if (depth > MAX_ZIP_DEPTH) {
    const reason = `A zip archive nested more than ${MAX_ZIP_DEPTH} deep: not opened`;
    yield { input, size, weight, problem: { status: 'skipped', reason } };
    return;
  }
  const budget = outer ?? {
    entries: options.maxArchiveEntries ?? MAX_ARCHIVE_ENTRIES,
    bytes: options.maxArchiveBytes ?? MAX_ARCHIVE_BYTES,
  };
  let entries: ZipEntry[];
  try {
    const listed = await readZipDirectory(input.file, budget.entries);
    entries = listed.filter(isFileEntry);
    refuseTooLarge(entries, budget, depth);
    budget.entries -= listed.length;
  } catch (error) {
    const why =
      error instanceof TooManyEntriesError && depth > 1
        ? `it lists ${error.count.toLocaleString('en-US')} entries, over the ${budget.entries.toLocaleString('en-US')} left of the limit for the archive it is in`
        : message(error);
    const reason = `${error instanceof RefusedZipError ? 'Zip archive refused' : 'Corrupt zip archive'}: ${why}`;
    yield { input, size, weight, problem: { status: 'failed', reason } };
    return;
  }
  if (entries.length === 0) {
    const reason = 'A zip archive with no files in it';
    yield { input, size, weight, problem: { status: 'skipped', reason } };
    return;
  }
  options.onFound?.(entries.length - 1);
  const weights = shareOut(
    weight,
    entries.map((e) => e.compressedSize),
  );
  for (const [i, entry] of entries.entries()) {
    const path = `${input.path}/${entry.name}`;
    const share = weights[i] ?? 0;
    const unread = { input: { path, file: NOT_READ }, size: entry.size, weight: share };
    if (options.isStopped?.() === true) {
      yield unread;
      continue;
    }
    let file: Blob;
    try {
      file = await readZipEntry(input.file, entry, MAX_ENTRY_BYTES);
    } catch (error) {
      const reason = `Could not read this file from its zip archive: ${message(error)}`;
      yield { ...unread, problem: { status: 'failed', reason } };
      continue;
    }
    yield* expand({ path, file }, share, depth + 1, options, budget);
  }
}

/** Takes the entries' declared sizes from `budget`, or throws RefusedZipError when they do not fit. */
function refuseTooLarge(entries: readonly ZipEntry[], budget: ArchiveBudget, depth: number): void {
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > budget.bytes) {
    const limit =
      depth > 1
        ? `the ${budget.bytes.toLocaleString('en-US')} bytes left of the limit for the archive it is in`
        : `the limit of ${budget.bytes.toLocaleString('en-US')} bytes for one archive`;
    throw new RefusedZipError(
      `its files inflate to ${total.toLocaleString('en-US')} bytes, over ${limit} (a zip bomb?)`,
    );
  }
  budget.bytes -= total;
}

/** Local file header or (for an empty archive) end of central directory signature. */
async function isZip(file: Blob): Promise<boolean> {
  if (file.size < 4) return false;
  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  } catch {
    // Unreadable: the parse reports why.
    return false;
  }
  return startsLikeZip(head);
}

function isFileEntry(entry: ZipEntry): boolean {
  return !entry.name.endsWith('/') && !/^(.*\/)?__MACOSX\//.test(entry.name);
}

/** Splits `total` in proportion to `parts` (equally when they are all 0), the last taking the rest. */
function shareOut(total: number, parts: readonly number[]): number[] {
  const sum = parts.reduce((a, b) => a + b, 0);
  const out = parts.map((p) => Math.floor(sum === 0 ? total / parts.length : (total * p) / sum));
  out[out.length - 1] = total - out.slice(0, -1).reduce((a, b) => a + b, 0);
  return out;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
