import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A clone of this repository has no sibling checkout of the team's shared notes and samples, so no
// tracked file may lean on one: the facts live in docs/reference/, the samples in
// test/fixtures/samples/. The needles are built from parts so that this file does not match itself.
const SHARED = ['sha', 'red'].join('');
const NEEDLES = [`../${SHARED}`, `/work/${SHARED}`];
/** The reference notes may say where their facts were first gathered. */
const ALLOWED_UNDER = 'docs/reference/';

const root = new URL('../', import.meta.url).pathname;

interface TrackedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** `path: needle` for every file outside docs/reference/ whose bytes contain a needle. */
function sharedReferences(files: readonly TrackedFile[]): string[] {
  const found: string[] = [];
  for (const { path, bytes } of files) {
    if (path.startsWith(ALLOWED_UNDER)) continue;
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const needle of NEEDLES) if (buffer.includes(needle)) found.push(`${path}: ${needle}`);
  }
  return found;
}

function trackedFiles(): TrackedFile[] {
  const listing = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  return listing
    .split('\0')
    .filter((path) => path !== '' && existsSync(`${root}${path}`))
    .map((path) => ({ path, bytes: new Uint8Array(readFileSync(`${root}${path}`)) }));
}

const text = (path: string, content: string): TrackedFile => ({
  path,
  bytes: new TextEncoder().encode(content),
});

describe('no tracked file needs a sibling shared/ checkout', () => {
  it('flags both forms of the path, anywhere outside docs/reference/', () => {
    expect(
      sharedReferences([
        text('src/a.ts', `// see ../${SHARED}/reference/cloudtrail.md §4.8`),
        text('bench/b.js', `// Shapes follow real records (see /work/${SHARED}/samples).`),
        text('docs/reference/README.md', `first gathered in ../${SHARED}/reference/`),
        text('src/c.ts', 'const id = record.sharedEventID; // ./shared.js'),
      ]),
    ).toEqual([`src/a.ts: ../${SHARED}`, `bench/b.js: /work/${SHARED}`]);
  });

  it('finds none in the repository', () => {
    const files = trackedFiles();
    // The listing really covers the repository, this file included.
    expect(files.map((f) => f.path)).toContain('scripts/noSharedReferences.test.ts');
    expect(files.length).toBeGreaterThan(100);
    expect(sharedReferences(files)).toEqual([]);
  });
});
