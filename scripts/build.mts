// npm run build [-- --strict] [--sources DIR] [--out DIR] [--no-pdf] [--archive-pdf] [--force]: the
// sources folder → _site (pages, feeds, search index, PDFs and page pictures); nothing to do when
// nothing changed since the last build of that folder (scripts/stamp.ts), unless forced.
// Everything is built in a fresh folder and swapped in at the end, so a failed build leaves the
// previous _site as it was. A bad source is reported and left out; the exit code says so.
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { cacheCounts } from "../src/cache.ts";
import { projectRoot, sourcesDirectory } from "../src/config.ts";
import { displayPath } from "../src/edition/errors.ts";
import type { StoryPage, WrittenStoryPage } from "../src/site/search.ts";
import { startPages, writePages } from "./eleventy-process.ts";

import { DEFAULT_OUTPUT, prepareStaging, removeInBackground, stagingFolder, swapIn, unsafeOutput } from "./staging.ts";
import { buildInputs, upToDate, writeStamp } from "./stamp.ts";

const USAGE = "usage: npm run build -- [--strict] [--sources DIR] [--out DIR] [--no-pdf] [--archive-pdf] [--force]";

function options() {
  try {
    return parseArgs({
      options: {
        strict: { type: "boolean", default: false },
        sources: { type: "string" },
        out: { type: "string", default: DEFAULT_OUTPUT },
        "no-pdf": { type: "boolean", default: false },
        "archive-pdf": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
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

// The browser (Playwright), pdf.js and pdf-lib take seconds to load: loaded only by a build that
// prints PDFs not in the cache or reads PDF sources. `pdfSources` tells the latter (cachePdfSources picks them out).
const browser = () => import("../src/browser.ts");
function pdfSources(): boolean {
  try {
    return readdirSync(sourcesDirectory()).some((name) => /\.pdf$/iu.test(name));
  } catch {
    return false; // no folder: the reflow says so
  }
}

/** Seconds each phase took, written as JSON to BROADSHEET_TIMINGS when set (the bench reads it). */
const timings: Record<string, number> = {};
async function phase<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    timings[name] = +((performance.now() - started) / 1000).toFixed(2);
  }
}

/** Why the PDFs cannot be made, in one line (Playwright's call log and colours left out). */
const oneLine = (error: unknown) => String((error as Error).message ?? error).split("\n")[0]!.replace(/\u001b\[[0-9;]*m/gu, "");

/** Carry on without PDFs: the pages then link none. */
function withoutPdfs(reason: string): void {
  console.error(`no usable Chromium (${reason}): building the site without PDFs (set CHROME_PATH to a Chrome or Chromium)`);
  process.env.BROADSHEET_PDF = "0";
}

async function main(): Promise<number> {
  const started = performance.now();
  const unsafe = unsafeOutput(output, { project: projectRoot, sources: sourcesDirectory() });
  if (unsafe) {
    console.error(`refusing to build into ${values.out}: ${unsafe} (the build replaces its output folder wholesale)`);
    return 2;
  }
  try {
    prepareStaging(output).cleared.forEach((path) => console.warn(`removed ${displayPath(path)}, left by a build that was stopped`));
  } catch (error) {
    console.error(`cannot write beside ${displayPath(output)}: ${(error as Error).message}; ${displayPath(output)} is unchanged`);
    return 1;
  }
  // Eleventy starts beside the reflow; the story pages it writes go to the search index (below)
  let onStoryPage: (page: WrittenStoryPage) => void = () => undefined;
  const writer = startPages(staging, (page) => onStoryPage(page));
  const unchanged = async (why: string) => {
    writer.stop();
    await writer.done;
    rmSync(staging, { recursive: true, force: true });
    console.error(`${why}; ${displayPath(output)} is unchanged`);
    return 1;
  };
  const inputs = buildInputs(sourcesDirectory(), { strict: values.strict, pdf: !values["no-pdf"], archivePdf: values["archive-pdf"] });
  if (!values.force && upToDate(output, inputs)) {
    writer.stop();
    await writer.done;
    rmSync(staging, { recursive: true, force: true });
    console.log(`nothing changed since ${displayPath(output)} was built: it is up to date (--force builds it again)`);
    if (process.env.BROADSHEET_TIMINGS) writeFileSync(process.env.BROADSHEET_TIMINGS, JSON.stringify({ upToDate: true, total: +((performance.now() - started) / 1000).toFixed(2) }));
    return 0;
  }
  const { reflowDigest } = await import("../src/edition/warm.ts");
  const { indexSearch, storyPage } = await import("../src/site/search.ts");
  const { indexAhead } = await import("../src/site/search-ahead.ts");
  const { FontCut } = await import("../src/print/fonts.ts");
  // PDF sources not yet cached are read here, in this process, rather than one child process each when loading
  const readsPdfs = pdfSources();
  if (readsPdfs) await phase("pdf sources", async () => (await import("../src/pdf/extract.ts")).cachePdfSources(sourcesDirectory()).catch(() => 0));
  const { digest } = await phase("reflow", () => reflowDigest(sourcesDirectory(), { strict: values.strict }));
  digest.notices.forEach((notice) => console.warn(notice));
  digest.problems.forEach((problem) => console.error(String(problem)));
  if (digest.problems.length > 0 && values.strict) return unchanged("--strict: stopped at the first bad source");
  if (digest.editions.length === 0) return unchanged(`no edition could be built from ${displayPath(sourcesDirectory())}`);
  // decided before the pages are written: without PDFs they link none. The browser itself starts
  // only when a view is not in the cache, after Eleventy, so that the two never hold memory at once
  let pdfs = !values["no-pdf"];
  if (!pdfs) process.env.BROADSHEET_PDF = "0";
  else {
    try {
      await (await import("../src/browser-path.ts")).locateBrowser();
    } catch (error) {
      withoutPdfs(oneLine(error));
      pdfs = false;
    }
  }
  let noBrowser = pdfs ? false : !values["no-pdf"];
  let failedPdfs = 0;
  // a build that reported anything gets no stamp: the next one runs (and reports it) again
  let reported = digest.notices.length > 0 || digest.problems.length > 0;
  try {
    // Eleventy is handed the digest first: the setup below (the texts' hashes for the search cache,
    // the fonts' characters) took 70 ms at 100 pages, which Eleventy spent waiting
    const writing = phase("eleventy", () => {
      writer.go(digest.editions);
      return writer.done;
    });
    writing.catch(() => undefined); // awaited below, once the rest is set up
    // the story pages are indexed for search ahead, as the build renders them itself, while Eleventy
    // writes them in its own process; the pages it writes are then indexed only where they differ
    const written: StoryPage[] = [];
    onStoryPage = (page) => written.push(storyPage(staging, page.file, page.indexed));
    const spaced = new Map<string, string>();
    const ahead = indexAhead(digest.editions, spaced);
    const fonts = new FontCut(staging, digest.editions);
    const printed = await writing;
    const fontNotice = await phase("fonts (after Eleventy)", () => fonts.complete(printed));
    if (fontNotice) console.warn(fontNotice);
    reported ||= fontNotice !== undefined;
    const indexedAhead = await phase("pagefind (after Eleventy)", () => ahead);
    const index = await phase("pagefind", () => indexSearch(staging, written, indexedAhead, spaced));
    console.log(`search index: ${index.pages} stories in ${index.shards} shard(s), ${index.reindexed} indexed afresh (${index.ahead} ahead)`);
    if (pdfs) {
      let report;
      try {
        report = await phase("pdf", async () => (await import("../src/print/render.ts")).renderPdfs(staging, { editions: digest.editions }));
      } catch (error) {
        if (!(error instanceof (await browser()).BrowserLaunchError)) throw error;
        // the browser is there but does not start: the pages are written again without PDF links
        withoutPdfs(oneLine(error.cause));
        noBrowser = true;
        rmSync(staging, { recursive: true, force: true });
        await phase("eleventy", () => writePages(staging, digest.editions));
        await fonts.rewrite();
        await indexSearch(staging);
      }
      if (report) {
        const issues = await phase("issues", async () => (await import("../src/print/issues.ts")).writeIssuePdfs(staging, digest.editions, values["archive-pdf"]));
        console.log(`${(await import("../src/print/render.ts")).summarize(report)}; ${issues} issue PDF(s)`);
        for (const failure of report.failures) console.error(`${failure.view}: no PDF: ${failure.message}`);
        failedPdfs = report.failures.length;
        timings.pdfPages = report.pdfs.filter((pdf) => !pdf.cached).reduce((sum, pdf) => sum + pdf.pages, 0);
        timings.openPages = report.openPages;
      }
    }
    // a PDF source's picture is its real page, written over the one drawn from its print view
    if (readsPdfs) await phase("pictures", async () => (await import("../src/pdf/pictures.ts")).writePdfPictures(staging, digest.editions));
    console.log(`page pictures: ${await (await import("../src/site/pagemap.ts")).injectPageMaps(staging)} page(s)`);
    if (!reported && !noBrowser && failedPdfs === 0) writeStamp(staging, inputs);
    const previous = swapIn(staging, output);
    if (previous) removeInBackground(previous);
  } catch (error) {
    console.error(`the build failed; ${displayPath(output)} is unchanged:\n${explainFailure(error)}`);
    return 1;
  } finally {
    writer.stop(); // ended already, unless the build failed while it ran
    rmSync(staging, { recursive: true, force: true });
  }
  const reflowCounts = cacheCounts.reflow ?? { reused: 0, made: 0 };
  console.log(`reflowed ${reflowCounts.made} source(s), ${reflowCounts.reused} from the cache`);
  if (process.env.BROADSHEET_TIMINGS) writeFileSync(process.env.BROADSHEET_TIMINGS, JSON.stringify({ ...timings, total: +((performance.now() - started) / 1000).toFixed(2), cache: cacheCounts }));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`built ${digest.editions.length} edition(s) into ${displayPath(output)} in ${seconds} s`);
  if (failedPdfs > 0) console.error(`${failedPdfs} PDF(s) could not be made, see above; the site is built without them`);
  if (noBrowser && values.strict) return 1;
  if (digest.problems.length === 0) return failedPdfs > 0 ? 1 : 0;
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
