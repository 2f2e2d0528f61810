// The reflow measured on pages it was never tuned on: the generated corpus (tests/reflow/corpus), the
// bundled samples and, when present, the real page in ../shared/real. Scored as ../shared/tools/score.py
// does. `benchReflow()` prints a table and returns the figures (scripts/bench.ts puts them in its JSON).
//   node --import tsx scripts/bench-reflow.ts [--pages N] [--seed S] [--diffs N]   the tables
//   node --import tsx scripts/bench-reflow.ts --feature F    every page with feature F (or focused on it): score and diff
//   node --import tsx scripts/bench-reflow.ts --show NAME    one page: its text, gold and reflow outlines, diff
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { reflow } from "../src/reflow/index.ts";
import { archivePage } from "../tests/build/archive.ts";
import { type CorpusPage, corpusPages, generatePage } from "../tests/reflow/corpus/index.ts";
import { type ScoredEdition, pageDiff, score } from "../tests/reflow/score.ts";

export const CORPUS_SEED = 1;
export const CORPUS_PAGES = 400;

interface Tally {
  pages: number;
  meanScore: number;
  exactShare: number;
}

interface PageResult {
  name: string;
  score: number;
  exact: boolean;
  diff: string[];
}

function tally(results: PageResult[]): Tally {
  const pages = results.length;
  return {
    pages,
    meanScore: pages ? +(results.reduce((sum, r) => sum + r.score, 0) / pages).toFixed(4) : 0,
    exactShare: pages ? +(results.filter((r) => r.exact).length / pages).toFixed(4) : 0,
  };
}

function measure(name: string, text: string, gold: ScoredEdition): PageResult {
  const out = reflow(text);
  const result = score(gold, out, text);
  return { name, score: result.score, exact: result.exact === 1, diff: result.exact ? [] : pageDiff(gold, out) };
}

function grouped(pages: CorpusPage[], results: PageResult[], keys: (page: CorpusPage) => string[]): Record<string, Tally> {
  const groups = new Map<string, PageResult[]>();
  pages.forEach((page, i) => keys(page).forEach((key) => groups.set(key, [...(groups.get(key) ?? []), results[i]!])));
  return Object.fromEntries([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, rs]) => [key, tally(rs)]));
}

/** CPU time of this process, not wall time: five engineers share the machine's two cores. */
function timeMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Whole passes over the corpus before it is timed: the JIT settles over several (the first passes ran ×0.6–0.8 of the later ones' speed). */
const WARM_PASSES = 3;
/** Timed passes over the corpus, the fastest kept. Functions called once a page (the passes themselves) are
 *  optimized only after several passes: passes 4–8 still ran 1.3–1.6× the time of passes 10–20 (the compiler's
 *  threads count in CPU time), so five runs measured the JIT's settling as much as the reflow. */
const TIMED_PASSES = 15;

/** Whole pages as extracted, not generated: the bundled samples and the real page of another paper when present. */
function fullPages(directories: string[]): { name: string; text: string }[] {
  return directories.filter((directory) => existsSync(directory)).flatMap((directory) =>
    readdirSync(directory).filter((file) => file.endsWith(".txt")).map((file) => ({ name: file, text: readFileSync(join(directory, file), "utf8") })),
  );
}

const megabytesPerSecond = (bytes: number, ms: number) => +(bytes / 1048576 / (ms / 1000)).toFixed(3);

/** Pages of the bench's own archive timed for the reflow's speed: a dozen dates, as `npm run bench` builds them. */
const ARCHIVE_PAGES = 48;

/** The reflow's speed over `texts` after warm-up passes (MB/s, the fastest of the timed passes in CPU time), and their size. */
function speedOver(texts: readonly string[]): { pages: number; kilobytesPerPage: number; megabytesPerSecond: number } {
  for (let pass = 0; pass < WARM_PASSES; pass++) texts.forEach((text) => reflow(text));
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const ms = fastest(() => texts.forEach((text) => reflow(text)), TIMED_PASSES);
  return { pages: texts.length, kilobytesPerPage: +(bytes / texts.length / 1024).toFixed(1), megabytesPerSecond: megabytesPerSecond(bytes, ms) };
}

/** The machine is shared: the fastest of several runs, so another process's stall does not make a figure. */
const fastest = (run: () => void, times: number) => Math.min(...[...Array(times)].map(() => timeMs(run)));

/**
 * MB/s after start-up (warm-up passes): over pages of the archive the bench builds (typeset pages of a
 * real page's size), over the corpus (small pages, where fixed costs per page weigh most), on each full
 * page, and as corpus pages are joined into longer and longer texts (with ms/KB, for linearity).
 * Only the reflow is timed: the texts are generated and read before, and nothing is scored in the runs.
 */
function speed(texts: string[], full: { name: string; text: string }[]) {
  const archivePages = speedOver([...Array(ARCHIVE_PAGES)].map((_, k) => archivePage(k).text));
  const corpusPages = speedOver(texts);
  const fullPageSpeeds = full.map(({ name, text }) => ({ name, megabytesPerSecond: megabytesPerSecond(Buffer.byteLength(text), fastest(() => reflow(text), 30)) }));
  const linearity = [1, 2, 4, 8, 16, 32].filter((n) => n <= texts.length).map((n) => {
    const text = texts.slice(0, n).join("\n\n");
    const kilobytes = Buffer.byteLength(text) / 1024;
    const runMs = fastest(() => reflow(text), n <= 4 ? 21 : 7);
    return { pages: n, kilobytes: +kilobytes.toFixed(1), ms: +runMs.toFixed(2), msPerKilobyte: +(runMs / kilobytes).toFixed(4), megabytesPerSecond: megabytesPerSecond(kilobytes * 1024, runMs) };
  });
  // ms/KB of the longest text over the shortest: about 1 when the reflow is linear
  const growth = +(linearity[linearity.length - 1]!.msPerKilobyte / linearity[0]!.msPerKilobyte).toFixed(2);
  return { megabytesPerSecond: corpusPages.megabytesPerSecond, archivePages, corpusPages, fullPages: fullPageSpeeds, linearity, growth };
}

/** Pages with a gold beside them: the bundled samples, and the real page of another paper when present. */
function goldPages(directory: string, goldDirectory: string): PageResult[] {
  if (!existsSync(directory) || !existsSync(goldDirectory)) return [];
  return readdirSync(directory)
    .filter((file) => file.endsWith(".txt") && existsSync(join(goldDirectory, file.replace(/\.txt$/u, ".gold.json"))))
    .map((file) => measure(file, readFileSync(join(directory, file), "utf8"), JSON.parse(readFileSync(join(goldDirectory, file.replace(/\.txt$/u, ".gold.json")), "utf8"))));
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (label: string, t: Tally) => `  ${label.padEnd(28)} ${String(t.pages).padStart(4)} pages  score ${t.meanScore.toFixed(4)}  exact ${percent(t.exactShare).padStart(6)}`;

export async function benchReflow(options: { seed?: number; pages?: number; diffs?: number; print?: boolean } = {}): Promise<object> {
  const seed = options.seed ?? CORPUS_SEED;
  const count = options.pages ?? CORPUS_PAGES;
  const print = options.print ?? true;
  const pages: CorpusPage[] = [];
  const results: PageResult[] = [];
  for (const page of corpusPages(seed, count)) {
    results.push(measure(page.name, page.text, page.gold));
    pages.push({ ...page, gold: { stories: [], credits: [] } }); // keep names and tags, not the golds
  }
  const figures = {
    corpus: { seed, ...tally(results) },
    byKind: grouped(pages, results, (page) => [page.kind]),
    // pages plain but for one feature: the cleanest figure of what a feature costs
    byFocus: grouped(pages, results, (page) => (page.focus ? [page.focus] : [])),
    varied: tally(results.filter((_, i) => !pages[i]!.focus)),
    byGenre: grouped(pages, results, (page) => page.genres),
    byFeature: grouped(pages, results, (page) => page.features),
    samples: goldPages("sources", "tests/fixtures/gold").map(({ name, score, exact }) => ({ name, score, exact })),
    real: goldPages(join("..", "shared", "real"), join("..", "shared", "real")).map(({ name, score, exact }) => ({ name, score, exact })),
    speed: speed(pages.map((page) => page.text), fullPages(["sources", join("..", "shared", "real")])),
    worst: [...results].sort((a, b) => a.score - b.score).slice(0, options.diffs ?? 5),
  };
  if (print) {
    console.log(`reflow on ${count} generated pages (seed ${seed}), scored as score.py does:`);
    console.log(row("all pages", figures.corpus));
    console.log("by kind of page:");
    for (const [key, t] of Object.entries(figures.byKind)) console.log(row(key, t));
    console.log(row("varied pages", figures.varied));
    console.log("pages plain but for one feature:");
    for (const [key, t] of Object.entries(figures.byFocus)) console.log(row(key, t));
    console.log("by genre (pages holding a story of it):");
    for (const [key, t] of Object.entries(figures.byGenre)) console.log(row(key, t));
    console.log("by layout feature (all pages that have it):");
    for (const [key, t] of Object.entries(figures.byFeature)) console.log(row(key, t));
    for (const page of [...figures.samples, ...figures.real]) console.log(`  ${page.name}: score ${page.score}, ${page.exact ? "exact" : "not exact"}`);
    if (!figures.real.length) console.log("  (no real page in ../shared/real: skipped)");
    const { archivePages, corpusPages } = figures.speed;
    console.log(`speed after warm-up, in CPU time: ${archivePages.megabytesPerSecond} MB/s over ${archivePages.pages} pages of the bench's archive (${archivePages.kilobytesPerPage} KB a page)`);
    console.log(`  ${corpusPages.megabytesPerSecond} MB/s over the ${corpusPages.pages} corpus pages (${corpusPages.kilobytesPerPage} KB a page: fixed costs per page weigh most)`);
    console.log(`  full pages (fastest of 30 runs): ${figures.speed.fullPages.map((page) => `${page.name} ${page.megabytesPerSecond} MB/s`).join(", ")}`);
    console.log("  cost against size (corpus pages joined):");
    for (const r of figures.speed.linearity) console.log(`  ${String(r.pages).padStart(2)} pages ${String(r.kilobytes).padStart(7)} KB ${String(r.ms).padStart(9)} ms  ${r.msPerKilobyte} ms/KB  ${r.megabytesPerSecond} MB/s`);
    console.log(`  ms/KB grows ×${figures.speed.growth} from the shortest text to the longest (1 is linear)`);
    console.log("lowest-scoring pages (node --import tsx scripts/bench-reflow.ts --show NAME to see one):");
    for (const page of figures.worst) console.log(`  ${page.name}: ${page.score}\n${page.diff.map((line) => `    ${line}`).join("\n")}`);
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { pages: { type: "string" }, seed: { type: "string" }, show: { type: "string" }, diffs: { type: "string" }, feature: { type: "string" } } });
  const seed = values.seed ? Number(values.seed) : CORPUS_SEED;
  const count = values.pages ? Number(values.pages) : CORPUS_PAGES;
  process.stdout.on("error", () => process.exit(0)); // piped into head: stop quietly
  if (values.show) {
    // one page: its text, what the reflow made of it, and what differs from the gold
    const [, pageSeed, index] = /^corpus-(\d+)-(\d+)/u.exec(values.show) ?? [];
    const page = generatePage(Number(pageSeed ?? CORPUS_SEED), Number(index ?? 0));
    const out = reflow(page.text);
    console.log(page.text);
    console.log(`---- ${page.name} [${page.features.join(", ")}]`);
    const outline = (stories: { title?: string; byline?: string; blocks?: unknown[] }[]) => stories.map((s, i) => `  ${i + 1}. ${s.title} | ${s.byline ?? "-"} | ${s.blocks?.length ?? 0} blocks`).join("\n");
    console.log(`gold:\n${outline(page.gold.stories)}\nreflow:\n${outline(out.stories)}`);
    console.log(`score ${score(page.gold, out, page.text).score}`);
    console.log(pageDiff(page.gold, out, 100).join("\n") || "exact");
  } else if (values.feature) {
    for (const page of corpusPages(seed, count)) {
      if (page.focus !== values.feature && !page.features.includes(values.feature)) continue;
      const result = measure(page.name, page.text, page.gold);
      console.log(`${page.name}: ${result.score}${result.exact ? " exact" : ""}`);
      for (const line of result.diff) console.log(`    ${line}`);
    }
  } else {
    await benchReflow({ pages: count, seed, diffs: values.diffs ? Number(values.diffs) : undefined });
  }
}
