// npm run bench [-- --sizes 10,100,1000]: the build at archive scale, side by side with a plain
// Eleventy + Pagefind site of the same stories. For each size, a synthetic archive (the gold
// stories typeset again, four pages per date, tests/build/archive.ts) is built: plain and without
// PDFs, back to back `--runs` times (3 unless told; the pair with the median ratio is reported, as
// the machine's speed varies from minute to minute); with PDFs; again with nothing changed (up to
// date), and again with `--force` (everything from the cache). Each run's time, phases, peak
// memory of its whole process tree (Chromium included, read from /proc) and `_site` size go into a
// table and bench/results.json. The reflow's own figures come from scripts/bench-reflow.ts when it exists.
// `-- --only nopdf [--runs N]`: only plain and --no-pdf, back to back N times (a fresh cache each),
// for a quick side-by-side on a shared machine; nothing is written.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parentsOfProcesses } from "../src/processes.ts";
import { loadDigest } from "../src/edition/load.ts";
import { writeArchive } from "../tests/build/archive.ts";
import { plainCommands, writePlainSite } from "./bench-plain.ts";
import { newPageDelay } from "./bench-serve.ts";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "10,100,1000" }, only: { type: "string" }, runs: { type: "string", default: "3" } } });
const sizes = values.sizes.split(",").map(Number);
const work = mkdtempSync(join(tmpdir(), "broadsheet-bench-"));

/** Every process descended from `root`, itself included. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parentsOfProcesses()) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const all = [root];
  for (let k = 0; k < all.length; k++) all.push(...(children.get(all[k]!) ?? []));
  return all;
}

/** Memory of a process tree in MB: proportional set size (shared pages split among their sharers), else resident. */
function treeMegabytes(root: number): number {
  let kilobytes = 0;
  for (const pid of tree(root)) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      kilobytes += Number(/^Pss:\s+(\d+)/mu.exec(rollup)?.[1] ?? 0);
    } catch {
      // ended meanwhile
    }
  }
  return Math.round(kilobytes / 1024);
}

interface Run {
  seconds: number;
  peakMegabytes: number;
  maxProcesses: number;
  exitCode: number;
  phases?: Record<string, unknown>;
}

/** Run a command, sampling its process tree's memory every 250 ms. */
function measure(command: string, args: string[], env: Record<string, string> = {}, cwd?: string): Promise<Run> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
    let peakMegabytes = 0;
    let maxProcesses = 0;
    const sample = setInterval(() => {
      peakMegabytes = Math.max(peakMegabytes, treeMegabytes(child.pid!));
      maxProcesses = Math.max(maxProcesses, tree(child.pid!).length);
    }, 250);
    child.on("exit", (code) => {
      clearInterval(sample);
      done({ seconds: +((performance.now() - started) / 1000).toFixed(1), peakMegabytes, maxProcesses, exitCode: code ?? 1 });
    });
  });
}

/** The plain site built by its two commands, one after the other, timed together (memory: the larger peak). */
async function plainBuild(folder: string): Promise<Run> {
  const runs: Run[] = [];
  for (const args of plainCommands()) runs.push(await measure(process.execPath, args, {}, folder));
  return {
    seconds: +runs.reduce((sum, run) => sum + run.seconds, 0).toFixed(1),
    peakMegabytes: Math.max(...runs.map((run) => run.peakMegabytes)),
    maxProcesses: Math.max(...runs.map((run) => run.maxProcesses)),
    exitCode: runs.find((run) => run.exitCode !== 0)?.exitCode ?? 0,
  };
}

function megabytes(folder: string): number {
  let bytes = 0;
  for (const name of readdirSync(folder, { recursive: true, encoding: "utf8" })) {
    const stats = statSync(join(folder, name));
    if (stats.isFile()) bytes += stats.size;
  }
  return +(bytes / 1024 / 1024).toFixed(1);
}

/** One build of `sources` into `out`, with its phases (the build writes them to BROADSHEET_TIMINGS). */
async function build(sources: string, out: string, cache: string, extra: string[]): Promise<Run & { siteMegabytes: number }> {
  const timings = join(work, "timings.json");
  rmSync(timings, { force: true });
  const run = await measure(process.execPath, ["scripts/run.mjs", "scripts/build.mts", "--sources", sources, "--out", out, ...extra], { BROADSHEET_CACHE: cache, BROADSHEET_TIMINGS: timings });
  const phases = existsSync(timings) ? JSON.parse(readFileSync(timings, "utf8")) : undefined;
  return { ...run, phases, siteMegabytes: existsSync(out) ? megabytes(out) : 0 };
}

interface Pair {
  plain: Run & { siteMegabytes: number };
  noPdf: Run & { siteMegabytes: number };
  ratio: number;
}

/**
 * Plain and --no-pdf back to back, `runs` times, each --no-pdf build from an empty cache; each pair
 * printed as it ends with `label`, and the pair with the median ratio given with all the ratios.
 */
async function sideBySide(folder: string, sources: string, plainFolder: string, runs: number, label: string): Promise<{ median: Pair; ratios: number[] }> {
  const pairs: Pair[] = [];
  for (let run = 1; run <= runs; run++) {
    // else the build finds its site up to date
    for (const stale of [join(plainFolder, "_site"), join(folder, "site-nopdf"), join(folder, "cache-nopdf")]) rmSync(stale, { recursive: true, force: true });
    const load = loadavg()[0]!.toFixed(1);
    const plainRun = await plainBuild(plainFolder);
    const noPdf = await build(sources, join(folder, "site-nopdf"), join(folder, "cache-nopdf"), ["--no-pdf"]);
    const pair = { plain: { ...plainRun, siteMegabytes: megabytes(join(plainFolder, "_site")) }, noPdf, ratio: +(noPdf.seconds / plainRun.seconds).toFixed(2) };
    pairs.push(pair);
    console.log(`${label}, run ${run} (load ${load}): plain ${pair.plain.seconds} s ${pair.plain.peakMegabytes} MB | --no-pdf ${noPdf.seconds} s (×${pair.ratio}) ${noPdf.peakMegabytes} MB ${JSON.stringify(noPdf.phases)}`);
  }
  return { median: [...pairs].sort((a, b) => a.ratio - b.ratio)[Math.floor((pairs.length - 1) / 2)]!, ratios: pairs.map((pair) => pair.ratio) };
}

/** The archive of `size` pages and its plain site, in a folder of their own. */
function archive(size: number): { folder: string; sources: string; plainFolder: string } {
  const folder = join(work, String(size));
  const sources = join(folder, "sources");
  writeArchive(sources, size);
  const plainFolder = join(folder, "plain");
  writePlainSite(plainFolder, loadDigest(sources).editions);
  return { folder, sources, plainFolder };
}

if (values.only === "nopdf") {
  for (const size of sizes) {
    const { folder, sources, plainFolder } = archive(size);
    await sideBySide(folder, sources, plainFolder, Number(values.runs), `${size} pages`);
    rmSync(folder, { recursive: true, force: true });
  }
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

const results: Array<Record<string, unknown>> = [];
const loadBefore = loadavg()[0]!;
for (const size of sizes) {
  const { folder, sources, plainFolder } = archive(size);
  const { median, ratios } = await sideBySide(folder, sources, plainFolder, Number(values.runs), `  ${size} pages, plain and --no-pdf`);
  const { plain, noPdf } = median;
  const full = await build(sources, join(folder, "site"), join(folder, "cache"), []);
  const again = await build(sources, join(folder, "site"), join(folder, "cache"), []);
  // the same, made to run through: everything from the cache, nothing reflowed or rendered
  const forced = await build(sources, join(folder, "site"), join(folder, "cache"), ["--force"]);
  const serve = await newPageDelay(sources, 8765);
  const pdf = full.phases?.pdf as number | undefined;
  const pdfPages = (full.phases?.pdfPages as number | undefined) ?? 0;
  const row = {
    pages: size,
    plain,
    noPdf,
    full,
    rebuild: again,
    forcedRebuild: forced,
    serve,
    pdfPagesPerSecond: pdf ? +(pdfPages / pdf).toFixed(2) : undefined,
    noPdfOverPlain: +(noPdf.seconds / plain.seconds).toFixed(2),
    noPdfOverPlainRuns: ratios,
    rebuildOverFull: +(again.seconds / full.seconds).toFixed(2),
    forcedOverFull: +(forced.seconds / full.seconds).toFixed(2),
  };
  results.push(row);
  console.log(
    `${String(size).padStart(5)} pages | plain ${plain.seconds} s ${plain.peakMegabytes} MB ${plain.siteMegabytes} MB | --no-pdf ${noPdf.seconds} s (×${row.noPdfOverPlain}; runs ×${ratios.join(", ×")}) ${noPdf.peakMegabytes} MB ${noPdf.siteMegabytes} MB | with PDFs ${full.seconds} s ${full.peakMegabytes} MB, ${full.maxProcesses} processes, ${row.pdfPagesPerSecond} PDF pages/s ${full.siteMegabytes} MB | no change ${again.seconds} s (×${row.rebuildOverFull}), forced ${forced.seconds} s (×${row.forcedOverFull}) | npm start: up in ${serve.startSeconds} s, a new page in ${serve.newPageSeconds} s`,
  );
  rmSync(folder, { recursive: true, force: true });
}
const loadAfter = loadavg()[0]!;

let reflow: unknown;
if (existsSync(resolve("scripts/bench-reflow.ts"))) {
  const { benchReflow } = (await import(resolve("scripts/bench-reflow.ts"))) as { benchReflow: () => Promise<object> };
  reflow = await benchReflow();
}

const linear = sizes.slice(1).map((size, k) => {
  const [small, large] = [results[k], results[k + 1]] as Array<{ noPdf: Run }>;
  return { from: sizes[k], to: size, timeRatio: +(large!.noPdf.seconds / small!.noPdf.seconds).toFixed(2), pageRatio: size / sizes[k]! };
});
const report = { date: new Date().toISOString(), node: process.version, load: { before: loadBefore, after: loadAfter }, sizes: results, linear, reflow };
mkdirSync("bench", { recursive: true });
writeFileSync("bench/results.json", `${JSON.stringify(report, null, 2)}\n`);

console.log("\n| pages | plain Eleventy + Pagefind | `--no-pdf` | × plain | with PDFs | peak memory (tree) | PDF pages/s | no-change rebuild | `--force`d | `_site` |");
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
type Row = { pages: number; plain: Run & { siteMegabytes: number }; noPdf: Run; full: Run & { siteMegabytes: number }; rebuild: Run; forcedRebuild: Run; noPdfOverPlain: number; pdfPagesPerSecond?: number; rebuildOverFull: number; forcedOverFull: number };
for (const row of results as Row[]) {
  console.log(
    `| ${row.pages} | ${row.plain.seconds} s, ${row.plain.peakMegabytes} MB | ${row.noPdf.seconds} s | ${row.noPdfOverPlain} | ${row.full.seconds} s | ${row.full.peakMegabytes} MB | ${row.pdfPagesPerSecond} | ${row.rebuild.seconds} s (×${row.rebuildOverFull}) | ${row.forcedRebuild.seconds} s (×${row.forcedOverFull}) | ${row.full.siteMegabytes} MB (plain ${row.plain.siteMegabytes} MB) |`,
  );
}
for (const row of results as Array<{ pages: number; noPdf: Run; full: Run }>) console.log(`phases at ${row.pages} pages: --no-pdf ${JSON.stringify(row.noPdf.phases)}; with PDFs ${JSON.stringify(row.full.phases)}`);
for (const step of linear) console.log(`×${step.pageRatio} pages (${step.from} → ${step.to}): ×${step.timeRatio} time without PDFs`);
console.log(`load average (1 min) before ${loadBefore.toFixed(1)}, after ${loadAfter.toFixed(1)} on ${readdirSync("/sys/devices/system/cpu").filter((name) => /^cpu\d+$/u.test(name)).length} cores; written to bench/results.json`);
rmSync(work, { recursive: true, force: true });
