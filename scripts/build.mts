// npm run build [-- --strict] [--sources DIR] [--out DIR]: the sources folder → _site (pages, feeds,
// search index, PDFs).
// Everything is built in a fresh folder and swapped in at the end, so a failed build leaves the
// previous _site as it was. A bad source is reported and left out; the exit code says so.
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { projectRoot, sourcesDirectory } from "../src/config.ts";
import { displayPath } from "../src/edition/errors.ts";
import { readDigest } from "../src/edition/load.ts";
import { indexSearch } from "../src/site/search.ts";
import { renderPdfs, summarize } from "../src/print/render.ts";

import { DEFAULT_OUTPUT, prepareStaging, stagingFolder, swapIn, unsafeOutput } from "./staging.ts";

const USAGE = "usage: npm run build -- [--strict] [--sources DIR] [--out DIR]";

function options() {
  try {
    return parseArgs({
      options: {
        strict: { type: "boolean", default: false },
        sources: { type: "string" },
        out: { type: "string", default: DEFAULT_OUTPUT },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const values = options();
if (values.sources) process.env.BROADSHEET_SOURCES = resolve(values.sources);
const output = resolve(values.out);
const staging = stagingFolder(output);

async function main(): Promise<number> {
  const started = performance.now();
  const unsafe = unsafeOutput(output, { project: projectRoot, sources: sourcesDirectory() });
  if (unsafe) {
    console.error(`refusing to build into ${values.out}: ${unsafe} (the build replaces its output folder wholesale)`);
    return 2;
  }
  const { digest } = readDigest(sourcesDirectory(), { strict: values.strict });
  digest.notices.forEach((notice) => console.warn(notice));
  digest.problems.forEach((problem) => console.error(String(problem)));
  if (digest.problems.length > 0 && values.strict) {
    console.error(`--strict: stopped at the first bad source; ${displayPath(output)} is unchanged`);
    return 1;
  }
  if (digest.editions.length === 0) {
    console.error(`no edition could be built from ${displayPath(sourcesDirectory())}; ${displayPath(output)} is unchanged`);
    return 1;
  }
  try {
    prepareStaging(output).cleared.forEach((path) => console.warn(`removed ${displayPath(path)}, left by a build that was stopped`));
  } catch (error) {
    console.error(`cannot write beside ${displayPath(output)}: ${(error as Error).message}; ${displayPath(output)} is unchanged`);
    return 1;
  }
  try {
    await new Eleventy(resolve(projectRoot, "src/pages"), staging, { configPath: resolve(projectRoot, "eleventy.config.ts"), quietMode: true }).write();
    console.log(`search index: ${(await indexSearch(staging)).pages} stories`);
    console.log(summarize(await renderPdfs(staging, { editions: digest.editions })));
    const kept = swapIn(staging, output);
    if (kept) console.warn(`could not remove the previous site, set aside at ${displayPath(kept)}: remove it yourself`);
  } catch (error) {
    console.error(`the build failed; ${displayPath(output)} is unchanged:\n${explainFailure(error)}`);
    return 1;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`built ${digest.editions.length} edition(s) into ${displayPath(output)} in ${seconds} s`);
  if (digest.problems.length === 0) return 0;
  const names = digest.problems.map((problem) => displayPath(problem.file)).join(", ");
  console.error(`${digest.problems.length} source(s) left out, see above: ${names}`);
  return 1;
}

/** The chain of causes, one per line; the stack traces too with BROADSHEET_DEBUG=1. */
function explainFailure(error: unknown): string {
  const lines: string[] = [];
  for (let cause = error; cause !== undefined && cause !== null; ) {
    const failure = cause as { message?: string; stack?: string; cause?: unknown; originalError?: unknown };
    lines.push(process.env.BROADSHEET_DEBUG ? String(failure.stack ?? failure) : `  ${failure.message ?? String(cause)}`);
    cause = failure.cause ?? failure.originalError;
  }
  if (!process.env.BROADSHEET_DEBUG) lines.push("  (BROADSHEET_DEBUG=1 shows where)");
  return lines.join("\n");
}

// Eleventy reports some write failures (a passthrough copy) outside the promise it returns
process.on("unhandledRejection", (error) => {
  console.error(`the build failed; ${displayPath(output)} is unchanged:\n${explainFailure(error)}`);
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
});
process.exitCode = await main();
