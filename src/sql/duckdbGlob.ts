/** Extensions a glob names when every log file has one of them, most specific first. */
const EXTENSIONS = ['.json.gz', '.json'];

/**
 * The files DuckDB should read for a case whose log files were dropped as `paths` (relative to the
 * dropped folder, as FileMeta.path keeps them): their deepest common folder, every file below it
 * (`**`), and their common extension. `AWSLogs/1/CloudTrail/…/a.json.gz` and
 * `AWSLogs/2/CloudTrail/…/b.json.gz` give `AWSLogs/**\/*.json.gz`. Run from the folder that held
 * what was dropped, DuckDB then reads the same files, and its file names equal Cairn's paths
 * (so `file:` clauses match alike).
 */
export function duckdbGlob(paths: readonly string[]): string {
  if (paths.length === 0) return 'AWSLogs/**/*.json.gz';
  let common = (paths[0] ?? '').split('/').slice(0, -1);
  for (const path of paths) {
    const dirs = path.split('/').slice(0, -1);
    let n = 0;
    while (n < common.length && n < dirs.length && common[n] === dirs[n]) n++;
    common = common.slice(0, n);
  }
  const ext = EXTENSIONS.find((e) => paths.every((p) => p.toLowerCase().endsWith(e))) ?? '';
  return `${common.map((d) => `${d}/`).join('')}**/*${ext}`;
}
