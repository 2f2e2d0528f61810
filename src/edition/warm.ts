// The first build of an archive reflows every page: `warmReflowCache` does it on every core, this
// process and one child process per other core each loading a share of the folder's sources into
// the reflow cache (src/cache.ts), so that reading the digest afterwards finds them all there.
// Pages are independent, so the work divides evenly; a bad source is left for the digest to report.
// (Child processes rather than worker threads: a worker cannot load TypeScript through tsx on Node 20.)
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { cacheCounts } from "../cache.ts";
import { nodeArguments } from "../processes.ts";
import { type DigestOptions, SOURCE, loadDigest, readDigest } from "./load.ts";

interface Share {
  directory: string;
  index: number;
  of: number;
}

/** Load one share of the sources (every `of`-th, from `index`); how many were reflowed and cached. */
export function loadShare(share: Share): number {
  const before = cacheCounts.reflow?.made ?? 0;
  const { problems } = loadDigest(share.directory, { share });
  // a source that could not be loaded counts as made but is not cached (the digest reports it)
  return Math.max(0, (cacheCounts.reflow?.made ?? 0) - before - problems.length);
}

/**
 * A process's start-up (Node, the reflow's modules, and the JIT's warm-up, which each process pays
 * afresh) takes about as long as reflowing this many pages: a smaller folder is reflowed in this
 * process alone (100 pages in two processes took 2.5–3.0 s, in one 1.7–2.3 s).
 */
const SOURCES_PER_PROCESS = 150;

function sourceCount(directory: string): number {
  try {
    return readdirSync(directory).filter((name) => SOURCE.test(name)).length;
  } catch {
    return 0; // no folder: the digest says so
  }
}

/**
 * Reflow the sources of `directory` not yet cached, up to `processes` at a time (at least
 * `perProcess` sources each); how many were reflowed (none when one process would do it all).
 */
export async function warmReflowCache(directory: string, processes = availableParallelism(), perProcess = SOURCES_PER_PROCESS): Promise<number> {
  const of = Math.max(1, Math.min(processes, Math.floor(sourceCount(directory) / perProcess)));
  // in this process alone, the digest's own read reflows and caches them: warmed first, each page
  // would be read twice, the second time from the cache (~50 ms at 100 pages, before Eleventy starts)
  if (of === 1) return 0;
  const others = Array.from({ length: of - 1 }, (_, k) =>
    new Promise<number>((done) => {
      const child = execFile(process.execPath, [...nodeArguments("src/edition/reflow-share.ts"), directory, String(k + 1), String(of)], (error, stdout) =>
        // a share that failed is simply not cached: reading the digest loads (and reports) it
        done(error ? 0 : Number(stdout.trim()) || 0),
      );
      child.stdin?.end();
    }),
  );
  const mine = loadShare({ directory, index: 0, of });
  return mine + (await Promise.all(others)).reduce((sum, made) => sum + made, 0);
}

/**
 * The digest of `directory`, its uncached pages reflowed on every core first. The reflow cache's
 * counts then say what this build reflowed (`made`) and what it found from earlier (`reused`).
 */
export async function reflowDigest(directory: string, options: DigestOptions = {}): Promise<ReturnType<typeof readDigest>> {
  const warmed = await warmReflowCache(directory);
  const before = { reused: 0, made: 0, ...cacheCounts.reflow };
  const read = readDigest(directory, options);
  const after = { reused: 0, made: 0, ...cacheCounts.reflow };
  // reading found the warmed pages cached; a bad source is loaded, and counted, again each time
  cacheCounts.reflow = { reused: after.reused - before.reused - warmed, made: after.made - before.made + warmed };
  return read;
}
