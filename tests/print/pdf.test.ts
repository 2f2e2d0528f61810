// The print edition's PDFs, read back: every character of every story exactly once and in reading
// order, the running heads and page numbers where the layout puts them, nothing outside the page's
// content area or on top of other text, fonts embedded, as many pages as the layout implies, and
// page 1 drawn from the PDF alone looks like a page of columns.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser.ts";
import { sourcesDirectory } from "../../src/config.ts";
import { loadDigest } from "../../src/edition/load.ts";
import { renderPdfs } from "../../src/print/render.ts";
import { type PaperSize, type PrintEdition, printEdition, printedTexts, runningHeadTexts } from "../../src/print/view.ts";
import { pdfUrl } from "../../src/site/urls.ts";
import { type BuiltSite, buildSite } from "../support/build.ts";
import { renderPdfPage } from "./pdf-image.ts";
import { type PdfPage, characterCounts, countDifference, furniture, inkBox, overlaps, pdfFonts, readPdf, squash, textOf } from "./pdf.ts";

const MM = 72 / 25.4;
const views = loadDigest(sourcesDirectory()).editions.map(printEdition);

/** What the paper's stylesheet asks for: page size in points, margins, columns. */
function paper(size: PaperSize) {
  const css = readFileSync(`src/print/assets/paper-${size}.css`, "utf8");
  const margins = /margin:\s*([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm/u.exec(css)!.slice(1).map((value) => Number(value) * MM);
  const columns = Number(/\.columns\s*\{\s*column-count:\s*(\d+)/u.exec(css)![1]);
  const [width, height] = size === "a3" ? [297 * MM, 420 * MM] : [210 * MM, 297 * MM];
  return { width, height, top: margins[0]!, side: margins[1]!, bottom: margins[2]!, columns };
}

/** Check one edition's pages (of its own PDF or its part of the digest's), numbered from `firstNumber`. */
function checkEdition(view: PrintEdition, pages: readonly PdfPage[], firstNumber: number, size: PaperSize) {
  const box = paper(size);
  const runningHead = squash(runningHeadTexts(view).join(""));
  let body = "";
  pages.forEach((page, k) => {
    const where = `${view.edition.slug} page ${firstNumber + k}`;
    expect(page.width, where).toBeCloseTo(box.width, -1);
    expect(page.height, where).toBeCloseTo(box.height, -1);
    const { top, bottom, body: runs } = furniture(page);
    expect(textOf(bottom), `${where}: page number`).toBe(String(firstNumber + k));
    // the first page carries the masthead (part of the body text) instead of the running head
    const text = k === 0 ? runs : runs.filter((run) => !top.includes(run));
    if (k > 0) expect(textOf(top), `${where}: running head`).toBe(runningHead);
    body += textOf(text);
    for (const run of text) {
      const ink = inkBox(run);
      const inside = ink.left >= box.side && ink.right <= box.width - box.side && ink.bottom >= box.bottom && ink.top <= box.height - box.top;
      expect(inside, `${where}: "${run.text}" at (${run.x.toFixed(0)}, ${run.y.toFixed(0)}) is outside the content area`).toBe(true);
    }
    expect(overlaps(page.runs).map(([a, b]) => `"${a.text}" × "${b.text}" at y ${a.y.toFixed(0)}`), `${where}: overlapping text`).toEqual([]);
    if (k < pages.length - 1) {
      // no half-empty pages: a page the text goes on from is filled but for a box kept whole for the next
      const gap = Math.min(...text.map((run) => run.y)) - box.bottom;
      expect(gap / (box.height - box.top - box.bottom), `${where}: the columns stop short of the page's foot`).toBeLessThan(0.3);
    }
  });
  const expected = squash(printedTexts(view).join(""));
  expect(countDifference(characterCounts(body), characterCounts(expected)), `${view.edition.slug}: characters missing (<0) or extra (>0)`).toEqual({});
  expect(body, `${view.edition.slug}: text out of reading order`).toBe(expected);
}

/** The digest's pages are the editions' pages in turn, numbered on: split them by each edition's own count. */
function checkDigest(digest: readonly PdfPage[], editionPages: readonly number[], size: PaperSize) {
  expect(digest.length).toBe(editionPages.reduce((sum, count) => sum + count, 0));
  let start = 0;
  views.forEach((view, k) => {
    checkEdition(view, digest.slice(start, start + editionPages[k]!), start + 1, size);
    start += editionPages[k]!;
  });
}

let site: BuiltSite;
const a4Folder = mkdtempSync(join(tmpdir(), "broadsheet-a4-"));

beforeAll(async () => {
  site = await buildSite();
  expect(site.exitCode, site.stderr).toBe(0);
});

describe("the A3 PDFs that npm run build writes", () => {
  const file = (edition?: PrintEdition) => join(site.directory, pdfUrl(edition?.edition));

  it("has the sample digest's two editions to print", () => expect(views.length).toBe(2));

  it("sets every edition's text once, in order, within its pages", async () => {
    for (const view of views) checkEdition(view, await readPdf(file(view)), 1, "a3");
  });

  it("prints the whole digest as the editions' pages in turn", async () => {
    const counts = await Promise.all(views.map(async (view) => (await readPdf(file(view))).length));
    checkDigest(await readPdf(file()), counts, "a3");
  });

  it("embeds every font it uses, all of them Noto Serif SC or Noto Sans SC", () => {
    for (const pdf of [...views, undefined].map(file)) {
      const fonts = pdfFonts(pdf);
      expect(fonts.length, pdf).toBeGreaterThan(0);
      expect(fonts.filter((font) => !font.embedded || !/^[A-Z]{6}\+Noto(Serif|Sans)SC/u.test(font.baseFont)), pdf).toEqual([]);
    }
  });

  it("draws page 1 of each edition as columns with rules, from the PDF alone", async () => {
    const browser = await launchBrowser();
    try {
      for (const view of views) {
        const image = await renderPdfPage(browser, file(view), 1);
        const png = join(site.directory, "..", `${view.edition.slug}-page-1.png`);
        writeFileSync(png, image.png);
        expect(image.ink, png).toBeGreaterThan(0.03);
        expect(image.ink, png).toBeLessThan(0.4);
        // the column rules below the headline (box sides may add more)
        expect(image.verticalRules.length, png).toBeGreaterThanOrEqual(paper("a3").columns - 1);
      }
    } finally {
      await browser.close();
    }
  });
});

describe("the A4 print view", () => {
  let counts: number[];
  beforeAll(async () => {
    const pdfs = await renderPdfs(site.directory, { editions: views.map((view) => view.edition), paper: "a4", outputDirectory: a4Folder });
    counts = pdfs.slice(0, views.length).map((pdf) => pdf.pages);
  });

  it("sets every edition's text once, in order, on more, smaller pages", async () => {
    for (const [k, view] of views.entries()) {
      const pages = await readPdf(join(a4Folder, pdfUrl(view.edition)));
      expect(pages.length).toBe(counts[k]);
      expect(pages.length).toBeGreaterThan((await readPdf(join(site.directory, pdfUrl(view.edition)))).length);
      checkEdition(view, pages, 1, "a4");
    }
  });

  it("prints the whole digest as the editions' pages in turn", async () => {
    checkDigest(await readPdf(join(a4Folder, pdfUrl())), counts, "a4");
  });
});
