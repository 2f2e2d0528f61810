// PDF sources end to end: a folder with NAME.pdf and its sidecar loads like NAME.txt (a page per
// edition, NAME-pK for several), pages without a usable text layer get a one-line message, reading
// is cached by the file's hash, and the page picture comes with one rect per block of each story.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "../../src/browser.ts";
import { SourceError } from "../../src/edition/errors.ts";
import { loadDigest, loadEdition } from "../../src/edition/load.ts";
import { fileHash, readCache, writeCache } from "../../src/pdf/cache.ts";
import { type PageMap, writePdfPictures } from "../../src/pdf/pictures.ts";
import { refuseUnusable } from "../../src/pdf/source.ts";
import { testPage } from "./corpus.ts";
import { page, run } from "./geometry.ts";
import { pageHtml, printHtml, printPage } from "./pages.ts";

let browser: Browser;
let folder: string;
const sources = () => join(folder, "sources");
const previousCache = process.env.BROADSHEET_CACHE;

// pages tall enough for a whole test page each
const printTall = (html: string) => printHtml(browser, html, (tab) => tab.pdf({ width: "297mm", height: "1500mm", printBackground: true }));

const meta = (page: string, pageNumber?: number) => `publication: 测试日报\ndate: 2025-06-30\npage: ${page}\n${pageNumber ? `pageNumber: ${pageNumber}\n` : ""}`;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "broadsheet-pdf-source-"));
  process.env.BROADSHEET_CACHE = join(folder, "cache");
  browser = await launchBrowser();
  const dir = join(folder, "sources");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(dir);
  writeFileSync(join(dir, "front.pdf"), await printPage(browser, testPage(3)));
  writeFileSync(join(dir, "front.meta.yaml"), meta("要闻", 1));
  // two pages in one file: the second page's html after a page break
  const [first, second] = [testPage(4), testPage(5)].map((test) => pageHtml(test).replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/gu, ""));
  const head = pageHtml(testPage(4)).replace(/<body>[\s\S]*$/u, "");
  writeFileSync(join(dir, "issue.pdf"), await printTall(`${head}<body>${first}<div style="break-before: page"></div>${second}</body></html>`));
  writeFileSync(join(dir, "issue.meta.yaml"), meta("综合", 2));
  writeFileSync(join(dir, "scan.pdf"), await printTall(`<img src="data:image/png;base64,${(await import("@napi-rs/canvas")).createCanvas(200, 100).encodeSync("png").toString("base64")}">`));
  writeFileSync(join(dir, "scan.meta.yaml"), meta("图片"));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (previousCache === undefined) delete process.env.BROADSHEET_CACHE;
  else process.env.BROADSHEET_CACHE = previousCache;
  rmSync(folder, { recursive: true, force: true });
});

describe("PDF sources", () => {
  test("NAME.pdf loads as an edition; a PDF of several pages as NAME-p1, NAME-p2 numbered on from its sidecar", () => {
    const digest = loadDigest(sources());
    const bySlug = new Map(digest.editions.map((edition) => [edition.slug, edition]));
    expect([...bySlug.keys()].sort()).toEqual(["front", "issue-p1", "issue-p2"]);
    expect(bySlug.get("front")!.source).toBe("front.pdf");
    const squash = (text: string) => text.replace(/\s+/gu, "");
    expect(bySlug.get("front")!.stories.map((story) => squash(story.title))).toEqual(testPage(3).stories.map((story) => squash(story.title)));
    expect(bySlug.get("issue-p2")!.source).toBe("issue.pdf#page=2");
    expect([bySlug.get("issue-p1")!.meta.pageNumber, bySlug.get("issue-p2")!.meta.pageNumber]).toEqual([2, 3]);
    expect(digest.notices.filter((notice) => notice.includes("issue"))).toEqual([]); // its sidecar is used, not stray
  });

  test("a page with no text layer is refused with one line naming the file and the page", () => {
    const problems = loadDigest(sources()).problems.map(String);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/scan\.pdf: page 1 has no text layer \(a scanned page\?\)/u);
    expect(problems[0]).not.toContain("\n");
  });

  test("a text layer of unreadable characters is refused, not published", () => {
    const garbage = page([run("\uE001\uE002\uE003\uE004 \uFFFD\uFFFD正文", 20, 100)]);
    expect(() => refuseUnusable("p.pdf", garbage)).toThrow(SourceError);
    expect(() => refuseUnusable("p.pdf", garbage)).toThrow(/page 1: the text layer does not map its glyphs/u);
    expect(() => refuseUnusable("p.pdf", page([run("正常的文字。", 20, 100)]))).not.toThrow();
  });

  test("what a PDF gave is cached under its hash, so loading again reads no PDF", () => {
    const hash = fileHash(readFileSync(join(sources(), "front.pdf")));
    const cached = readCache(hash);
    if (!cached || !("pages" in cached)) throw new Error("front.pdf was not cached");
    // change the cached headline: the next load shows it, so it read the cache, not the PDF
    const headline = cached.pages[0]!.runs.filter((r) => r.size < 30).sort((a, b) => b.size - a.size)[0]!;
    const original = JSON.stringify(cached);
    headline.text = "缓存";
    writeCache(hash, cached);
    try {
      // loadEdition, not loadDigest: the digest would take the whole edition from the reflow's cache
      const { edition: front } = loadEdition(join(sources(), "front.pdf"), { slug: "front", stem: "front", page: 1 });
      expect(front.stories.some((story) => story.title.includes("缓存"))).toBe(true);
    } finally {
      writeCache(hash, JSON.parse(original));
    }
  });

  test("the page picture: the real page at 1,200 and 300 px, one rect per block of each story, as fractions", async () => {
    const site = join(folder, "site");
    const { editions } = loadDigest(sources());
    expect(await writePdfPictures(site, editions, sources())).toBe(3);
    const large = await sharp(readFileSync(join(site, "pictures", "front.jpg"))).metadata();
    const small = await sharp(readFileSync(join(site, "pictures", "front-small.jpg"))).metadata();
    expect([large.width, small.width]).toEqual([1200, 300]);
    const map = JSON.parse(readFileSync(join(site, "pictures", "front.json"), "utf8")) as PageMap;
    const front = editions.find((edition) => edition.slug === "front")!;
    expect(map.areas.map((area) => area.story)).toEqual(front.stories.map((story) => story.id));
    for (const area of map.areas) {
      expect(area.rects.length).toBeGreaterThan(1); // a headline and its text, at least
      for (const [x, y, w, h] of area.rects) for (const value of [x, y, w, h, x + w, y + h]) expect(value).toBeGreaterThanOrEqual(0), expect(value).toBeLessThanOrEqual(1);
    }
  });
});
