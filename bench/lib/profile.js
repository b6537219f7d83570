/**
 * Summarises V8 CPU profiles (`node --cpu-prof`) written by a benchmarked server: self time
 * per function, the hottest first, summed over its files — one per thread, the storage's
 * commit and checkpoint workers included (their SQLite calls show under their own names).
 *
 * A sample stands for the time since the one before it, and on a shared machine that also
 * holds the time the process waited for a core (a descheduled thread is not sampled, its next
 * sample comes late). Each sample's time is therefore capped at twice the file's median
 * interval: the sums are then close to the time spent on a core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Self time per function, and inclusive time for the server's own functions (those under
 * packages/), which says which of them the native time (writev, SQLite) was spent for.
 * @param {string} dir   where --cpu-prof-dir wrote
 * @param {number} [top]
 * @returns {{ totalMs: number, busyMs: number, top: { fn: string, selfMs: number, pct: number }[],
 *   inclusive: { fn: string, ms: number, pctOfBusy: number }[] } | undefined}
 */
export function summariseProfiles(dir, top = 15) {
  /** @type {Map<string, number>} */
  const self = new Map();
  /** @type {Map<string, number>} */
  const inclusive = new Map();
  let total = 0;
  let busy = 0;
  let files;
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  } catch {
    return undefined;
  }
  for (const file of files) {
    /** @type {{ nodes: { id: number, children?: number[], callFrame: { functionName: string, url: string, lineNumber: number } }[], samples: number[], timeDeltas: number[] }} */
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    /** @type {Map<number, string>} */
    const names = new Map();
    /** @type {Map<number, number>} */
    const parents = new Map();
    /** @type {Set<number>} */
    const own = new Set();
    for (const node of profile.nodes) {
      const { functionName, url, lineNumber } = node.callFrame;
      const path = relative(root, url.replace(/^file:\/\//, ''));
      const where = url ? `${path}:${lineNumber + 1}` : '';
      names.set(node.id, `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`);
      if (path.startsWith('packages/') && !path.includes('node_modules')) own.add(node.id);
      for (const child of node.children ?? []) parents.set(child, node.id);
    }
    const sorted = [...profile.timeDeltas].sort((a, b) => a - b);
    const cap = 2 * (sorted[Math.floor(sorted.length / 2)] ?? 1000);
    profile.samples.forEach((id, i) => {
      const delta = Math.min(profile.timeDeltas[i] ?? 0, cap) / 1000;
      const name = names.get(id) ?? '?';
      total += delta;
      if (name !== '(idle)') busy += delta;
      self.set(name, (self.get(name) ?? 0) + delta);
      /** @type {Set<string>} */
      const seen = new Set();
      for (let node = /** @type {number | undefined} */ (id); node !== undefined; node = parents.get(node)) {
        const fn = names.get(node) ?? '?';
        if (own.has(node) && !seen.has(fn)) {
          seen.add(fn);
          inclusive.set(fn, (inclusive.get(fn) ?? 0) + delta);
        }
      }
    });
  }
  if (files.length === 0) return undefined;
  return {
    totalMs: total,
    busyMs: busy,
    top: [...self.entries()]
      .filter(([fn]) => fn !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, ms]) => ({ fn, selfMs: ms, pct: (100 * ms) / busy })),
    inclusive: [...inclusive.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, ms]) => ({ fn, ms, pctOfBusy: (100 * ms) / busy })),
  };
}
