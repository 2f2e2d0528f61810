// The round trip through Broadsheet's own print edition: editions built by the real build, printed
// by its Paged.js print views (masthead, lead headline across the page, six columns, signed
// commentaries in boxes, running heads and folios), read back from their PDFs. A one-page PDF
// must give back the edition it printed: the same stories, and its credits among the furniture.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadDigest } from "../../src/edition/load.ts";
import { reflowPdfPage } from "../../src/pdf/index.ts";
import { readPdfFile } from "../../src/pdf/read.ts";
import type { Edition } from "../../src/types.ts";
import { canonical, goldPages } from "../reflow/goldstories.ts";
import { type Layout, typeset } from "../reflow/typeset.ts";
import { type BuiltSite, buildSite } from "../support/build.ts";

const LAYOUT: Layout = { columnWidth: 15, columnHeight: 40, doubleSpaced: false, headsAfterRuns: 0, displaceSections: false, spreadChance: 0, tightParagraphChance: 0.1, widthJitter: 0, longLineChance: 0 };
/** Slices of the samples' stories small enough for one A3 page each. */
const SLICES: [page: number, from: number, to: number][] = [
  [0, 0, 3],
  [0, 3, 6],
  [0, 6, 9],
  [1, 0, 3],
];

let folder: string;
let site: BuiltSite;
let editions: Edition[];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "broadsheet-print-pdf-"));
  const sources = join(folder, "sources");
  mkdirSync(sources);
  const byName = [...goldPages].sort((a, b) => a.name.localeCompare(b.name));
  SLICES.forEach(([page, from, to], i) => {
    const gold = byName[page]!;
    writeFileSync(join(sources, `p${i}.txt`), typeset(gold.stories.slice(from, to), gold.credits, LAYOUT, i + 1));
    writeFileSync(join(sources, `p${i}.meta.yaml`), `publication: 测试日报\ndate: 2025-07-0${i + 1}\npage: 第${i + 1}版\npageNumber: ${i + 1}\n`);
  });
  editions = loadDigest(sources).editions;
  site = await buildSite({ sources });
}, 600_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(join(site.directory, ".."), { recursive: true, force: true });
});

const squash = (text: string) => text.replace(/\s+/gu, "");

test("each one-page print PDF gives back the edition it printed", async () => {
  expect(site.exitCode, site.stderr).toBe(0);
  let onePage = 0;
  for (const edition of editions) {
    const pages = await readPdfFile(join(site.directory, "pdf", `${edition.slug}.pdf`));
    if (pages.length !== 1) continue;
    onePage++;
    const result = reflowPdfPage(pages[0]!);
    expect(canonical(result.stories), edition.slug).toEqual(canonical(edition.stories));
    for (const credit of edition.credits) expect(squash(result.credits.join(""))).toContain(squash(credit));
  }
  expect(onePage).toBeGreaterThanOrEqual(3);
}, 120_000);
