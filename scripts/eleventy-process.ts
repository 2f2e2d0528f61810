// Eleventy, run by the build in a process of its own, which gives its memory (it holds every page
// it wrote) back when it ends, before the browser starts.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { setPriority } from "node:os";
import { serialize } from "node:v8";
import { projectRoot } from "../src/config.ts";
import { dieWithThisProcess } from "../src/processes.ts";
import type { DigestReady, ToBuild } from "../src/site/data.ts";
import type { WrittenStoryPage } from "../src/site/search.ts";
import type { Edition } from "../src/types.ts";

/**
 * Eleventy's process runs at a lower priority than the build's: the two share the cores with the
 * reflow while Eleventy loads, then with the search index made ahead (the build's spacing of words,
 * Pagefind's service), which is the longer way to the end from 100 pages on. Eleventy then takes
 * what they leave (100 pages: 6.43 → 5.97 s, the mean of five builds each; 10 and 1,000 pages: unchanged).
 */
const ELEVENTY_NICENESS = 8;

/** In the staging folder while Eleventy runs: the editions it is handed (src/site/data.ts reads them). */
const EDITIONS_FILE = ".editions.v8";

/** Eleventy at work in a process of its own: `go` once the digest is ready, `stop` when it will not be. */
interface PageWriter {
  /** The editions are reflowed; the PDFs' fate (BROADSHEET_PDF) is decided. */
  go(editions: readonly Edition[]): void;
  stop(): void;
  /** Every character the pages print, once they are all written ("" when stopped). */
  done: Promise<string>;
}

/**
 * Eleventy, started at once (the build loads its own code after, so that the two start-ups
 * overlap), waits for the editions until `go` (src/site/data.ts); it leaves reporting the sources'
 * problems to the build. Each story page it writes is handed to `onStoryPage` as it is written.
 */
export function startPages(staging: string, onStoryPage?: (page: WrittenStoryPage) => void): PageWriter {
  const eleventy = resolve(projectRoot, "node_modules/@11ty/eleventy/cmd.cjs");
  // the build's own code bundled (scripts/run.mjs): so is Eleventy's config, and tsx is not needed
  const compiled = process.env.BROADSHEET_COMPILED;
  const maps = process.env.BROADSHEET_DEBUG ? ["--enable-source-maps"] : []; // for the stack traces shown then
  const config = compiled ? [...maps, eleventy, `--config=${join(compiled, "eleventy.config.mjs")}`] : ["--import", "tsx", eleventy, "--config=eleventy.config.ts"];
  const args = [...config, `--output=${staging}`, "--quiet"];
  // Eleventy's ESM resolver busts the module cache for a later rebuild (--serve, --watch), which a
  // build never makes; on Node 20 it is a hooks thread that every import waits on (~0.2 s of CPU)
  const env = { ...process.env, BROADSHEET_BUILD: "1", ELEVENTY_SKIP_ESM_RESOLVER: "1", ...(onStoryPage ? { BROADSHEET_SEARCH_PAGES: "1" } : {}) };
  // messages cross as V8's structured clones, not JSON: a story page's text is copied, not escaped
  // and parsed (JSON took 1.7 s of Eleventy's process at 1,000 pages, this 0.3)
  const child = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: ["ignore", "inherit", "pipe", "ipc"], serialization: "advanced" });
  dieWithThisProcess([child.pid!]);
  try {
    setPriority(child.pid!, ELEVENTY_NICENESS);
  } catch {
    // not allowed here: it runs as it is
  }
  let stopped = false;
  let printed = "";
  const done = new Promise<string>((finish, fail) => {
    let errors = "";
    child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("message", (message: ToBuild) => {
      if (message.kind === "characters") printed = message.text;
      else onStoryPage?.(message);
    });
    child.on("error", fail);
    // "close" rather than "exit": after the last message too
    child.on("close", (code) => {
      // Eleventy's own explanation, without its stack frames or its benchmark notes unless asked:
      // those time the site's own templates and hooks, which the user of a build cannot act on (the
      // page hand-over to the build read 8-10% at 1,000 pages, mostly GC falling due as a page is copied)
      const noise = /^\s+at |^\[11ty\] Benchmark /u;
      const told = errors
        .split("\n")
        .filter((line) => process.env.BROADSHEET_DEBUG || !noise.test(line))
        .join("\n")
        .trim();
      if (code === 0 || stopped) {
        if (told && !stopped) console.error(told);
        finish(printed);
      } else fail(new Error(`Eleventy stopped (exit code ${code}):\n${told}`));
    });
  });
  const stop = () => {
    stopped = true;
    child.kill();
  };
  return {
    go: (editions) => {
      // handed over in a file in the staging folder, read once there
      const file = join(staging, EDITIONS_FILE);
      try {
        mkdirSync(staging, { recursive: true });
        writeFileSync(file, serialize(editions));
      } catch (error) {
        stop(); // else it waits for the digest, and keeps this process from ending
        throw error;
      }
      child.send({ kind: "digest-ready", pdfs: process.env.BROADSHEET_PDF !== "0", editions: file } satisfies DigestReady);
    },
    stop,
    done: done.finally(() => rmSync(join(staging, EDITIONS_FILE), { force: true })),
  };
}

export function writePages(staging: string, editions: readonly Edition[]): Promise<string> {
  const writer = startPages(staging);
  writer.go(editions);
  return writer.done;
}
