// How soon `npm start` shows a page added to an archive: the dev server is started on the archive,
// and once it serves the home page, a new page (source and sidecar) is written into the sources
// folder; the time until its edition page is served is what a writer waits.
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { slugFor } from "../src/edition/slug.ts";

async function served(url: string, limitSeconds: number): Promise<boolean> {
  const until = performance.now() + limitSeconds * 1000;
  while (performance.now() < until) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  return false;
}

/** Seconds from a new page written to its edition page served (undefined: not within the limit). */
export async function newPageDelay(sources: string, port: number): Promise<{ startSeconds: number; newPageSeconds?: number }> {
  const eleventy = resolve(import.meta.dirname, "../node_modules/@11ty/eleventy/cmd.cjs");
  // a fresh output folder: the dev server does not empty the one it is given
  const output = mkdtempSync(join(tmpdir(), "broadsheet-serve-"));
  const server = spawn(process.execPath, ["--import", "tsx", eleventy, "--config=eleventy.config.ts", "--serve", `--port=${port}`, `--output=${output}`, "--quiet"], {
    cwd: resolve(import.meta.dirname, ".."),
    env: { ...process.env, BROADSHEET_SOURCES: sources },
    stdio: "ignore",
    detached: true,
  });
  try {
    const started = performance.now();
    if (!(await served(`http://localhost:${port}/`, 900))) throw new Error("the dev server never served the home page");
    const startSeconds = +((performance.now() - started) / 1000).toFixed(1);
    // a copy of the first page under a new name, on a new date
    const added = performance.now();
    copyFileSync(join(sources, "p00000.txt"), join(sources, "zz-new.txt"));
    copyFileSync(join(sources, "p00000.meta.yaml"), join(sources, "zz-new.meta.yaml"));
    const shown = await served(`http://localhost:${port}/editions/${slugFor("zz-new")}/`, 600);
    return { startSeconds, newPageSeconds: shown ? +((performance.now() - added) / 1000).toFixed(1) : undefined };
  } finally {
    process.kill(-server.pid!, "SIGTERM");
    rmSync(output, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("bench-serve.ts")) console.log(await newPageDelay(resolve(process.argv[2]!), 8765));
