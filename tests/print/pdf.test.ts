// The print edition, built once (under a path prefix) with the real build command. Its PDFs, read
// back: every character of every story exactly once and in reading order, the running heads and
// page numbers where the layout puts them, nothing outside the page's content area or on top of
// other text, fonts embedded, as many pages as the layout implies, page 1 drawn from the PDF alone
// looks like a page of columns; each issue's PDF is its pages' PDFs in turn. Its page pictures
// and their maps. Its print views, served: the same pages on screen, A3 or A4.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../../src/browser.ts";
import { sourcesDirectory } from "../../src/config.ts";
import { loadDigest } from "../../src/edition/load.ts";
import { printIssues } from "../../src/print/issues.ts";
import { issuePdfUrl } from "../../src/site/urls.ts";
import { PICTURE_WIDTH, pictureUrls } from "../../src/print/pictures.ts";
import { renderPdfs } from "../../src/print/render.ts";
import { type PrintEdition, printEdition } from "../../src/print/view.ts";
import { editionUrl, pdfUrl, printUrl } from "../../src/site/urls.ts";
import { type BuiltSite, buildSite } from "../support/build.ts";
import { type StaticServer, serve } from "../support/server.ts";
import { checkEdition, paper } from "./layout-checks.ts";
import { renderPdfPage } from "./pdf-image.ts";
import { pdfFonts, readPdf } from "./pdf.ts";

const views = loadDigest(sourcesDirectory()).editions.map(printEdition);

const PREFIX = "/digest/";
let site: BuiltSite;
let browser: Browser;
const a4Folder = mkdtempSync(join(tmpdir(), "broadsheet-a4-"));

beforeAll(async () => {
  [site, browser] = await Promise.all([buildSite({ env: { BROADSHEET_PATH_PREFIX: PREFIX } }), launchBrowser()]);
  expect(site.exitCode, site.stderr).toBe(0);
});
afterAll(() => browser.close());

describe("the A3 PDFs that npm run build writes", () => {
  const file = (edition?: PrintEdition) => join(site.directory, pdfUrl(edition?.edition));

  it("has the sample digest's two editions to print", () => expect(views.length).toBe(2));

  it("sets every edition's text once, in order, within its pages", async () => {
    for (const view of views) checkEdition(view, await readPdf(file(view)), 1, "a3");
  });

  it("prints each issue as its pages' PDFs in turn, and no PDF of the whole archive unless asked", async () => {
    const issues = printIssues(views.map((view) => view.edition));
    expect(issues.length).toBe(2); // the samples are of two dates
    for (const issue of issues) {
      const pages = await readPdf(join(site.directory, issuePdfUrl(issue.publication, issue.date)));
      let start = 0;
      for (const edition of issue.editions) {
        const count = (await readPdf(join(site.directory, pdfUrl(edition)))).length;
        checkEdition(printEdition(edition), pages.slice(start, start + count), 1, "a3");
        start += count;
      }
      expect(start).toBe(pages.length);
    }
    expect(() => readFileSync(file())).toThrow();
  });

  it("embeds every font it uses, all of them Noto Serif SC or Noto Sans SC", () => {
    for (const pdf of views.map(file)) {
      const fonts = pdfFonts(pdf);
      expect(fonts.length, pdf).toBeGreaterThan(0);
      expect(fonts.filter((font) => !font.embedded || !/^[A-Z]{6}\+Noto(Serif|Sans)SC/u.test(font.baseFont)), pdf).toEqual([]);
    }
  });

  it("draws page 1 of each edition as columns with rules, from the PDF alone", async () => {
    for (const view of views) {
      const image = await renderPdfPage(browser, file(view), 1);
      const png = join(site.directory, "..", `${view.edition.slug}-page-1.png`);
      writeFileSync(png, image.png);
      expect(image.ink, png).toBeGreaterThan(0.03);
      expect(image.ink, png).toBeLessThan(0.4);
      // the column rules (box sides may add more)
      expect(image.verticalRules.length, png).toBeGreaterThanOrEqual(paper("a3").columns - 1);
    }
  });
});

describe("the A4 print view", () => {
  let counts: number[];
  beforeAll(async () => {
    const editions = views.map((view) => view.edition);
    const { pdfs, failures } = await renderPdfs(site.directory, { editions, paper: "a4", outputDirectory: a4Folder, pathPrefix: PREFIX });
    expect(failures).toEqual([]);
    counts = views.map((view) => pdfs.find((pdf) => pdf.view === printUrl(view.edition))!.pages);
  });

  it("sets every edition's text once, in order, on more, smaller pages", async () => {
    for (const [k, view] of views.entries()) {
      const pages = await readPdf(join(a4Folder, pdfUrl(view.edition)));
      expect(pages.length).toBe(counts[k]);
      expect(pages.length).toBeGreaterThan((await readPdf(join(site.directory, pdfUrl(view.edition)))).length);
      checkEdition(view, pages, 1, "a4");
    }
  });
});

describe("the print views in a browser", () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serve(site.directory, PREFIX);
  });
  afterAll(() => server.close());

  /** Open a print view as a reader would and wait for Paged.js; every request must succeed. */
  async function open(view: string) {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${server.origin}${PREFIX}${view.slice(1)}`);
    await page.waitForFunction(() => document.documentElement.dataset.laidOut === "true");
    expect(failed).toEqual([]);
    return page;
  }

  /** Width and count of the laid-out pages, in millimetres. */
  const pagesOf = (page: Awaited<ReturnType<typeof open>>) =>
    page.$$eval(".pagedjs_page", (pages) => ({ count: pages.length, width: pages[0]!.getBoundingClientRect().width * (25.4 / 96) }));

  it("lays each edition out on screen as the same A3 pages as its PDF, in the Noto fonts", async () => {
    for (const view of views) {
      const page = await open(printUrl(view.edition));
      const { count, width } = await pagesOf(page);
      expect(count).toBe((await readPdf(join(site.directory, pdfUrl(view.edition)))).length);
      expect(width).toBeCloseTo(297, 0);
      const fonts = await page.evaluate(() => ({
        faces: Array.from(document.fonts as unknown as Iterable<FontFace>, (face) => face.status),
        serif: document.fonts.check("9pt 'Broadsheet Serif'", "政协"),
        sans: document.fonts.check("bold 18pt 'Broadsheet Sans'", "政协"),
      }));
      expect(fonts.faces.length).toBeGreaterThan(0);
      expect(fonts.faces.every((status) => status === "loaded")).toBe(true);
      expect([fonts.serif, fonts.sans]).toEqual([true, true]);
      await page.close();
    }
  });

  it("offers the way back to the site, A3, A4, the PDF and the print dialog on screen, and hides them in print", async () => {
    const [view] = views;
    const page = await open(printUrl(view!.edition));
    const links = await page.$$eval(".print-toolbar a", (anchors) => anchors.map((anchor) => [anchor.textContent, anchor.getAttribute("href")]));
    const here = `${PREFIX}${printUrl(view!.edition).slice(1)}`;
    const site = `${PREFIX}${editionUrl(view!.edition).slice(1)}`;
    expect(links).toEqual([["← 返回网站", site], ["A3", here], ["A4", `${here}?size=a4`], ["PDF（A3）", `${PREFIX}${pdfUrl(view!.edition).slice(1)}`]]);
    const pdf = await page.request.get(`${server.origin}${links[3]![1]}`);
    expect([pdf.status(), pdf.headers()["content-type"]]).toEqual([200, "application/pdf"]);
    expect(await page.locator(".print-toolbar button").textContent()).toBe("打印");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".print-toolbar").isVisible()).toBe(false);
    await page.close();
  });

  it("switches to A4 pages with ?size=a4", async () => {
    const [view] = views;
    const a4 = await open(`${printUrl(view!.edition)}?size=a4`);
    const { count, width } = await pagesOf(a4);
    expect(width).toBeCloseTo(210, 0);
    expect(count).toBe((await readPdf(join(a4Folder, pdfUrl(view!.edition)))).length);
    await a4.close();
  });

  it("scales its pages to a phone-sized window, nothing cut off at either side, and is titled once escaped", async () => {
    const [view] = views;
    const page = await open(printUrl(view!.edition));
    await page.setViewportSize({ width: 390, height: 800 });
    await page.waitForFunction(() => document.documentElement.style.getPropertyValue("--fit") !== "" && Number(document.documentElement.style.getPropertyValue("--fit")) < 0.5);
    const box = await page.$eval(".pagedjs_page", (element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left + window.scrollX, right: rect.right + window.scrollX, scrollWidth: document.documentElement.scrollWidth };
    });
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(390);
    expect(box.scrollWidth).toBeLessThanOrEqual(390);
    expect(await page.title()).toBe(`${view!.edition.meta.publication} ${view!.edition.meta.date} ${view!.edition.meta.page} · 印刷版`);
    await page.close();
  });
});

describe("the page pictures", () => {
  it("show each edition's sheets one under another, large and small, with every story's areas on them", async () => {
    for (const view of views) {
      const sheets = (await readPdf(join(site.directory, pdfUrl(view.edition)))).length;
      const urls = pictureUrls(view.edition.slug);
      const map = JSON.parse(readFileSync(join(site.directory, urls.map), "utf8")) as { width: number; height: number; areas: Array<{ story: string; title: string; rects: number[][] }> };
      expect(Math.abs(map.width - PICTURE_WIDTH)).toBeLessThanOrEqual(1);
      expect(sheets).toBeGreaterThan(1);
      // the sheets' A3 proportions, and a little grey between them
      expect(map.height / map.width).toBeGreaterThan((sheets * 420) / 297);
      expect(map.height / map.width).toBeLessThan((sheets * 420) / 297 + (sheets * 20) / map.width);
      const large = readFileSync(join(site.directory, urls.large));
      const small = readFileSync(join(site.directory, urls.small));
      expect(large.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8])); // JPEG
      expect(small.length).toBeLessThan(large.length / 4);
      // every story has its areas, on whichever sheet it is set
      const ids = view.edition.stories.map((story) => story.id);
      expect(map.areas.map((area) => area.story)).toEqual(ids);
      for (const area of map.areas) {
        expect(ids).toContain(area.story);
        expect(area.title).toBe(view.edition.stories.find((story) => story.id === area.story)!.title);
        for (const [x, y, w, h] of area.rects) {
          for (const value of [x!, y!, x! + w!, y! + h!]) expect(value >= 0 && value <= 1, `${area.story}: ${[x, y, w, h]}`).toBe(true);
        }
      }
      expect(Math.max(...map.areas.map((area) => area.rects.length))).toBeGreaterThanOrEqual(paper("a3").columns);
    }
  });
});
