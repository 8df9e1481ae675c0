// Where the fixture scripts read real CloudTrail samples: the committed copies in
// test/fixtures/samples/ (each folder with its publisher's LICENSE), or another folder of the same
// layout given as the first argument (`node scripts/makeFixtures.js /path/to/samples`). The
// invictus-aws log files are committed gzipped, byte for byte as the demo serves them, so git keeps
// one copy of each; a folder holding the publisher's plain `.json` files works the same.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const argument = process.argv[2];

/** The samples folder: the first argument, or test/fixtures/samples/. */
export const SAMPLES =
  argument !== undefined
    ? resolve(argument)
    : new URL('../test/fixtures/samples/', import.meta.url).pathname;

if (!existsSync(join(SAMPLES, 'invictus-aws/LICENSE'))) {
  throw new Error(`${SAMPLES} does not hold the samples (no invictus-aws/LICENSE)`);
}

/**
 * A sample file's content as its publisher wrote it: `rel` itself, or its gzipped copy `rel.gz`
 * inflated. @throws when neither exists.
 */
export function readSample(rel) {
  const path = join(SAMPLES, rel);
  if (existsSync(path)) return readFileSync(path);
  return gunzipSync(readFileSync(`${path}.gz`));
}

/**
 * A sample file gzipped: the committed `rel.gz` bytes when there are some (stable whatever zlib
 * the script runs on), else `rel` gzipped at zlib's default level, which gives the same bytes.
 */
export function gzippedSample(rel) {
  const gz = join(SAMPLES, `${rel}.gz`);
  return existsSync(gz) ? readFileSync(gz) : gzipSync(readFileSync(join(SAMPLES, rel)));
}

/** The `.json` file names in a samples folder, whether stored plain or gzipped, sorted. */
export function jsonNames(relDir) {
  const names = readdirSync(join(SAMPLES, relDir))
    .filter((n) => n.endsWith('.json') || n.endsWith('.json.gz'))
    .map((n) => n.replace(/\.gz$/, ''));
  return [...new Set(names)].sort();
}
