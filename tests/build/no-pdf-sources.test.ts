// A build without Chromium on a folder holding a PDF source beside text sources: the site is whole
// (no broken link or image, no PDF linked), text sources get no page picture (theirs are photographs
// of the print views, which need the browser), and the PDF source is still pictured with its areas
// (its picture is drawn by pdf.js, no browser needed).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser.ts";
import { sourcesDirectory } from "../../src/config.ts";
import { slugFor } from "../../src/edition/slug.ts";
import { testPage } from "../pdf/corpus.ts";
import { printPage } from "../pdf/pages.ts";
import { type BuiltSite, buildSite } from "../support/build.ts";
import { brokenReferences, filesOf, internalReferenceCount } from "../site/crawl.ts";

const PDF_SLUG = "printed";
let folder: string;
let site: BuiltSite;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "broadsheet-no-pdf-sources-"));
  const sources = join(folder, "sources");
  mkdirSync(sources);
  for (const name of readdirSync(sourcesDirectory())) copyFileSync(join(sourcesDirectory(), name), join(sources, name));
  const browser = await launchBrowser();
  try {
    writeFileSync(join(sources, `${PDF_SLUG}.pdf`), await printPage(browser, testPage(3)));
  } finally {
    await browser.close();
  }
  writeFileSync(join(sources, `${PDF_SLUG}.meta.yaml`), 'publication: "测试日报"\ndate: "2025-07-01"\npage: "要闻"\npageNumber: 1\n');
  // no usable Chromium, and a cache of its own (so nothing comes from a build that had one)
  site = await buildSite({ sources, env: { CHROME_PATH: "/nonexistent/chromium", BROADSHEET_CACHE: join(folder, "cache") } });
}, 120_000);

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const editionPage = (slug: string) => readFileSync(join(site.directory, "editions", slug, "index.html"), "utf8");

describe("a build without Chromium, with a PDF source", () => {
  it("builds the whole site, no link or image broken, no PDF linked", () => {
    expect(site.exitCode, site.stderr).toBe(0);
    expect(internalReferenceCount(site.directory)).toBeGreaterThan(100);
    expect(brokenReferences(site.directory)).toEqual([]);
    expect(existsSync(join(site.directory, "pdf"))).toBe(false);
    expect(filesOf(site.directory, ".html").filter((file) => /\.pdf"/u.test(readFileSync(file, "utf8")))).toEqual([]);
  });

  it("pictures the PDF source, every story an area, and no text source", () => {
    expect(readdirSync(join(site.directory, "pictures")).sort()).toEqual([`${PDF_SLUG}-small.jpg`, `${PDF_SLUG}.jpg`, `${PDF_SLUG}.json`]);
    const stories = new Set([...editionPage(PDF_SLUG).matchAll(/class="pagemap-area" href="([^"]+)"/gu)].map((match) => match[1]));
    expect(stories.size).toBe(testPage(3).stories.length);
    expect(editionPage(PDF_SLUG)).toMatch(/<meta property="og:image" content="[^"]+\/pictures\/printed\.jpg">/u);
    for (const name of readdirSync(sourcesDirectory()).filter((file) => file.endsWith(".txt"))) {
      const page = editionPage(slugFor(name.replace(/\.txt$/u, "")));
      expect(page).not.toContain('class="pagemap');
      expect(page).not.toContain("og:image");
    }
  });
});
