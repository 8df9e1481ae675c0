// The browser's memory as the OS sees it: PSS (proportional set size: private pages plus a fair share
// of shared ones, so summing over processes counts shared libraries once) of every process of the
// launched Chromium: the browser process, found by the `--user-data-dir=<profile>` on its command
// line, and all its descendants (zygotes, renderers, GPU, utility and network services), found by
// walking the parent pid of every /proc/<pid>/stat. Linux only; undefined elsewhere. Chromium's child
// processes rewrite their command line as one space-separated string, so it is matched as text.
import { readFileSync, readdirSync } from 'node:fs';

/**
 * @typedef {{ pid: number, type: string, subType?: string, pssKB: number }} ProcessPss
 * @typedef {{ totalKB: number, processes: ProcessPss[], byTypeKB: Record<string, number> }} BrowserPss
 */

/** @param {string} path @returns {string | undefined} */
function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Every process of the Chromium whose profile directory is `profile`, with its PSS.
 * @param {string} profile the persistent context's user data directory
 * @returns {BrowserPss | undefined} undefined when no such process is found (or no /proc)
 */
export function browserPss(profile) {
  /** @type {Map<number, number>} */
  const parent = new Map();
  /** @type {Map<number, string>} */
  const cmdlines = new Map();
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const stat = read(`/proc/${pid}/stat`);
    const cmd = read(`/proc/${pid}/cmdline`);
    if (stat === undefined || cmd === undefined) continue;
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parent.set(pid, ppid);
    cmdlines.set(pid, cmd.replaceAll('\0', ' '));
  }
  const flag = `--user-data-dir=${profile} `;
  const own = new Set(
    [...cmdlines].filter(([, cmd]) => `${cmd} `.includes(flag)).map(([pid]) => pid),
  );
  if (own.size === 0) return undefined;
  // Descendants of the browser process (or of anything started with the profile), to a fixed point.
  const members = new Set(own);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!members.has(pid) && members.has(ppid)) {
        members.add(pid);
        grew = true;
      }
    }
  }
  /** @type {ProcessPss[]} */
  const processes = [];
  for (const pid of members) {
    const rollup = read(`/proc/${pid}/smaps_rollup`);
    const m = rollup?.match(/^Pss:\s+(\d+) kB/m);
    if (m === null || m === undefined) continue; // gone meanwhile
    const cmd = cmdlines.get(pid) ?? '';
    const type = cmd.match(/(?:^| )--type=(\S+)/)?.[1] ?? 'browser';
    const subType = cmd.match(/(?:^| )--utility-sub-type=(\S+)/)?.[1];
    processes.push({
      pid,
      type,
      ...(subType === undefined ? {} : { subType }),
      pssKB: Number(m[1]),
    });
  }
  processes.sort((a, b) => b.pssKB - a.pssKB);
  /** @type {Record<string, number>} */
  const byTypeKB = {};
  for (const p of processes) byTypeKB[p.type] = (byTypeKB[p.type] ?? 0) + p.pssKB;
  return { totalKB: processes.reduce((s, p) => s + p.pssKB, 0), processes, byTypeKB };
}

/**
 * "1,234 MiB (9 processes, MiB: renderer 900, browser 200, …)".
 * @param {BrowserPss | undefined} m
 * @returns {string}
 */
export function describePss(m) {
  if (m === undefined) return 'n/a (no Chromium process found under /proc)';
  const parts = Object.entries(m.byTypeKB)
    .sort((a, b) => b[1] - a[1])
    .map(([type, kb]) => `${type} ${Math.round(kb / 1024).toLocaleString('en-US')}`);
  return `${Math.round(m.totalKB / 1024).toLocaleString('en-US')} MiB (${m.processes.length} processes, MiB: ${parts.join(', ')})`;
}

/**
 * Samples `read` every `intervalMs` until stopped, keeping the highest total: the peak of a phase
 * (to the sampling interval) as well as its end state.
 * @param {() => BrowserPss | undefined} read
 * @param {number} [intervalMs]
 * @returns {{ stop: () => { peakKB: number | undefined, samples: number } }}
 */
export function samplePeak(read, intervalMs = 2000) {
  /** @type {number | undefined} */
  let peakKB;
  let samples = 0;
  const take = () => {
    const m = read();
    if (m === undefined) return;
    samples++;
    peakKB = Math.max(peakKB ?? 0, m.totalKB);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return { peakKB, samples };
    },
  };
}
