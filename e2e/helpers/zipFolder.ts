import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { zipSync } from 'fflate';

/**
 * Every file under `dir`, keyed by its path from the folder's own name on (`AWSLogs/…`), as a
 * folder drop names them, sorted.
 */
export function folderEntries(dir: string): Record<string, Uint8Array> {
  const base = dirname(dir);
  const paths: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else paths.push(relative(base, p));
    }
  };
  walk(dir);
  paths.sort((a, b) => a.localeCompare(b));
  return Object.fromEntries(paths.map((p) => [p, new Uint8Array(readFileSync(join(base, p)))]));
}

/** Writes a zip of `dir` (fflate zipSync, deflate) into `outDir`, named after the folder; returns its path. */
export function writeFolderZip(dir: string, outDir: string): string {
  const out = join(outDir, `${basename(dir)}.zip`);
  writeFileSync(out, zipSync(folderEntries(dir)));
  return out;
}
