// The whole build wired end to end, with PDFs and page pictures, on one issue of three pages: two
// text sources (pictured from their print views) and a PDF source printed here through Chromium
// (pictured as the real page). Then, in headless Chromium: every page shows its picture, every
// story of a page has an area on it, the areas open their stories by mouse and by keyboard, the
// issue page shows thumbnails, each page has an og:image, and the PDF's page holds the PDF's stories.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { PDFDocument } from "pdf-lib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser.ts";
import { loadDigest } from "../../src/edition/load.ts";
import { type SiteDigest, siteDigest } from "../../src/site/digest.ts";
import { squash } from "../../src/reflow/text.ts";
import { siteMetadata } from "../../src/site/metadata.ts";
import type { Edition } from "../../src/types.ts";
import { testPage } from "../pdf/corpus.ts";
import { printPage } from "../pdf/pages.ts";
import { type BuiltSite, buildSite } from "../support/build.ts";
import { epaperSources } from "../support/epaper.ts";
import { seriousViolations } from "../site/browser.ts";
import { type StaticServer, serve } from "../support/server.ts";

const PDF_SLUG = "jia-0630-3";
const PDF_PAGE = testPage(3);
const TEXT_SLUGS = ["jia-0630-1", "jia-0630-2"];
/** A page name longer than a phone is wide, in the page strip of every page of the issue. */
const LONG_PAGE = "城市建设与乡村振兴专题报道暨读者来信综合专版";

let sources: string;
let cache: string;
let site: BuiltSite;
let editions: Edition[];
let digest: SiteDigest;
let server: StaticServer;
let browser: Browser;
let pdfBytes: Uint8Array;

beforeAll(async () => {
  // one issue of 甲报: its two text pages from the e-paper fixture, the other sources left out
  sources = epaperSources();
  for (const name of ["jia-0501-1", "yi-0630-1", "yi-0630-2"]) for (const ext of [".txt", ".meta.yaml"]) rmSync(join(sources, name + ext));
  browser = await launchBrowser();
  pdfBytes = await printPage(browser, PDF_PAGE);
  writeFileSync(join(sources, `${PDF_SLUG}.pdf`), pdfBytes);
  writeFileSync(join(sources, `${PDF_SLUG}.meta.yaml`), `publication: "甲报"\ndate: "2025-06-30"\npage: "${LONG_PAGE}"\npageNumber: 3\n`);
  // a cache of its own, so that the print views are laid out and the pictures made in this build
  cache = mkdtempSync(join(tmpdir(), "broadsheet-cache-"));
  site = await buildSite({ sources, env: { BROADSHEET_CACHE: cache } });
  expect(site.exitCode, site.stderr).toBe(0);
  process.env.BROADSHEET_CACHE = cache; // the digest read again below, from the build's cache
  editions = loadDigest(sources).editions;
  digest = siteDigest(editions, siteMetadata());
  server = await serve(site.directory);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  delete process.env.BROADSHEET_CACHE;
  for (const folder of [sources, cache]) if (folder) rmSync(folder, { recursive: true, force: true });
});

const edition = (slug: string) => digest.editions.find((e) => e.slug === slug)!;

/** The page picture as the edition page shows it, and each area's story and box, in page pixels. */
async function pageMapOf(page: Page) {
  return page.evaluate(() => {
    const image = document.querySelector<HTMLImageElement>(".pagemap img")!;
    const box = (element: Element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    };
    const areas = Array.from(document.querySelectorAll<HTMLAnchorElement>(".pagemap-area")).map((area) => ({ href: area.getAttribute("href")!, box: box(area) }));
    return { src: image.getAttribute("src")!, natural: [image.naturalWidth, image.naturalHeight], box: box(image), areas };
  });
}

describe("the build with PDFs, on text and PDF sources", () => {
  it("builds all three pages of the issue, each with its page picture", () => {
    expect(digest.editions.map((e) => e.slug).sort()).toEqual([...TEXT_SLUGS, PDF_SLUG]);
    expect(site.stdout).toMatch(/page pictures: \d+ page\(s\)/u);
  });

  it("gives the PDF's page the PDF's stories, and the real page as its picture", async () => {
    // each story whole, titles and paragraphs, in any order (the page's reading order decides it) and
    // spaced as may be (a space inside a printed heading is not a character the PDF's text keeps)
    const shape = (stories: readonly { title: string; blocks: readonly { text: string }[] }[]) =>
      stories.map((story) => ({ title: story.title, blocks: story.blocks.map((block) => squash(block.text)) })).sort((a, b) => a.title.localeCompare(b.title));
    expect(shape(editions.find((e) => e.slug === PDF_SLUG)!.stories)).toEqual(shape(PDF_PAGE.stories));
    const picture = await sharp(readFileSync(join(site.directory, "pictures", `${PDF_SLUG}.jpg`))).metadata();
    const [pdfPage] = (await PDFDocument.load(pdfBytes)).getPages();
    // the real page's proportions (297 mm by as tall as its text), not an A3 print view's
    expect(picture.height / picture.width).toBeCloseTo(pdfPage!.getHeight() / pdfPage!.getWidth(), 2);
    expect(picture.width).toBeGreaterThan(1000);
  });

  it("pictures the text sources from their A3 print views", async () => {
    for (const slug of TEXT_SLUGS) {
      const picture = await sharp(readFileSync(join(site.directory, "pictures", `${slug}.jpg`))).metadata();
      // at least as wide as the edition page shows it (three fifths of an 82rem page, ~780 px)
      expect(picture.width, slug).toBeGreaterThanOrEqual(800);
      expect(picture.height / picture.width, slug).toBeCloseTo(420 / 297, 2);
    }
  });
});

describe("the page pictures in the browser", () => {
  for (const slug of [...TEXT_SLUGS, PDF_SLUG]) {
    it(`${slug}: shows its picture, with an area for each of its stories, each clickable where it is drawn`, async () => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await page.goto(`${server.origin}${edition(slug).url}`);
      await page.locator(".pagemap img").evaluate((image: HTMLImageElement) => image.decode());
      const map = await pageMapOf(page);
      expect(map.src).toBe(`/pictures/${slug}.jpg`);
      // drawn with at least as many pixels as the page shows it across
      expect(map.natural[0]).toBeGreaterThanOrEqual(map.box.width);
      expect(new Set(map.areas.map((area) => area.href))).toEqual(new Set(edition(slug).stories.map((story) => story.url)));
      for (const area of map.areas) {
        // on the picture, and the topmost element at its centre (no other story's area over it)
        expect(area.box.x).toBeGreaterThanOrEqual(map.box.x - 1);
        expect(area.box.y).toBeGreaterThanOrEqual(map.box.y - 1);
        expect(area.box.x + area.box.width).toBeLessThanOrEqual(map.box.x + map.box.width + 1);
        expect(area.box.y + area.box.height).toBeLessThanOrEqual(map.box.y + map.box.height + 1);
        const hit = await page.evaluate((index) => {
          const link = document.querySelectorAll(".pagemap-area")[index]!;
          link.scrollIntoView({ block: "center" });
          const { x, y, width, height } = link.getBoundingClientRect();
          return document.elementFromPoint(x + width / 2, y + height / 2)?.closest("a")?.getAttribute("href");
        }, map.areas.indexOf(area));
        expect(hit, `${area.href} at ${JSON.stringify(area.box)}`).toBe(area.href);
      }
      const og = await page.locator('meta[property="og:image"]').getAttribute("content");
      expect(og).toMatch(new RegExp(`/pictures/${slug}\\.jpg$`, "u"));
      await page.close();
    });
  }

  it("opens a story by clicking its area on the picture", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const story = edition(PDF_SLUG).stories.at(-1)!;
    await page.goto(`${server.origin}${edition(PDF_SLUG).url}`);
    await page.locator(`.pagemap-area[href="${story.url}"]`).first().click();
    expect(new URL(page.url()).pathname).toBe(story.url);
    expect(await page.locator("h1").textContent()).toBe(story.title);
    await page.close();
  });

  it("opens a story from the keyboard: Tab reaches the areas, named by their titles, and Enter follows one", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const [first] = edition(TEXT_SLUGS[0]!).stories;
    await page.goto(`${server.origin}${edition(TEXT_SLUGS[0]!).url}`);
    let focused: { area: boolean; name: string } = { area: false, name: "" };
    for (let presses = 0; presses < 80 && !focused.area; presses++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => ({ area: document.activeElement?.classList.contains("pagemap-area") ?? false, name: document.activeElement?.textContent ?? "" }));
    }
    expect(focused).toEqual({ area: true, name: first!.title });
    await page.keyboard.press("Enter");
    await page.waitForURL(`**${first!.url}`);
    expect(await page.locator("h1").textContent()).toBe(first!.title);
    await page.close();
  });

  it("has no serious or critical accessibility violations on a page with its page map", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.origin}${edition(PDF_SLUG).url}`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("fits a phone's width with the pictures in: no page of the issue scrolls sideways", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const url of [edition(PDF_SLUG).issueUrl, ...[...TEXT_SLUGS, PDF_SLUG].map((slug) => edition(slug).url)]) {
      await page.goto(`${server.origin}${url}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(390);
    }
    await page.close();
  });

  it("shows the issue's pages as thumbnails, in page order", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.origin}${edition(PDF_SLUG).issueUrl}`);
    const thumbnails = page.locator(".page-card .page-thumbnail");
    await thumbnails.evaluateAll((images: HTMLImageElement[]) => Promise.all(images.map((image) => image.decode())));
    expect(await thumbnails.evaluateAll((images: HTMLImageElement[]) => images.map((image) => [image.getAttribute("src"), image.naturalWidth > 0]))).toEqual(
      [...TEXT_SLUGS, PDF_SLUG].map((slug) => [`/pictures/${slug}-small.jpg`, true]),
    );
    await page.close();
  });
});
