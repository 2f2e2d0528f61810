// The print edition's PDFs, read back: every character of every story exactly once and in reading
// order, the running heads and page numbers where the layout puts them, nothing outside the page's
// content area or on top of other text, fonts embedded, as many pages as the layout implies, and
// page 1 drawn from the PDF alone looks like a page of columns.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser.ts";
import { sourcesDirectory } from "../../src/config.ts";
import { loadDigest } from "../../src/edition/load.ts";
import { renderPdfs } from "../../src/print/render.ts";
import { type PrintEdition, printEdition } from "../../src/print/view.ts";
import { pdfUrl } from "../../src/site/urls.ts";
import { type BuiltSite, buildSite } from "../support/build.ts";
import { checkDigest, checkEdition, paper } from "./layout-checks.ts";
import { renderPdfPage } from "./pdf-image.ts";
import { pdfFonts, readPdf } from "./pdf.ts";

const views = loadDigest(sourcesDirectory()).editions.map(printEdition);

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
    checkDigest(views, await readPdf(file()), counts, "a3");
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
    checkDigest(views, await readPdf(join(a4Folder, pdfUrl())), counts, "a4");
  });
});
