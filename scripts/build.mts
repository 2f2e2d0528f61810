// npm run build [-- --strict] [--sources DIR] [--out DIR]: the sources folder → _site (pages, feeds,
// search index, PDFs).
// Everything is built in a fresh folder and swapped in at the end, so a failed build leaves the
// previous _site as it was. A bad source is reported and left out; the exit code says so.
import { existsSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { projectRoot, sourcesDirectory } from "../src/config.ts";
import { loadDigest } from "../src/edition/load.ts";
import { renderPdfs, summarize } from "../src/print/render.ts";

const { values } = parseArgs({
  options: {
    strict: { type: "boolean", default: false },
    sources: { type: "string" },
    out: { type: "string", default: "_site" },
  },
});
if (values.sources) process.env.BROADSHEET_SOURCES = resolve(values.sources);
const output = resolve(values.out);
const staging = `${output}.staging-${process.pid}`;

async function main(): Promise<number> {
  const started = performance.now();
  const digest = loadDigest(sourcesDirectory());
  digest.notices.forEach((notice) => console.warn(notice));
  digest.problems.forEach((problem) => console.error(String(problem)));
  if (digest.problems.length > 0 && values.strict) return 1;
  if (digest.editions.length === 0) {
    console.error(`no edition could be built from ${sourcesDirectory()}`);
    return 1;
  }
  rmSync(staging, { recursive: true, force: true });
  try {
    await new Eleventy(resolve(projectRoot, "src/pages"), staging, { configPath: resolve(projectRoot, "eleventy.config.ts"), quietMode: true }).write();
    console.log(summarize(await renderPdfs(staging, { editions: digest.editions })));
    swapIn(staging, output);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`built ${digest.editions.length} edition(s) into ${output} in ${seconds} s`);
  return digest.problems.length > 0 ? 1 : 0;
}

/** Replace `target` by `built`; if that fails midway, put the previous folder back. */
function swapIn(built: string, target: string): void {
  if (!existsSync(built)) throw new Error(`the build wrote nothing to ${built}`);
  const previous = `${target}.previous-${process.pid}`;
  const hadPrevious = existsSync(target);
  if (hadPrevious) renameSync(target, previous);
  try {
    renameSync(built, target);
  } catch (error) {
    if (hadPrevious) renameSync(previous, target);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}

process.exitCode = await main();
