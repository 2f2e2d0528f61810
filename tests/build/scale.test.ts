// The build at a small scale (a dozen pages, three issues, with PDFs): the renderer works through
// the views with a few browser pages at most, every edition gets its PDF and page pictures, every
// issue its PDF; built again with nothing changed, everything comes from the cache and nothing is
// rendered (and into the same folder, there is nothing to do); with one page changed, only that
// page is reflowed and rendered again; a view that fails is named and the others are still rendered;
// the views a crashed renderer held are rendered again, and a view that crashes it every time fails
// alone. No timings.
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ONE_RENDERER, launchBrowser } from "../../src/browser.ts";
import { loadDigest } from "../../src/edition/load.ts";
import { printIssues } from "../../src/print/issues.ts";
import { issuePdfUrl } from "../../src/site/urls.ts";
import { pictureUrls } from "../../src/print/pictures.ts";
import { defaultPoolSize, renderPdfs } from "../../src/print/render.ts";
import { pdfUrl, printUrl } from "../../src/site/urls.ts";
import { type BuiltSite, buildSite } from "../support/build.ts";
import { writeArchive } from "./archive.ts";

const PAGES = 12;
const folder = mkdtempSync(join(tmpdir(), "broadsheet-scale-"));
const sources = join(folder, "sources");
const cache = join(folder, "cache");
writeArchive(sources, PAGES);

interface Timings {
  pdfPages?: number;
  openPages?: number;
  cache: Record<string, { reused: number; made: number }>;
}

async function build(name: string, out?: string): Promise<{ site: BuiltSite; timings: Timings }> {
  const timingsFile = join(folder, `${name}.json`);
  const site = await buildSite({ sources, out, env: { BROADSHEET_CACHE: cache, BROADSHEET_TIMINGS: timingsFile } });
  expect(site.exitCode, site.stderr).toBe(0);
  return { site, timings: JSON.parse(readFileSync(timingsFile, "utf8")) as Timings };
}

let first: Awaited<ReturnType<typeof build>>;
let again: Awaited<ReturnType<typeof build>>;
let upToDate: Awaited<ReturnType<typeof build>>;
let againFiles: Map<string, number>;
let changed: Awaited<ReturnType<typeof build>>;
const editions = loadDigest(sources).editions;

/** Every file of a folder, with when it was last written. */
const filesWithTimes = (directory: string) =>
  new Map(readdirSync(directory, { recursive: true, encoding: "utf8" }).sort().map((name) => [name, statSync(join(directory, name)).mtimeMs]));

beforeAll(async () => {
  first = await build("first");
  again = await build("again");
  againFiles = filesWithTimes(again.site.directory);
  upToDate = await build("up-to-date", again.site.directory);
  appendFileSync(join(sources, "p00005.txt"), "\n    又及：这一段是后来加上的，写得足够长，让它成为一个段落，完。\n");
  changed = await build("changed");
}, 600_000);

describe("a build of a dozen pages with PDFs", () => {
  it("reflows every page and renders every view, with no more browser pages open than the pool", () => {
    expect(editions.length).toBe(PAGES);
    expect(first.timings.cache.reflow).toEqual({ reused: 0, made: PAGES });
    expect(first.timings.cache.print).toEqual({ reused: 0, made: PAGES });
    expect(first.timings.openPages).toBeGreaterThanOrEqual(1);
    expect(first.timings.openPages).toBeLessThanOrEqual(defaultPoolSize());
  });

  it("writes each edition's PDF and page pictures, and each issue's PDF", () => {
    for (const edition of editions) {
      expect(readFileSync(join(first.site.directory, pdfUrl(edition))).subarray(0, 5).toString()).toBe("%PDF-");
      const map = JSON.parse(readFileSync(join(first.site.directory, pictureUrls(edition.slug).map), "utf8")) as { areas: unknown[] };
      expect(map.areas.length).toBeGreaterThan(0);
    }
    const issues = printIssues(editions);
    expect(issues.length).toBe(PAGES / 4);
    for (const issue of issues) expect(readFileSync(join(first.site.directory, issuePdfUrl(issue.publication, issue.date))).subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("the same build again, nothing changed", () => {
  it("reflows nothing and renders nothing: all from the cache", () => {
    expect(again.timings.cache.reflow).toEqual({ reused: PAGES, made: 0 });
    expect(again.timings.cache.print).toEqual({ reused: PAGES, made: 0 });
    expect(again.timings.cache.issues).toEqual({ reused: PAGES / 4, made: 0 });
    expect(again.timings.pdfPages).toBe(0);
    expect(again.site.stdout).toContain("0 rendered");
  });

  it("publishes the same PDFs", () => {
    for (const edition of editions) {
      expect(readFileSync(join(again.site.directory, pdfUrl(edition)))).toEqual(readFileSync(join(first.site.directory, pdfUrl(edition))));
    }
  });
});

describe("the same build again into the folder it built", () => {
  it("has nothing to do, says so, and leaves every file of the folder as it was", () => {
    expect(upToDate.site.stdout).toContain("up to date");
    expect(upToDate.timings).toMatchObject({ upToDate: true });
    expect(filesWithTimes(again.site.directory)).toEqual(againFiles);
  });
});

describe("the build after one page changed", () => {
  it("reflows and renders that page alone, and makes its issue's PDF again", () => {
    expect(changed.timings.cache.reflow).toEqual({ reused: PAGES - 1, made: 1 });
    expect(changed.timings.cache.print).toEqual({ reused: PAGES - 1, made: 1 });
    expect(changed.timings.cache.issues).toEqual({ reused: PAGES / 4 - 1, made: 1 });
  });
});

describe("the browser pages", () => {
  it("each serve many views in turn: no page is opened but one per worker", async () => {
    process.env.BROADSHEET_CACHE = join(folder, "reuse-cache");
    try {
      const report = await renderPdfs(again.site.directory, { editions: editions.slice(0, 6), pages: 2 });
      expect(report.failures).toEqual([]);
      expect(report.pdfs.length).toBe(6);
      expect(report.pagesOpened).toBe(2);
      expect(report.openPages).toBe(2);
    } finally {
      delete process.env.BROADSHEET_CACHE;
    }
  }, 120_000);
});

describe("a view that cannot be rendered", () => {
  it("is reported by name, and the other views are rendered all the same", async () => {
    const [broken, ...rest] = editions.slice(0, 3);
    const html = join(again.site.directory, printUrl(broken!), "index.html");
    writeFileSync(html, readFileSync(html, "utf8").replace("</head>", '<link rel="stylesheet" href="/no-such-sheet.css"></head>'));
    process.env.BROADSHEET_CACHE = join(folder, "fresh-cache");
    try {
      const report = await renderPdfs(again.site.directory, { editions: [broken!, ...rest], pages: 2 });
      expect(report.failures.map((failure) => failure.view)).toEqual([printUrl(broken!)]);
      expect(report.failures[0]!.message).toContain("no-such-sheet.css");
      expect(report.pdfs.map((pdf) => pdf.view).sort()).toEqual(rest.map((edition) => printUrl(edition)).sort());
      expect(report.openPages).toBeLessThanOrEqual(2);
      // the page that failed is replaced; the other one served on
      expect(report.pagesOpened).toBe(3);
    } finally {
      delete process.env.BROADSHEET_CACHE;
    }
  }, 120_000);
});

describe("a renderer that crashes", () => {
  it("fails no view: the views it held, on every page of the pool, are rendered again in fresh pages", async () => {
    const views = editions.slice(4, 8); // not the one broken above
    const browser = await launchBrowser(ONE_RENDERER);
    process.env.BROADSHEET_CACHE = join(folder, "crash-cache");
    let crashed = false;
    // the renderer is crashed (through the DevTools protocol) as soon as a print view is loading in it
    const crasher = setInterval(() => {
      const context = browser.contexts()[0];
      const page = context?.pages().find((open) => open.url().includes("/print/"));
      if (!page || crashed) return;
      crashed = true;
      void context!.newCDPSession(page).then((cdp) => cdp.send("Page.crash")).catch(() => undefined);
    }, 10);
    try {
      const report = await renderPdfs(again.site.directory, { editions: views, pages: 2, browser });
      expect(crashed).toBe(true);
      expect(report.failures).toEqual([]);
      expect(report.pdfs.map((pdf) => pdf.view).sort()).toEqual(views.map((edition) => printUrl(edition)).sort());
      // both pages died with their renderer and were replaced; the views it held were then rendered in a fifth
      expect(report.pagesOpened).toBe(5);
    } finally {
      clearInterval(crasher);
      delete process.env.BROADSHEET_CACHE;
      await browser.close();
    }
  }, 120_000);

  it("fails only the view that crashes it every time: the views it took down with it are rendered again, one at a time", async () => {
    const views = editions.slice(4, 8);
    const poison = printUrl(views[0]!);
    const browser = await launchBrowser(ONE_RENDERER);
    process.env.BROADSHEET_CACHE = join(folder, "poison-cache");
    const crashedPages = new Set<unknown>();
    // whenever the poisoned view is loading in a page, the renderer is crashed (again)
    const crasher = setInterval(() => {
      const context = browser.contexts()[0];
      for (const page of context?.pages() ?? []) {
        if (!page.url().includes(poison) || crashedPages.has(page)) continue;
        crashedPages.add(page);
        void context!.newCDPSession(page).then((cdp) => cdp.send("Page.crash")).catch(() => undefined);
      }
    }, 10);
    try {
      const report = await renderPdfs(again.site.directory, { editions: views, pages: 2, browser });
      expect(crashedPages.size).toBe(2);
      expect(report.failures.map((failure) => failure.view)).toEqual([poison]);
      expect(report.pdfs.map((pdf) => pdf.view).sort()).toEqual(views.slice(1).map((edition) => printUrl(edition)).sort());
    } finally {
      clearInterval(crasher);
      delete process.env.BROADSHEET_CACHE;
      await browser.close();
    }
  }, 120_000);
});
