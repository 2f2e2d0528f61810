// npm run bench: how fast the reflow and the build are, and how well the reflow does on the gold
// stories typeset again in harder layouts. Prints the figures and writes bench/results.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reflow } from "../src/reflow/index.ts";
import { goldPages, recall } from "../tests/reflow/goldstories.ts";
import { typeset } from "../tests/reflow/typeset.ts";

function medianMs(run: () => void, repeats: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const samples = readdirSync("sources").filter((name) => name.endsWith(".txt"));
const pages = samples.map((name) => {
  const text = readFileSync(join("sources", name), "utf8");
  reflow(text); // warm up
  return { page: name, kilobytes: +(Buffer.byteLength(text) / 1024).toFixed(1), ms: +medianMs(() => reflow(text), 21).toFixed(2) };
});

// cost against size: the samples repeated 1 to 32 times into one long page
const base = samples.map((name) => readFileSync(join("sources", name), "utf8")).join("\n");
const scaling = [1, 2, 4, 8, 16, 32].map((copies) => {
  const text = Array.from({ length: copies }, () => base).join("\n");
  return { copies, kilobytes: Math.round(Buffer.byteLength(text) / 1024), ms: +medianMs(() => reflow(text), 3).toFixed(1) };
});
const perKilobyte = scaling.map((row) => row.ms / row.kilobytes);

// accuracy on harder layouts than the tests assert exactly
const accuracy = [2, 3].map((headsAfterRuns) => {
  let found = 0;
  let total = 0;
  let exactPages = 0;
  let allPages = 0;
  for (const gold of goldPages) {
    for (const width of [11, 13, 15, 17, 19, 21, 24, 28]) {
      for (const longLineChance of [0, 0.15]) {
        const layout = { columnWidth: width, columnHeight: 37, doubleSpaced: false, headsAfterRuns, displaceSections: true, spreadChance: 0.03, tightParagraphChance: 0.1, widthJitter: 0.5, longLineChance };
        const score = recall(gold, reflow(typeset(gold.stories, gold.credits, layout, width * 7 + headsAfterRuns)));
        found += score.found;
        total += score.total;
        allPages++;
        if (score.found === score.total) exactPages++;
      }
    }
  }
  return { layout: `runs of ${headsAfterRuns} bodies before their heads`, recall: +(found / total).toFixed(4), exactPages, pages: allPages };
});

const output = join(mkdtempSync(join(tmpdir(), "broadsheet-bench-")), "_site");
const buildStart = performance.now();
execFileSync(process.execPath, ["--import", "tsx", "scripts/build.mts", "--out", output], { stdio: "ignore" });
const buildSeconds = +((performance.now() - buildStart) / 1000).toFixed(1);

const results = { date: new Date().toISOString(), node: process.version, reflow: pages, scaling, accuracy, build: { seconds: buildSeconds, editions: samples.length } };
mkdirSync("bench", { recursive: true });
writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);

console.log("reflow, per sample page (median of 21 runs):");
for (const row of pages) console.log(`  ${row.page}: ${row.kilobytes} KB in ${row.ms} ms`);
console.log("reflow cost against size (the samples repeated into one page):");
for (const row of scaling) console.log(`  ×${String(row.copies).padStart(2)}: ${String(row.kilobytes).padStart(5)} KB in ${String(row.ms).padStart(7)} ms  (${(row.ms / row.kilobytes).toFixed(3)} ms/KB)`);
console.log(`  ms/KB from smallest to largest: ${perKilobyte[0]!.toFixed(3)} → ${perKilobyte[perKilobyte.length - 1]!.toFixed(3)} (linear if flat)`);
console.log("reflow accuracy on the gold stories typeset again (section headings displaced, some one-line paragraphs):");
for (const row of accuracy) console.log(`  ${row.layout}: ${(row.recall * 100).toFixed(2)}% of fields and blocks in place, ${row.exactPages}/${row.pages} pages exact`);
console.log(`full build of the sample digest (site, feeds, search, PDFs): ${buildSeconds} s`);
console.log("written to bench/results.json");
