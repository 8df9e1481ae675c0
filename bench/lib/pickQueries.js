// Chooses the bench's search queries from the generated data itself, so they hit real values: the
// most frequent lookup values, a rare IP (in under 1% of files) and a common word (in most files).
// Cached in the data folder as queries.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * @typedef {{ lookups: string[], rare: { term: string, files: number, events: number },
 *   common: { term: string, files: number }, files: number }} BenchQueries
 */

/**
 * @param {string} dataDir the data set folder (holds AWSLogs/ and manifest.json)
 * @param {readonly string[]} files log file paths relative to dataDir
 * @param {(line: string) => void} log
 * @returns {BenchQueries}
 */
export function pickQueries(dataDir, files, log) {
  const cache = join(dataDir, 'queries.json');
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8'));
  log(`search: choosing queries from ${files.length} files (once; cached in queries.json)`);
  /** @type {Map<string, Map<string, number>>} */
  const freq = new Map();
  /** @type {Map<string, { files: Set<number>, events: number }>} */
  const ips = new Map();
  /** @type {Map<string, number>} */
  const nameFiles = new Map();
  const field = (name, value) => {
    const m = freq.get(name) ?? new Map();
    m.set(value, (m.get(value) ?? 0) + 1);
    freq.set(name, m);
  };
  files.forEach((path, i) => {
    const text = gunzipSync(readFileSync(join(dataDir, path))).toString('utf8');
    for (const [, ip] of text.matchAll(/"sourceIPAddress":"([0-9.]+)"/g)) {
      const e = ips.get(ip) ?? { files: new Set(), events: 0 };
      e.files.add(i);
      e.events++;
      ips.set(ip, e);
    }
    const names = new Set();
    for (const [, name] of text.matchAll(/"eventName":"(\w+)"/g)) names.add(name);
    for (const n of names) nameFiles.set(n, (nameFiles.get(n) ?? 0) + 1);
    if (i % Math.max(1, Math.floor(files.length / 20)) === 0) {
      for (const r of JSON.parse(text).Records) {
        field('eventName', r.eventName);
        field(
          'userName',
          r.userIdentity?.userName ?? r.userIdentity?.sessionContext?.sessionIssuer?.userName,
        );
        field('eventSource', r.eventSource);
        field('awsRegion', r.awsRegion);
      }
    }
  });
  const top = (name, k) =>
    [...(freq.get(name) ?? new Map())]
      .filter(([v]) => typeof v === 'string')
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([v]) => v);
  const names = top('eventName', 12);
  const users = top('userName', 12);
  const sources = top('eventSource', 6);
  const regions = top('awsRegion', 4);
  const at = (/** @type {string[]} */ xs, /** @type {number} */ i) => xs[i % xs.length];
  // Every query is distinct: the app caches results by query, so a repeat would time the cache.
  const lookups = [];
  for (let i = 0; i < 6; i++) {
    lookups.push(
      `eventName:${at(names, i)}`,
      `eventName:${at(names, i + 6)} userName:${at(users, i)}`,
      `eventSource:${at(sources, i)} -errorCode:*`,
      `userName:${at(users, i + 6)},${at(users, i + 7)} readOnly:false`,
      `awsRegion:${at(regions, i)} eventName:${at(names, i + 3)}`,
    );
  }
  const limit = Math.max(1, Math.floor(files.length / 100));
  const rareIps = [...ips]
    .filter(([, e]) => e.files.size <= limit)
    .sort((a, b) => b[1].events - a[1].events);
  const [rareIp, rareInfo] =
    rareIps[0] ?? [...ips].sort((a, b) => a[1].files.size - b[1].files.size)[0];
  const [commonName, commonFiles] = [...nameFiles].sort((a, b) => b[1] - a[1])[0];
  /** @type {BenchQueries} */
  const out = {
    lookups,
    rare: { term: rareIp, files: rareInfo.files.size, events: rareInfo.events },
    common: { term: commonName, files: commonFiles },
    files: files.length,
  };
  writeFileSync(cache, JSON.stringify(out, null, 2));
  return out;
}
