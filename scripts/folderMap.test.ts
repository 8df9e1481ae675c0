import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The folder map in docs/architecture.md is how a newcomer finds their way: it must name exactly the
// folders under src/, and every folder must say what it holds (its README, or its parent's for ui/).
const ROOT = new URL('../', import.meta.url).pathname;
const SRC = join(ROOT, 'src');

/** Every folder under src/, as a path relative to it (`engine/ingest`). */
function folders(rel = ''): string[] {
  return readdirSync(join(SRC, rel), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      return [path, ...folders(path)];
    });
}

/**
 * The folders the map names: its block's lines that start with a folder (`engine/ingest/`), and the
 * lines that list subfolders of the folder above them (`accounts/ annotations/ …` under `ui/`).
 */
function mappedFolders(markdown: string): string[] {
  const section = markdown.split('\n## Folder map\n')[1] ?? '';
  const block = /```\n(src\/\n[\s\S]*?)```/.exec(section)?.[1] ?? '';
  const named: string[] = [];
  let parent = '';
  for (const line of block.split('\n').slice(1)) {
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    const first = line.trim().split(/\s+/)[0] ?? '';
    if (!first.endsWith('/')) continue;
    if (indent === 2) {
      parent = first.slice(0, -1);
      named.push(parent);
    } else if (indent === 4) {
      for (const word of line.trim().split(/\s+/)) named.push(`${parent}/${word.slice(0, -1)}`);
    }
  }
  return named;
}

describe('the folder map', () => {
  const map = mappedFolders(readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8'));
  const actual = folders();

  it('names every folder under src/ and no other', () => {
    expect(actual.length).toBeGreaterThan(10);
    expect([...map].sort()).toEqual([...actual].sort());
  });

  it('reads folders from the map as written (a check of the check)', () => {
    const sample = '## Folder map\n\n```\nsrc/\n  a/   x\n    b/ c/\n  a/d/  y\n  e.ts  z\n```\n';
    expect(mappedFolders(`intro\n${sample}`)).toEqual(['a', 'a/b', 'a/c', 'a/d']);
  });

  it('opens each folder with a README saying what it holds and what it may import', () => {
    const ui = readFileSync(join(SRC, 'ui/README.md'), 'utf8');
    for (const folder of actual) {
      if (folder.startsWith('ui/')) {
        // Screen areas are listed in ui/README.md, one line each.
        expect(ui, folder).toContain(`\`${folder.slice(3)}/\``);
        continue;
      }
      const readme = join(SRC, folder, 'README.md');
      expect(existsSync(readme), `${folder}/README.md`).toBe(true);
      const text = readFileSync(readme, 'utf8');
      expect(text.startsWith(`# ${folder}/\n`), `${folder}/README.md title`).toBe(true);
      expect(text, `${folder}/README.md says what it may import`).toMatch(/May import: /);
    }
  });
});
